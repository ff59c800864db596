#!/usr/bin/env bash
# Parallel variants: the plugin's configure + build of the quickstart's two variants with
# -Dhotpatch.parallel=1 (serial) against -Dhotpatch.parallel=2, fresh build directories each run, interleaved,
# with Maven's start-up (bare validate) measured separately. Target: parallel=2 takes <= 0.65x the serial wall time.
#
#   bench/run-parallel.sh          # RUNS=7 by default
#
# When the installed plugin has no `parallel` parameter (its descriptor is checked), -Dhotpatch.parallel is
# ignored and the two cases would run the same thing: the script then records "not measurable on commit X" and
# times nothing (FORCE=1 times them anyway).
#
# Raw samples: target/bench/parallel/samples.csv (run,name,wall_s,cpu_s,load1,exit); summary: summary.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS="${RUNS:-7}"
B="$OUT/parallel"
rm -rf "$B"
mkdir -p "$B/logs" "$B/runs"

ensure_plugin
machine_info >"$B/machine.txt"
cat "$B/machine.txt" >&2
commit="$(measured_commit)"

if ! plugin_has_parameter parallel && [ "${FORCE:-0}" != 1 ]; then
  {
    echo "parallel variants: not measurable on commit $commit"
    echo "  the plugin built from this commit declares no 'parallel' parameter (META-INF/maven/plugin.xml), so"
    echo "  -Dhotpatch.parallel=1 and -Dhotpatch.parallel=2 run the same serial configure + build; nothing was timed."
  } | tee "$B/summary.txt"
  exit 0
fi

QS=("${MVN[@]}" -f "$QUICKSTART_POM")

run_case() {
  local run="$1" name="$2" dir="$B/runs/$1/$2"
  case "$name" in
    parallel1 | parallel2)
      time_run "$run,$name" "$B/logs/$run-$name.log" -- "${QS[@]}" "$PLUGIN:configure" "$PLUGIN:build" \
        "-Dhotpatch.buildDirectory=$dir" "-Dhotpatch.parallel=${name#parallel}"
      local v
      for v in "${VARIANT_NAMES[@]}"; do
        [ -f "$dir/$v/src/bin/Release/msquic.dll" ] || die "$name run $run made no $v/src/bin/Release/msquic.dll"
      done
      ;;
    validate)
      time_run "$run,$name" "$B/logs/$run-$name.log" -- "${QS[@]}" validate -Dhotpatch.skip=true
      ;;
  esac
}

cases=(parallel1 parallel2 validate)

SAMPLES="$B/warmup.csv"
echo "run,name,wall_s,cpu_s,load1,exit" >"$SAMPLES"
for name in "${cases[@]}"; do
  log "warm-up: $name"
  run_case w "$name"
done
rm -rf "$B/runs/w"

SAMPLES="$B/samples.csv"
echo "run,name,wall_s,cpu_s,load1,exit" >"$SAMPLES"
for ((run = 1; run <= RUNS; run++)); do
  while read -r name; do
    run_case "$run" "$name"
    log "run $run/$RUNS $name: $(tail -n 1 "$SAMPLES" | cut -d, -f3-5 | awk -F, '{ printf "wall %ss cpu %ss load %s", $1, $2, $3 }')"
  done < <(rotate "$run" "${cases[@]}")
  rm -rf "$B/runs/$run"
done

{
  echo "parallel variants, commit $commit, $RUNS interleaved runs, fresh build directories"
  echo "median wall / cpu (s):"
  for name in "${cases[@]}"; do
    printf '  %-9s %8s %8s\n' "$name" "$(column_median "$SAMPLES" "$name" 3)" "$(column_median "$SAMPLES" "$name" 4)"
  done
  incl="$(paired_ratio "$SAMPLES" parallel2 parallel1)"
  # (p2 - validate) / (p1 - validate): computed per run
  excl="$(awk -F, 'NR > 1 { t[$1, $2] = $3; runs[$1] = 1 }
    END { for (r in runs) if (t[r, "parallel1"] - t[r, "validate"] > 0) printf "%.4f\n", (t[r, "parallel2"] - t[r, "validate"]) / (t[r, "parallel1"] - t[r, "validate"]) }' "$SAMPLES" | median)"
  echo "median paired ratios (wall), target <= 0.65:"
  echo "  parallel=2 / parallel=1, including Maven start-up:              $incl  ($(verdict "$incl" 0.65))"
  echo "  (parallel=2 - validate) / (parallel=1 - validate), excluding it: $excl  ($(verdict "$excl" 0.65))"
  echo "load average (1 min) during the samples: median $(awk -F, 'NR > 1 { print $5 }' "$SAMPLES" | median)"
} | tee "$B/summary.txt"
