# Shared helpers for the bench/run-*.sh scripts. Sourced, not run.
#
# Every benchmark:
#   - uses the plugin jar built from this work tree, installed into a private local repository
#     (target/bench/m2, with ~/.m2/repository as a read-only tail), so another work tree's `mvn install` of the
#     same SNAPSHOT cannot change what is measured halfway through;
#   - runs Maven offline (-o) through ./mvnw, with -B and its output in a log file, as CI would;
#   - times each sample with /usr/bin/time (wall, and user+sys CPU of the process tree), records the 1-minute
#     load average next to it, and writes raw rows to target/bench/<benchmark>/samples.csv.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
OUT="$ROOT/target/bench"
M2_HEAD="$OUT/m2"
M2_TAIL="${BENCH_M2_TAIL:-$HOME/.m2/repository}"
PLUGIN="io.github.hotpatch:hotpatch-maven-plugin:0.1.0-SNAPSHOT"
PLUGIN_JAR="$ROOT/target/hotpatch-maven-plugin-0.1.0-SNAPSHOT.jar"
QUICKSTART_POM="$ROOT/examples/quickstart/pom.xml"
QUICKSTART_SRC="$ROOT/examples/quickstart"

# The quickstart's two variants: name and QUIC_TLS_LIB, as the plugin's defaults have them.
VARIANT_NAMES=(arm64_schannel arm64_openssl)
VARIANT_TLS=(schannel openssl)

log() {
  printf '[bench] %s\n' "$*" >&2
}

die() {
  printf '[bench] error: %s\n' "$*" >&2
  exit 1
}

# Maven through the wrapper, offline, with the private local repository. Arguments are passed as they are.
MVN=("$ROOT/mvnw" -B -o "-Dmaven.repo.local=$M2_HEAD" "-Dmaven.repo.local.tail=$M2_TAIL")
mvn_bench() {
  "${MVN[@]}" "$@"
}

# The commit the numbers belong to, with "+dirty" when the plugin's sources differ from it.
measured_commit() {
  local c
  c="$(git -C "$ROOT" rev-parse --short=12 HEAD)"
  if [ -n "$(git -C "$ROOT" status --porcelain -- src pom.xml)" ]; then
    c="$c+dirty"
  fi
  printf '%s' "$c"
}

# Builds the plugin jar when it is missing or older than the sources (BENCH_REBUILD=1 forces it), then installs
# it into the private local repository.
ensure_plugin() {
  local newer=""
  if [ -f "$PLUGIN_JAR" ]; then
    newer="$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$PLUGIN_JAR" -print -quit)"
  fi
  if [ ! -f "$PLUGIN_JAR" ] || [ -n "$newer" ] || [ "${BENCH_REBUILD:-0}" = 1 ]; then
    log "building the plugin (./mvnw package -DskipTests -Dinvoker.skip=true)"
    "$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" package -DskipTests -Dinvoker.skip=true
  fi
  mkdir -p "$OUT"
  local sum
  sum="$(sha256sum "$PLUGIN_JAR" | cut -d' ' -f1)"
  if [ "$(cat "$OUT/m2.sha256" 2>/dev/null || true)" != "$sum" ]; then
    log "installing $(basename "$PLUGIN_JAR") into $M2_HEAD"
    mvn_bench -q install:install-file "-Dfile=$PLUGIN_JAR" "-DpomFile=$ROOT/pom.xml" >/dev/null
    printf '%s\n' "$sum" >"$OUT/m2.sha256"
  fi
}

# Whether the installed plugin declares a parameter (looked up in its plugin descriptor).
plugin_has_parameter() {
  unzip -p "$PLUGIN_JAR" META-INF/maven/plugin.xml | grep -q "<name>$1</name>"
}

# time_run CSV_PREFIX LOGFILE -- COMMAND...
# Runs COMMAND (argument array, no shell) with stdout+stderr to LOGFILE, and appends to $SAMPLES one row:
# CSV_PREFIX,wall_s,cpu_s,load1,exit. Fails the benchmark when the command fails.
time_run() {
  local prefix="$1" logfile="$2"
  shift 3
  local tf="$OUT/.time.$$" load rc=0
  load="$(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -f '%e %U %S' -o "$tf" "$@" >"$logfile" 2>&1 || rc=$?
  local wall user sys
  read -r wall user sys <"$tf"
  rm -f "$tf"
  printf '%s,%s,%s,%s,%s\n' "$prefix" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" \
    "$load" "$rc" >>"$SAMPLES"
  if [ "$rc" -ne 0 ]; then
    die "exit $rc from: $* (log: $logfile)"
  fi
}

