#!/usr/bin/env bash
# Real work against the raw commands and against the peer plugin: a fresh configure + Release build of both variants,
# interleaved (the order rotates every run), every run in fresh build directories.
#
#   bench/run-peer.sh                                   # WORKLOAD=compile-bound, UNITS=240, FUNCS=20, RUNS=3
#   WORKLOAD=quickstart RUNS=7 bench/run-peer.sh        # the quickstart against cmake-maven-plugin
#   UNITS=8 FUNCS=2 RUNS=1 bench/run-peer.sh            # a quick check that every case works
#
# Cases (one sample each per run; see bench/peer.sh for the workloads and the peer's pom):
#   plugin         mvnw -f <wrapper pom> hotpatch:configure hotpatch:build (plugin defaults: both variants at once,
#                  each `cmake --build` given its share of the cores as --parallel)
#   plugin-serial  the same with -Dhotpatch.parallel=1 (one variant at a time, Ninja's own -j)   [compile-bound only]
#   raw            bench/raw-configure-build.sh: the plugin's cmake commands, one after the other (as build.ps1 runs
#                  them)                                                                          [compile-bound only]
#   cmp            mvnw -f $B/cmp-pom.xml compile -Dbench.dir=<fresh>: cmake-maven-plugin's generate + compile per
#                  variant
# Targets: compile-bound plugin/raw <= 1.02 and plugin/cmp <= 0.9; quickstart plugin/cmp <= 0.8.
#
# Raw samples: target/bench/peer-$WORKLOAD/samples.csv (run,name,wall_s,cpu_s,load1,exit); summary: summary.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$BENCH_DIR/peer.sh"

RUNS="${RUNS:-3}"
B="$OUT/peer-$WORKLOAD"
rm -rf "$B"
mkdir -p "$B/logs" "$B/runs"

ensure_plugin
machine_info >"$B/machine.txt"
cat "$B/machine.txt" >&2

peer_setup
log "template: plugin configure into $B/template"
peer_template "$B/template"
peer_pom "$B/template"

run_case() {
  local run="$1" name="$2" dir="$B/runs/$1/$2"
  case "$name" in
    plugin | plugin-serial)
      local p=()
      [ "$name" = plugin ] || p=(-Dhotpatch.parallel=1)
      time_run "$run,$name" "$B/logs/$run-$name.log" -- "${MVN[@]}" -f "$POM" "$PLUGIN:configure" "$PLUGIN:build" \
        "-Dhotpatch.sourceDirectory=$SRC" "-Dhotpatch.buildDirectory=$dir" "${p[@]}"
      ;;
    raw)
      time_run "$run,$name" "$B/logs/$run-$name.log" -- bash "$BENCH_DIR/raw-configure-build.sh" "$SRC" "$dir" "$B/template"
      ;;
    cmp)
      time_run "$run,$name" "$B/logs/$run-$name.log" -- "${MVN[@]}" -f "$B/cmp-pom.xml" compile "-Dbench.dir=$dir"
      ;;
  esac
  peer_check "$name" "$dir"
}

if [ "$WORKLOAD" = compile-bound ]; then
  cases=(plugin plugin-serial raw cmp)
else
  cases=(plugin cmp)
fi
warm_up "${cases[@]}"
measure_interleaved "${cases[@]}"

S="$B/samples.csv"
{
  echo "fresh configure + Release build of both variants, workload $WORKLOAD$([ "$WORKLOAD" = compile-bound ] && printf ' (%s units x %s functions)' "$UNITS" "$FUNCS"),"
  echo "commit $(measured_commit), $RUNS interleaved runs"
  echo "median wall / cpu (s):"
  for name in "${cases[@]}"; do
    printf '  %-14s %8s / %8s\n' "$name" "$(column_median "$S" "$name" 3)" "$(column_median "$S" "$name" 4)"
  done
  c="$(paired_ratio "$S" plugin cmp)"
  if [ "$WORKLOAD" = compile-bound ]; then
    r="$(paired_ratio "$S" plugin raw)"
    echo "plugin / raw (median of paired wall ratios): $r — target <= 1.02: $(verdict "$r" 1.02)"
    echo "plugin / cmake-maven-plugin: $c — target <= 0.9: $(verdict "$c" 0.9)"
    echo "plugin-serial / raw: $(paired_ratio "$S" plugin-serial raw); plugin / plugin-serial: $(paired_ratio "$S" plugin plugin-serial)"
    echo "cpu: plugin / raw $(COL=4 paired_ratio "$S" plugin raw), plugin / cmake-maven-plugin $(COL=4 paired_ratio "$S" plugin cmp)"
  else
    echo "plugin / cmake-maven-plugin (median of paired wall ratios): $c — target <= 0.8: $(verdict "$c" 0.8)"
  fi
  echo "load average (1 min) during the samples: median $(awk -F, 'NR > 1 { print $5 }' "$S" | median)"
} | tee "$B/summary.txt"
