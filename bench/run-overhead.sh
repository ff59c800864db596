#!/usr/bin/env bash
# Orchestration overhead: the plugin's configure + build of the quickstart's two variants against the same raw
# cmake commands run by bench/raw-configure-build.sh, each run in fresh build directories, interleaved (the order
# rotates every run), with Maven's own start-up measured separately.
#
#   bench/run-overhead.sh            # RUNS=7 by default
#   RUNS=11 bench/run-overhead.sh
#   PARALLEL=2 bench/run-overhead.sh   # the plugin's -Dhotpatch.parallel; default 1, see below
#
# Cases (one sample of each per run):
#   plugin    mvnw -f examples/quickstart/pom.xml hotpatch:configure hotpatch:build -Dhotpatch.buildDirectory=<fresh>
#             -Dhotpatch.parallel=$PARALLEL (the goals invoked directly: configure + Release build of both variants,
#             nothing else). PARALLEL defaults to 1: the raw script runs the commands one after the other, so the
#             plugin does too and the ratio is its overhead, not a parallel speed-up (that is bench/run-parallel.sh).
#   raw       bench/raw-configure-build.sh: the four cmake commands the plugin logs, same order, fresh directories
#   validate  mvnw -f examples/quickstart/pom.xml validate -Dhotpatch.skip=true   (Maven start-up: no plugin goal runs)
#   skipped   the plugin case with -Dhotpatch.skip=true (start-up + loading and configuring the plugin's mojos)
#
# Raw samples: target/bench/overhead/samples.csv (run,name,wall_s,cpu_s,load1,exit); summary: summary.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS="${RUNS:-7}"
PARALLEL="${PARALLEL:-1}"
B="$OUT/overhead"
rm -rf "$B"
mkdir -p "$B/logs" "$B/runs"

ensure_plugin
machine_info >"$B/machine.txt"
cat "$B/machine.txt" >&2

# The toolchain and project-include files the raw script reuses, written by one plugin configure.
log "template: plugin configure into $B/template"
mvn_bench -f "$QUICKSTART_POM" "$PLUGIN:configure" "-Dhotpatch.buildDirectory=$B/template" >"$B/logs/template.log" 2>&1 \
  || die "template configure failed, see $B/logs/template.log"

run_case() {
  local run="$1" name="$2" dir="$B/runs/$1/$2"
  case "$name" in
    plugin)
      time_run "$run,$name" "$B/logs/$run-$name.log" -- \
        "$ROOT/mvnw" -B -o "-Dmaven.repo.local=$M2_HEAD" "-Dmaven.repo.local.tail=$M2_TAIL" -f "$QUICKSTART_POM" \
        "$PLUGIN:configure" "$PLUGIN:build" "-Dhotpatch.buildDirectory=$dir" "-Dhotpatch.parallel=$PARALLEL"
      ;;
    raw)
      time_run "$run,$name" "$B/logs/$run-$name.log" -- \
        bash "$BENCH_DIR/raw-configure-build.sh" "$QUICKSTART_SRC" "$dir" "$B/template"
      ;;
    validate)
      time_run "$run,$name" "$B/logs/$run-$name.log" -- \
        "$ROOT/mvnw" -B -o "-Dmaven.repo.local=$M2_HEAD" "-Dmaven.repo.local.tail=$M2_TAIL" -f "$QUICKSTART_POM" \
        validate -Dhotpatch.skip=true
      ;;
    skipped)
      time_run "$run,$name" "$B/logs/$run-$name.log" -- \
        "$ROOT/mvnw" -B -o "-Dmaven.repo.local=$M2_HEAD" "-Dmaven.repo.local.tail=$M2_TAIL" -f "$QUICKSTART_POM" \
        "$PLUGIN:configure" "$PLUGIN:build" "-Dhotpatch.buildDirectory=$dir" "-Dhotpatch.parallel=$PARALLEL" \
        -Dhotpatch.skip=true
      ;;
  esac
  if [ "$name" = plugin ] || [ "$name" = raw ]; then
    local v
    for v in "${VARIANT_NAMES[@]}"; do
      [ -f "$dir/$v/src/bin/Release/msquic.dll" ] || die "$name run $run made no $v/src/bin/Release/msquic.dll"
    done
  fi
}

cases=(plugin raw validate skipped)

warm_up "${cases[@]}"

measure_interleaved "${cases[@]}"

{
  echo "orchestration overhead, commit $(measured_commit), $RUNS interleaved runs, fresh build directories," \
    "plugin with -Dhotpatch.parallel=$PARALLEL"
  echo "median wall / cpu (s):"
  for name in "${cases[@]}"; do
    printf '  %-9s %8s %8s\n' "$name" "$(column_median "$SAMPLES" "$name" 3)" "$(column_median "$SAMPLES" "$name" 4)"
  done
  incl="$(paired_ratio "$SAMPLES" plugin raw)"
  excl="$(paired_ratio "$SAMPLES" plugin raw validate)"
  skip="$(paired_ratio "$SAMPLES" plugin raw skipped)"
  echo "median paired ratios (wall), target <= 1.05:"
  echo "  plugin / raw, including Maven start-up:              $incl  ($(verdict "$incl" 1.05))"
  echo "  (plugin - validate) / raw, excluding Maven start-up:  $excl  ($(verdict "$excl" 1.05))"
  echo "  (plugin - skipped) / raw, excluding start-up + mojo loading: $skip"
  echo "the floor: Maven loading and skipping the plugin's mojos, skipped - validate (median of paired differences):" \
    "$(paired_diff "$SAMPLES" skipped validate) s; the target's allowance beyond the raw commands, 0.05 x raw:" \
    "$(awk -v r="$(column_median "$SAMPLES" raw 3)" 'BEGIN { printf "%.3f", 0.05 * r }') s"
  echo "  plugin - skipped - raw, the plugin's own work beyond the cmake commands: $(awk \
    -v a="$(paired_diff "$SAMPLES" plugin skipped)" -v r="$(column_median "$SAMPLES" raw 3)" 'BEGIN { printf "%.2f s (medians)", a - r }')"
  echo "median paired ratios (cpu = user + sys of the process tree):"
  echo "  plugin / raw: $(COL=4 paired_ratio "$SAMPLES" plugin raw)"
  echo "  (plugin - validate) / raw: $(COL=4 paired_ratio "$SAMPLES" plugin raw validate)"
  echo "load average (1 min) during the samples: median $(awk -F, 'NR > 1 { print $5 }' "$SAMPLES" | median)"
} | tee "$B/summary.txt"
