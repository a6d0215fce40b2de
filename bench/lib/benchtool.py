#!/usr/bin/env python3
"""Helpers for the bench/ scripts (standard library only).

Subcommands:
  sqlite-defines GYPI            print better-sqlite3's -D flags, one line
  sqlite-prefix SRC DST LINES    write a smaller, self-contained TU: sqlite3.c
                                 cut at the first "End of x.c" marker past
                                 LINES, with the open #if blocks closed
  redis-compdb SRCDIR -- FLAGS   print compile_commands.json for SRCDIR/*.c
  baseline-cmds DB CLANG LOGDIR  print one shell line per database entry that
                                 runs CLANG -fsyntax-only with the entry's
                                 flags (for xargs -P), logging failures
  deb-src-sources OUTDIR         write OUTDIR/sources.list and
                                 OUTDIR/sources.list.d/src.sources: the
                                 system's enabled `deb` entries as deb-src
  findings FILE                  count escan JSON results: findings by kind,
                                 params, errors (missing/bad file: errors=-1)
"""
import json
import os
import re
import shlex
import sys

# ae_*.c are event-loop back ends that ae.c #includes; they are not
# translation units of their own and do not compile alone.
REDIS_NOT_TUS = {"ae_epoll.c", "ae_evport.c", "ae_kqueue.c", "ae_select.c"}


def sqlite_defines(gypi):
    text = open(gypi, encoding="utf-8").read()
    block = re.search(r"'defines'\s*:\s*\[(.*?)\]", text, re.S)
    if not block:
        sys.exit(f"benchtool: no 'defines' list in {gypi}")
    names = re.findall(r"'([A-Za-z0-9_]+(?:=[^']*)?)'", block.group(1))
    print(" ".join("-D" + n for n in names))


def sqlite_prefix(src, dst, lines):
    marker = re.compile(r"^/\*{14} End of \S+ \*+/$")
    cond = re.compile(r"^\s*#\s*(if|ifdef|ifndef|endif)\b")
    depth, out = 0, []
    with open(src, encoding="latin-1") as f:
        for n, line in enumerate(f, 1):
            out.append(line)
            m = cond.match(line)
            if m:
                depth += -1 if m.group(1) == "endif" else 1
            if n >= lines and marker.match(line.rstrip("\n")):
                break
    out.extend("#endif /* closed by bench/lib/benchtool.py */\n" for _ in range(depth))
    with open(dst, "w", encoding="latin-1") as f:
        f.writelines(out)
    print(f"{len(out)} lines")


def redis_compdb(srcdir, flags):
    srcdir = os.path.abspath(srcdir)
    files = sorted(f for f in os.listdir(srcdir)
                   if f.endswith(".c") and f not in REDIS_NOT_TUS)
    entries = [{"directory": srcdir, "file": f,
                "arguments": ["cc", *flags, "-c", f, "-o", f[:-2] + ".o"]}
               for f in files]
    json.dump(entries, sys.stdout, indent=1)
    print()


def syntax_only_args(args):
    """The entry's compiler flags minus argv[0], -c and -o X."""
    out, skip = [], False
    for a in args[1:]:
        if skip:
            skip = False
        elif a == "-o":
            skip = True
        elif a == "-c" or a.startswith("-o") and a != "-o":
            continue
        else:
            out.append(a)
    return out


def baseline_cmds(db, clang, logdir):
    for i, e in enumerate(json.load(open(db, encoding="utf-8"))):
        args = e.get("arguments") or shlex.split(e["command"])
        # The same child line as escan's driver/run.c, minus the plugin.
        cmd = [clang, *syntax_only_args(args), "-fsyntax-only", "-fno-crash-diagnostics"]
        log = os.path.join(logdir, f"{i:04d}.log")
        print(f"cd {shlex.quote(e['directory'])} && {shlex.join(cmd)} >{shlex.quote(log)} 2>&1"
              f" || echo {shlex.quote(e['file'])} >>{shlex.quote(os.path.join(logdir, 'failed'))}")


def deb_src_sources(outdir):
    """Private deb-src entries mirroring the system's deb entries, so that
    `apt-get source` works without touching /etc/apt."""
    os.makedirs(os.path.join(outdir, "sources.list.d"), exist_ok=True)
    one_line, paras = [], []
    etc = "/etc/apt"
    lists = [os.path.join(etc, "sources.list")]
    parts = os.path.join(etc, "sources.list.d")
    names = sorted(os.listdir(parts)) if os.path.isdir(parts) else []
    lists += [os.path.join(parts, n) for n in names if n.endswith(".list")]
    for path in lists:
        if os.path.isfile(path):
            for line in open(path, encoding="utf-8"):
                if re.match(r"\s*deb\s", line):
                    one_line.append(re.sub(r"^\s*deb\s", "deb-src ", line, count=1).rstrip())
    for n in names:
        if not n.endswith(".sources"):
            continue
        text = open(os.path.join(parts, n), encoding="utf-8").read()
        for block in re.split(r"\n\s*\n", text):
            lines = [l for l in block.splitlines() if not l.lstrip().startswith("#")]
            fields = {l.split(":", 1)[0].strip().lower(): l for l in lines if ":" in l}
            types = fields.get("types", "").split(":", 1)[-1].split()
            enabled = fields.get("enabled", "enabled: yes").split(":", 1)[1].strip().lower()
            if "deb" not in types or enabled == "no":
                continue
            paras.append("\n".join("Types: deb-src" if l.lower().startswith("types:") else l
                                   for l in lines))
    if not one_line and not paras:
        sys.exit("benchtool: no enabled `deb` entry in /etc/apt to mirror as deb-src")
    with open(os.path.join(outdir, "sources.list"), "w", encoding="utf-8") as f:
        f.write("".join(l + "\n" for l in one_line))
    with open(os.path.join(outdir, "sources.list.d", "src.sources"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(paras) + ("\n" if paras else ""))
    print(f"{len(one_line) + len(paras)} source entries")


def findings(path):
    try:
        doc = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError) as err:
        print(f"errors=-1\n# {err}")
        return
    kinds = {}
    for f in doc.get("findings", []):
        kinds[f.get("kind", "?")] = kinds.get(f.get("kind", "?"), 0) + 1
    print(f"total={sum(kinds.values())}")
    print(f"params={len(doc.get('params', []))}")
    print(f"errors={len(doc.get('errors', []))}")
    for e in doc.get("errors", [])[:20]:
        print(f"# error: {e.get('file', '?')}: {str(e.get('message', ''))[:200]}")
    print("kinds=" + ",".join(f"{k}:{v}" for k, v in sorted(kinds.items())))


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    cmd, rest = argv[1], argv[2:]
    if cmd == "sqlite-defines" and len(rest) == 1:
        sqlite_defines(rest[0])
    elif cmd == "sqlite-prefix" and len(rest) == 3:
        sqlite_prefix(rest[0], rest[1], int(rest[2]))
    elif cmd == "redis-compdb" and len(rest) >= 2 and rest[1] == "--":
        redis_compdb(rest[0], rest[2:])
    elif cmd == "baseline-cmds" and len(rest) == 3:
        baseline_cmds(*rest)
    elif cmd == "deb-src-sources" and len(rest) == 1:
        deb_src_sources(rest[0])
    elif cmd == "findings" and len(rest) == 1:
        findings(rest[0])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