# Median of the numbers on stdin, one a line.
median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } if (NR % 2) printf "%.3f\n", v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# column_median CSV NAME COLUMN: median of COLUMN (1-based) over the rows whose 2nd field is NAME.
column_median() {
  awk -F, -v n="$2" -v c="$3" 'NR > 1 && $2 == n { print $c }' "$1" | median
}

# paired_ratio CSV A B [BASE]: median over runs of wall(A)/wall(B), or of (wall(A) - wall(BASE))/wall(B).
# Rows are: run,name,wall_s,cpu_s,load1,exit. Column 3 is wall; pass COL=4 for CPU.
paired_ratio() {
  local csv="$1" a="$2" b="$3" base="${4:-}" col="${COL:-3}"
  awk -F, -v a="$a" -v b="$b" -v base="$base" -v c="$col" '
    NR > 1 { t[$1, $2] = $c; runs[$1] = 1 }
    END {
      for (r in runs) {
        if (!((r, a) in t) || !((r, b) in t) || t[r, b] == 0) continue
        x = t[r, a]
        if (base != "") { if (!((r, base) in t)) continue; x -= t[r, base] }
        printf "%.4f\n", x / t[r, b]
      }
    }' "$csv" | median
}

# verdict VALUE LIMIT: "met" when VALUE <= LIMIT.
# paired_diff CSV A B: the median over runs of A - B (column COL, default 3 = wall), in seconds.
paired_diff() {
  local csv="$1" a="$2" b="$3" col="${COL:-3}"
  awk -F, -v a="$a" -v b="$b" -v c="$col" '
    NR > 1 { t[$1, $2] = $c; runs[$1] = 1 }
    END { for (r in runs) if (((r, a) in t) && ((r, b) in t)) printf "%.4f\n", t[r, a] - t[r, b] }' "$csv" | median
}
verdict() {
  awk -v v="$1" -v l="$2" 'BEGIN { if (v == "nan" || v == "") print "n/a"; else if (v + 0 <= l + 0) print "met"; else print "not met" }'
}

# Rotates the list of names by RUN positions, so no case always runs first (interleaving without a fixed order).
rotate() {
  local run="$1"
  shift
  local names=("$@") n=$# i
  for ((i = 0; i < n; i++)); do
    printf '%s\n' "${names[$(((i + run) % n))]}"
  done
}

# The machine, for BENCHMARKS.md and next to every result.
machine_info() {
  local mem
  mem="$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  printf 'date: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf 'commit: %s\n' "$(measured_commit)"
  printf 'nproc: %s\n' "$(nproc)"
  printf 'cpu: %s\n' "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  printf 'memory: %s\n' "$mem"
  printf 'os: %s, kernel %s\n' "$(. /etc/os-release && printf '%s' "$PRETTY_NAME")" "$(uname -r)"
  printf 'jdk: %s\n' "$(java -version 2>&1 | head -n 2 | tail -n 1)"
  printf 'maven: %s\n' "$("$ROOT/mvnw" -v 2>/dev/null | head -n 1 | sed 's/\x1b\[[0-9;]*m//g')"
  printf 'cmake: %s\n' "$(cmake --version | head -n 1)"
  printf 'ninja: %s\n' "$(ninja --version)"
  printf 'llvm: %s\n' "$(clang-cl-22 --version | head -n 1)"
  printf 'load average at start: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
}

# warm_up CASE...: one unrecorded run of each case (the caller's run_case w NAME; page cache, Maven's first
# resolution), rows to $B/warmup.csv; the warm-up's fresh directories ($B/runs/w) are removed after it.
warm_up() {
  SAMPLES="$B/warmup.csv"
  echo "run,name,wall_s,cpu_s,load1,exit" >"$SAMPLES"
  local name
  for name in "$@"; do
    log "warm-up: $name"
    run_case w "$name"
  done
  rm -rf "$B/runs/w"
}

# measure_interleaved CASE...: RUNS runs of every case (the caller's run_case RUN NAME), the order rotating each
# run so that a drift of the machine falls on all cases alike; rows to $B/samples.csv. Each run's fresh
# directories ($B/runs/<run>) are removed after it.
measure_interleaved() {
  SAMPLES="$B/samples.csv"
  echo "run,name,wall_s,cpu_s,load1,exit" >"$SAMPLES"
  local run name
  for ((run = 1; run <= RUNS; run++)); do
    while read -r name; do
      run_case "$run" "$name"
      log "run $run/$RUNS $name: $(tail -n 1 "$SAMPLES" | cut -d, -f3-5 | awk -F, '{ printf "wall %ss cpu %ss load %s", $1, $2, $3 }')"
    done < <(rotate "$run" "$@")
    rm -rf "$B/runs/$run"
  done
}
