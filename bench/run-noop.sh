#!/usr/bin/env bash
# No-op rerun: `mvn verify` on the quickstart when nothing changed, against the raw no-op `cmake --build` of both
# variants, with Maven's start-up (bare validate) measured separately, interleaved.
#
#   bench/run-noop.sh            # RUNS=7 by default
#
# One first `mvn verify` (not measured) configures and builds target/bench/noop/build; then each run has:
#   verify    mvnw -f examples/quickstart/pom.xml verify -Dhotpatch.buildDirectory=<that directory>
#             (the wrapper pom's whole lifecycle: configure, Release build, Debug build, verify, both variants)
#   goals     mvnw ... hotpatch:configure hotpatch:build (Release only, both variants), same directory
#   raw4      bench/raw-build.sh <dir> Release Debug: the four `cmake --build` commands `verify` runs
#   raw2      bench/raw-build.sh <dir> Release: the two `cmake --build` commands `goals` runs
#   validate  mvnw ... validate -Dhotpatch.skip=true (Maven start-up)
#   skipped   mvnw ... verify -Dhotpatch.skip=true: start-up plus Maven loading and configuring the plugin's five
#             mojo executions, which return at once. skipped - validate is what any plugin bound like this costs
#             before it does anything, the floor under "verify - validate".
# The plugin's reruns are measured as they are on the commit: whether it skips an up-to-date configure or not
# (the summary counts configure runs, configures skipped as up to date and rebuilt objects in their logs).
# `verify` and `goals` run with the plugin's default parallelism (one variant per core, here both at once).
#
# Raw samples: target/bench/noop/samples.csv (run,name,wall_s,cpu_s,load1,exit); summary: summary.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS="${RUNS:-7}"
B="$OUT/noop"
rm -rf "$B"
mkdir -p "$B/logs"
BUILD="$B/build"

ensure_plugin
machine_info >"$B/machine.txt"
cat "$B/machine.txt" >&2

QS=("${MVN[@]}" -f "$QUICKSTART_POM")

log "first verify (not measured) into $BUILD"
"${QS[@]}" verify "-Dhotpatch.buildDirectory=$BUILD" >"$B/logs/first-verify.log" 2>&1 \
  || die "first verify failed, see $B/logs/first-verify.log"

run_case() {
  local run="$1" name="$2"
  case "$name" in
    verify) time_run "$run,$name" "$B/logs/$run-$name.log" -- "${QS[@]}" verify "-Dhotpatch.buildDirectory=$BUILD" ;;
    goals) time_run "$run,$name" "$B/logs/$run-$name.log" -- "${QS[@]}" "$PLUGIN:configure" "$PLUGIN:build" \
      "-Dhotpatch.buildDirectory=$BUILD" ;;
    raw4) time_run "$run,$name" "$B/logs/$run-$name.log" -- bash "$BENCH_DIR/raw-build.sh" "$BUILD" Release Debug ;;
    raw2) time_run "$run,$name" "$B/logs/$run-$name.log" -- bash "$BENCH_DIR/raw-build.sh" "$BUILD" Release ;;
    validate) time_run "$run,$name" "$B/logs/$run-$name.log" -- "${QS[@]}" validate -Dhotpatch.skip=true ;;
    skipped) time_run "$run,$name" "$B/logs/$run-$name.log" -- "${QS[@]}" verify "-Dhotpatch.buildDirectory=$BUILD" \
      -Dhotpatch.skip=true ;;
  esac
}

cases=(verify goals raw4 raw2 validate skipped)

warm_up "${cases[@]}"

measure_interleaved "${cases[@]}"

count_in_logs() {  # count_in_logs NAME PATTERN: lines matching PATTERN in the measured runs' logs of case NAME
  cat "$B"/logs/[0-9]*-"$1".log | grep -c -E "$2" || true
}

{
  echo "no-op rerun, commit $(measured_commit), $RUNS interleaved runs, nothing changed between runs"
  echo "median wall / cpu (s):"
  for name in "${cases[@]}"; do
    printf '  %-9s %8s %8s\n' "$name" "$(column_median "$SAMPLES" "$name" 3)" "$(column_median "$SAMPLES" "$name" 4)"
  done
  v_incl="$(paired_ratio "$SAMPLES" verify raw4)"
  v_excl="$(paired_ratio "$SAMPLES" verify raw4 validate)"
  g_incl="$(paired_ratio "$SAMPLES" goals raw2)"
  g_excl="$(paired_ratio "$SAMPLES" goals raw2 validate)"
  echo "median paired ratios (wall), target <= 1.2 beyond Maven start-up:"
  echo "  verify / raw4, including Maven start-up:             $v_incl"
  echo "  (verify - validate) / raw4, excluding Maven start-up: $v_excl  ($(verdict "$v_excl" 1.2))"
  echo "  goals / raw2, including Maven start-up:              $g_incl"
  echo "  (goals - validate) / raw2, excluding Maven start-up:  $g_excl  ($(verdict "$g_excl" 1.2))"
  echo "  extra wall beyond start-up, verify - validate - raw4: $(awk -v a="$(column_median "$SAMPLES" verify 3)" \
    -v b="$(column_median "$SAMPLES" validate 3)" -v c="$(column_median "$SAMPLES" raw4 3)" 'BEGIN { printf "%.2f s (medians)", a - b - c }')"
  floor="$(paired_diff "$SAMPLES" skipped validate)"
  echo "the floor: Maven loading and skipping the plugin's mojos, skipped - validate (median of paired differences):" \
    "$floor s; the target's allowance for everything beyond start-up and the raw builds, 0.2 x raw4: $(awk \
    -v r="$(column_median "$SAMPLES" raw4 3)" 'BEGIN { printf "%.3f", 0.2 * r }') s"
  echo "  (verify - skipped) / raw4, excluding start-up and mojo loading (for information): $(paired_ratio "$SAMPLES" verify raw4 skipped)"
  echo "  verify - skipped - raw4, the plugin's own work beyond the builds: $(awk -v a="$(paired_diff "$SAMPLES" verify skipped)" \
    -v r="$(column_median "$SAMPLES" raw4 3)" 'BEGIN { printf "%.2f s (medians)", a - r }')"
  echo "in the measured plugin logs ($RUNS runs x 2 variants): configure runs (\"-- Configuring done\")" \
    "verify $(count_in_logs verify 'Configuring done'), goals $(count_in_logs goals 'Configuring done');" \
    "configures skipped as up to date (\"configure skipped: up to date\"):" \
    "verify $(count_in_logs verify 'configure skipped: up to date'), goals $(count_in_logs goals 'configure skipped: up to date');" \
    "objects compiled or linked: verify $(count_in_logs verify 'Building C object|Linking C shared'), goals $(count_in_logs goals 'Building C object|Linking C shared');" \
    "raw no-op builds that did work: $(cat "$B"/logs/[0-9]*-raw*.log | grep -c -E 'Building C object|Linking C shared' || true)"
  echo "load average (1 min) during the samples: median $(awk -F, 'NR > 1 { print $5 }' "$SAMPLES" | median)"
} | tee "$B/summary.txt"
