# Shared helpers for the benchmark scripts in bench/ (sourced, not run).
# Holds: error reporting, tool checks, locating escan/clang/plugin in a build
# directory, and `measure`, which times one command (wall clock from bash's
# EPOCHREALTIME, peak RSS from /usr/bin/time -v).

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo_root="$(cd "$bench_root/.." && pwd)"
work_root="$bench_root/work"        # git-ignored; downloads and results
benchtool="$bench_root/lib/benchtool.py"

die() { echo "${0##*/}: error: $*" >&2; exit 2; }
warn() { echo "${0##*/}: warning: $*" >&2; }
say() { echo "${0##*/}: $*" >&2; }

# need_tool CMD PACKAGE: CMD must be on PATH; if not, install the Debian
# PACKAGE when we are root, else stop with the apt-get line to run.
need_tool() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian package '$2' for $1"
    apt-get install -y -q "$2" >/dev/null 2>&1 ||
      { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "$2" >/dev/null 2>&1; } ||
      die "could not install '$2' (needed for $1); try: apt-get update && apt-get install $2"
    command -v "$1" >/dev/null 2>&1 && return 0
  fi
  die "'$1' not found; install it with: apt-get install $2"
}

# need_gnu_time: /usr/bin/time (GNU, with -v), not the shell keyword.
need_gnu_time() {
  if [ ! -x /usr/bin/time ]; then
    need_tool apt-get apt
    [ "$(id -u)" = 0 ] || die "/usr/bin/time missing; install it with: apt-get install time"
    say "installing Debian package 'time' for /usr/bin/time -v"
    apt-get install -y -q time >/dev/null 2>&1 ||
      { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q time >/dev/null 2>&1; } ||
      die "could not install 'time'; try: apt-get update && apt-get install time"
  fi
  local out
  out=$(/usr/bin/time -v true 2>&1) || true
  [[ "$out" == *"Maximum resident"* ]] ||
    die "/usr/bin/time is not GNU time (no -v); install it with: apt-get install time"
}

# locate_escan BUILD_DIR [BASELINE_ONLY]: sets escan, clang, plugin.
# clang is what `escan --print-clang` says, so the baseline and the plugin
# run on the same binary. With BASELINE_ONLY=1 a missing escan is fine and
# clang falls back to $ESCAN_BENCH_CLANG or clang-19.
locate_escan() {
  local bdir="$1" baseline_only="${2:-0}"
  escan="$bdir/bin/escan" clang="" plugin=""
  if [ -x "$escan" ]; then
    clang="$("$escan" --print-clang 2>/dev/null | head -n1)" || clang=""
    plugin="$("$escan" --print-plugin-path 2>/dev/null | head -n1)" || plugin=""
  elif [ "$baseline_only" != 1 ]; then
    die "no driver at $escan; build escan first (scripts/build, or cmake into another dir and pass --build DIR), or use --baseline-only to time clang alone"
  fi
  if [ -z "$plugin" ] || [ ! -f "$plugin" ]; then
    plugin="$(ls "$bdir"/lib/*escan*plugin*.so 2>/dev/null | head -n1)" || true
  fi
  if [ -z "$clang" ]; then
    clang="${ESCAN_BENCH_CLANG:-}"
    if [ -z "$clang" ] && [ -f "$bdir/CMakeCache.txt" ]; then
      clang="$(sed -n 's/^ESCAN_CLANG:[A-Z]*=//p' "$bdir/CMakeCache.txt" | head -n1)"
    fi
    [ -n "$clang" ] || clang="$(command -v clang-19 || echo /usr/lib/llvm-19/bin/clang)"
    [ -x "$escan" ] && warn "'escan --print-clang' gave nothing; using $clang"
  fi
  [ -x "$clang" ] || die "clang not found at '$clang' (set ESCAN_BENCH_CLANG)"
  if [ "$baseline_only" != 1 ] && { [ -z "$plugin" ] || [ ! -f "$plugin" ]; }; then
    die "no plugin found in $bdir/lib (and 'escan --print-plugin-path' gave nothing)"
  fi
  return 0
}

# measure TIMEFILE CMD...: runs CMD (stdin from /dev/null) and sets
#   M_SECS   wall-clock seconds (ms resolution)
#   M_CPU    user + system CPU seconds of CMD and the children it waited for
#            (steadier than wall time when other jobs share the machine)
#   M_RSS_MB peak resident set size of CMD or its largest child, in MiB
#   M_RC     exit status (128+N when killed by signal N)
measure() {
  local tf="$1"; shift
  local t0 t1
  t0=$EPOCHREALTIME
  set +e
  /usr/bin/time -v -o "$tf" "$@" </dev/null
  M_RC=$?
  set -e
  t1=$EPOCHREALTIME
  M_SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
  M_RSS_MB=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tf")
  M_CPU=$(awk -F': ' '/(User|System) time \(seconds\)/ { t += $2 } END { printf "%.2f", t }' "$tf")
  local sig
  sig=$(sed -n 's/.*Command terminated by signal \([0-9]*\).*/\1/p' "$tf")
  [ -z "$sig" ] || M_RC=$((128 + sig))
}

# crashed STDERR_FILE RC: true when a clang run looks like a crash (signal,
# clang's crash banner, or a frontend that died) rather than a plain error.
crashed() {
  [ "$2" -ge 128 ] && return 0
  grep -q -E 'PLEASE submit a bug report|Stack dump:|frontend command failed due to signal|unable to execute command|clang frontend command failed' "$1" 2>/dev/null
}

# min_of / max_of: smallest / largest of the numeric arguments.
min_of() { printf '%s\n' "$@" | sort -g | head -n1; }
max_of() { printf '%s\n' "$@" | sort -g | tail -n1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "inf" }'; }
