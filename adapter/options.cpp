// options.cpp — the plugin's options (`-fplugin-arg-escan-OPT=VALUE`, or
// `-Xclang -plugin-arg-escan -Xclang OPT=VALUE`). Each argument is parsed on
// its own; a bad one is reported by the caller as a clang error, so a typo
// never silently turns the analysis off.
#include "adapter.h"

#include <cstdlib>

using llvm::StringRef;

namespace escan {

PluginOptions::PluginOptions() { esc_options_default(&Engine); }

// A non-negative decimal byte count.
static bool parseBytes(StringRef V, int64_t &Out) {
  unsigned long long N;
  if (V.empty() || V.getAsInteger(10, N) || N > (1ull << 62))
    return false;
  Out = (int64_t)N;
  return true;
}

static void splitNames(StringRef V, std::vector<std::string> &Out) {
  llvm::SmallVector<StringRef, 8> Parts;
  V.split(Parts, ',', -1, false);
  for (StringRef P : Parts)
    Out.push_back(P.trim().str());
}

// Options that take a value; returns false for an unknown name.
static bool parseValued(StringRef Name, StringRef V, PluginOptions &O,
                        std::string &Err) {
  if (Name == "m") {
    if (V != "0" && V != "1" && V != "2")
      Err = "bad value '" + V.str() + "' for option 'm' (expected 0, 1 or 2)";
    else
      O.Engine.m_level = V[0] - '0';
  } else if (Name == "checks") {
    char Buf[256];
    if (!esc_parse_checks(V.str().c_str(), &O.Engine.checks, Buf, sizeof Buf))
      Err = std::string("bad value for option 'checks': ") + Buf;
  } else if (Name == "max-stack" || Name == "max-stack-fn") {
    int64_t &Dst =
        Name == "max-stack" ? O.Engine.max_stack : O.Engine.max_stack_fn;
    if (!parseBytes(V, Dst))
      Err = "bad value '" + V.str() + "' for option '" + Name.str() +
            "' (expected a number of bytes)";
  } else if (Name == "output" || Name == "summaries" ||
             Name == "export-summaries") {
    std::string &Dst = Name == "output"      ? O.Output
                       : Name == "summaries" ? O.Summaries
                                             : O.ExportSummaries;
    if (V.empty())
      Err = "option '" + Name.str() + "' needs a path";
    Dst = V.str();
  } else if (Name == "allocators" || Name == "deallocators") {
    splitNames(V, Name == "allocators" ? O.Allocators : O.Deallocators);
  } else {
    return false;
  }
  return true;
}

bool parseOption(StringRef Arg, PluginOptions &O, std::string &Err) {
  auto [Name, V] = Arg.split('=');
  bool HasValue = Arg.contains('=');
  if (Name == "werror") {
    O.Werror = !HasValue;
    if (HasValue)
      Err = "option 'werror' takes no value";
    return !HasValue;
  }
  if (!HasValue && (Name == "m" || Name == "checks" || Name == "output" ||
                    Name == "summaries" || Name == "export-summaries" ||
                    Name == "max-stack" || Name == "max-stack-fn" ||
                    Name == "allocators" || Name == "deallocators")) {
    Err = "option '" + Name.str() + "' needs a value (" + Name.str() + "=...)";
    return false;
  }
  if (!HasValue || !parseValued(Name, V, O, Err)) {
    if (Err.empty())
      Err = "unknown plugin option '" + Name.str() + "'";
    return false;
  }
  return Err.empty();
}

} // namespace escan
