# lit configuration for escan's suites (plugin/, driver/, rewrite/).
# Substitutions:
#   %clang        the clang escan was built for
#   %plugin       the escan plugin shared object
#   %escan        the escan driver
#   %inputs       test/Inputs (mock libc headers: tests never use the host's)
#   %escan-cc     %clang -fsyntax-only with the plugin loaded and only %inputs
#                 as system headers
#   %run-cc       %clang for programs that are compiled and run (host libc)
import os
import lit.formats
import lit.util

site = lit_config.params.get("escan_site")
if site and not getattr(config, "escan_obj_root", None):
    lit_config.load_config(config, site)

config.name = "escan"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.escan_lit_out)

inputs = os.path.join(config.test_source_root, "Inputs")
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, os.path.dirname(config.escan_bin), config.environment.get("PATH", os.environ.get("PATH", ""))])
for var in ("HOME", "TMPDIR", "LANG"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

escan_cc = "%s -fsyntax-only -nostdinc -isystem %s -fplugin=%s" % (
    config.escan_clang, inputs, config.escan_plugin)
config.substitutions.append(("%escan-cc", escan_cc))
config.substitutions.append(("%run-cc", config.escan_clang))
config.substitutions.append(("%clang", config.escan_clang))
config.substitutions.append(("%plugin", config.escan_plugin))
config.substitutions.append(("%escan", config.escan_bin))
config.substitutions.append(("%inputs", inputs))
config.available_features.add("llvm-%d" % config.llvm_version_major)
