#!/usr/bin/env bash
# Compiler cache on compile-bound work: hotpatch:configure + hotpatch:build (-Dhotpatch.compilerLauncher=sccache) of
# a generated project of TUS translation units (bench/gen-tu-project.py, default 240), one variant, every build in a
# fresh build directory:
#   cold     an empty sccache directory: every compile misses (and is stored);
#   warm     an sccache directory primed by an untimed build of the same sources in another fresh directory;
#   nocache  -Dhotpatch.compilerLauncher=none, for reference (what the cache's bookkeeping costs on a miss);
#   validate Maven's start-up (bare validate), to give the ratio without it too.
# Cases interleave, the order rotating each run. Target: warm <= 0.3x cold (median of the paired per-run ratios).
# The plugin's own statistics line (sccache --show-stats before/after) must show >= 90 % hits for every warm build
# and 0 hits for every cold one, or the run fails. Every timed build starts with no sccache server running (its own
# port, stopped untimed before each build), so each one pays the server's start as a fresh CI agent would. sccache,
# not ccache: ccache 4.7.5 caches none of the clang-cl compiles CMake writes here (README, "Compiler cache").
#
#   bench/run-compiler-cache.sh                  # RUNS=5, TUS=240
#   RUNS=1 TUS=8 bench/run-compiler-cache.sh     # a smoke run
#
# PROJECT_DIR (default target/bench/compiler-cache/project) is where the sources are generated. sccache 0.4 (Debian
# 12) takes an absolute source path that begins like an MSVC option for that option (measured: /work/... reads as
# /w) and caches none of those compiles; the warm check below then fails. On such a machine give a PROJECT_DIR whose
# path it parses (measured: /tmp/...), e.g. PROJECT_DIR=/tmp/hotpatch-bench-tus.
#
# Raw samples: target/bench/compiler-cache/samples.csv (run,name,wall_s,cpu_s,load1,exit); summary: summary.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS="${RUNS:-5}"
TUS="${TUS:-240}"
FUNCS="${FUNCS:-24}"
B="$OUT/compiler-cache"
rm -rf "$B"
mkdir -p "$B/logs" "$B/runs"

command -v sccache >/dev/null || die "sccache is not on PATH (scripts/setup-debian.sh installs it)"
export SCCACHE_SERVER_PORT="${SCCACHE_SERVER_PORT:-47231}" SCCACHE_IDLE_TIMEOUT=120
stop_server() {
  sccache --stop-server >/dev/null 2>&1 || true
}
trap stop_server EXIT
ensure_plugin
plugin_has_parameter compilerLauncher || die "the plugin built from $(measured_commit) has no compilerLauncher parameter"
machine_info >"$B/machine.txt"
printf 'sccache: %s\n' "$(sccache --version | head -n 1)" >>"$B/machine.txt"
cat "$B/machine.txt" >&2

PROJECT="${PROJECT_DIR:-$B/project}"
python3 "$BENCH_DIR/gen-tu-project.py" "$PROJECT" "$TUS" "$FUNCS"
log "generated $TUS translation units x $FUNCS functions in $PROJECT"

QS=("${MVN[@]}" -f "$QUICKSTART_POM")

# build RUN NAME DIR CACHE LAUNCHER [record]: configure + build into DIR with sccache's directory CACHE, no sccache
# server running at the start.
build() {
  local run="$1" name="$2" dir="$3" cache="$4" launcher="$5" logfile="$B/logs/$1-$2.log"
  stop_server
  local cmd=(env "SCCACHE_DIR=$cache" "${QS[@]}" "$PLUGIN:configure"
    "$PLUGIN:build" "-Dhotpatch.sourceDirectory=$PROJECT" "-Dhotpatch.buildDirectory=$dir"
    -Dhotpatch.variants=arm64_schannel "-Dhotpatch.compilerLauncher=$launcher")
  if [ "${6:-}" = record ]; then
    time_run "$run,$name" "$logfile" -- "${cmd[@]}"
  else
    "${cmd[@]}" >"$logfile" 2>&1 || die "exit $? from the untimed build (log: $logfile)"
  fi
  [ -f "$dir/arm64_schannel/Release/msquic.dll" ] || die "$name run $run made no msquic.dll (log: $logfile)"
}

# hits LOG: "hits misses" from the plugin's compiler-cache line.
hits() {
  sed -n 's/.*this build of [0-9]* variant(s): \([0-9]*\) hits, \([0-9]*\) misses.*/\1 \2/p' "$1" | tail -n 1
}

run_case() {
  local run="$1" name="$2" r="$B/runs/$1"
  mkdir -p "$r"
  case "$name" in
    cold)
      build "$run" cold "$r/cold" "$r/cache-cold" sccache record
      read -r h m <<<"$(hits "$B/logs/$run-cold.log")"
      [ "${h:-x}" = 0 ] && [ "${m:-0}" -gt 0 ] || die "cold run $run: expected only misses, got '$h hits, $m misses'"
      ;;
    warm)
      build "$run" prime "$r/prime" "$r/cache-warm" sccache
      build "$run" warm "$r/warm" "$r/cache-warm" sccache record
      read -r h m <<<"$(hits "$B/logs/$run-warm.log")"
      [ -n "${h:-}" ] && awk -v h="$h" -v m="$m" 'BEGIN { exit !(h + m > 0 && h >= 0.9 * (h + m)) }' ||
        die "warm run $run: expected >= 90 % hits, got '$h hits, $m misses'"
      ;;
    nocache)
      build "$run" nocache "$r/nocache" "$r/cache-none" none record
      ;;
    validate)
      time_run "$run,$name" "$B/logs/$run-$name.log" -- "${QS[@]}" validate -Dhotpatch.skip=true
      ;;
  esac
}

cases=(cold warm nocache validate)
warm_up "${cases[@]}"
measure_interleaved "${cases[@]}"

csv="$B/samples.csv"
ratio="$(paired_ratio "$csv" warm cold)"
ratio_cpu="$(COL=4 paired_ratio "$csv" warm cold)"
{
  echo "compiler cache, $TUS translation units x $FUNCS functions, commit $(measured_commit), RUNS=$RUNS"
  for c in cold warm nocache validate; do
    printf '  %-8s median wall %ss, cpu %ss\n' "$c" "$(column_median "$csv" "$c" 3)" "$(column_median "$csv" "$c" 4)"
  done
  echo "  warm / cold, wall: $ratio (target <= 0.3: $(verdict "$ratio" 0.3)); cpu: $ratio_cpu"
  echo "  warm / cold beyond start-up (validate subtracted from both), wall: $(
    awk -F, 'NR > 1 { t[$1, $2] = $3; runs[$1] = 1 }
      END { for (r in runs) if (((r, "warm") in t) && ((r, "cold") in t) && ((r, "validate") in t) && t[r, "cold"] > t[r, "validate"])
              printf "%.4f\n", (t[r, "warm"] - t[r, "validate"]) / (t[r, "cold"] - t[r, "validate"]) }' "$csv" | median)"
  echo "  cache hits of the warm builds (plugin log): $(for f in "$B"/logs/[0-9]*-warm.log; do hits "$f"; done | tr '\n' ';')"
} | tee "$B/summary.txt"
