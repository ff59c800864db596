#!/usr/bin/env bash
# Parallel variants: the plugin's configure + build of the quickstart's two variants with
# -Dhotpatch.parallel=1 (serial) against -Dhotpatch.parallel=2, fresh build directories each run, interleaved,
# with Maven's start-up (bare validate) measured separately. Target: parallel=2 takes <= 0.65x the serial wall time.
#
#   bench/run-parallel.sh          # RUNS=7 by default
#
# When the installed plugin has no `parallel` parameter (its descriptor is checked), -Dhotpatch.parallel is
# ignored and the two cases would run the same thing: the script then records "not measurable on commit X" and
# times nothing (FORCE=1 times them anyway). The descriptor alone does not prove the property takes effect, so the
# script also checks the logs: the plugin prefixes every line of CMake's and Ninja's output with the variant's name,
# and the script counts, per phase (configure output "-- ...", build output "[n/m] ..."), how often the prefix
# switches from one variant to the other. Run one after the other, each phase switches at most once; run at the same
# time, the two variants' lines interleave. The unrecorded warm-up must show parallel=2 interleaving and parallel=1
# not (else nothing is timed, unless FORCE=1), and the summary gives the count of measured runs that did.
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

# interleaved LOG: prints "yes" when some phase of LOG (configure output or build output) has the two variants'
# lines interleaved (the variant prefix switches more than once within the phase), else "no".
interleaved() {
  awk '
    match($0, /^\[INFO\] \[[A-Za-z0-9_.-]+\] /) {
      v = substr($0, 9, RLENGTH - 10); rest = substr($0, RLENGTH + 1)
      if (rest ~ /^-- /) ph = "configure"; else if (rest ~ /^\[[0-9]+\/[0-9]+\] /) ph = "build"; else next
      if ((ph in last) && last[ph] != v) sw[ph]++
      last[ph] = v
    }
    END { print ((sw["configure"] > 1 || sw["build"] > 1) ? "yes" : "no") }' "$1"
}

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

warm_up "${cases[@]}"

w1="$(interleaved "$B/logs/w-parallel1.log")"
w2="$(interleaved "$B/logs/w-parallel2.log")"
log "warm-up logs: parallel=1 interleaved: $w1, parallel=2 interleaved: $w2"
if { [ "$w2" != yes ] || [ "$w1" != no ]; } && [ "${FORCE:-0}" != 1 ]; then
  {
    echo "parallel variants: not measurable on commit $commit"
    echo "  in the warm-up logs, parallel=1 interleaved the variants' output: $w1, parallel=2: $w2 (expected no / yes),"
    echo "  so -Dhotpatch.parallel does not visibly change how the variants run; nothing was timed (FORCE=1 times them)."
  } | tee "$B/summary.txt"
  exit 0
fi

measure_interleaved "${cases[@]}"

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
  n1=0 n2=0
  for ((run = 1; run <= RUNS; run++)); do
    [ "$(interleaved "$B/logs/$run-parallel1.log")" = yes ] && n1=$((n1 + 1))
    [ "$(interleaved "$B/logs/$run-parallel2.log")" = yes ] && n2=$((n2 + 1))
  done
  echo "runs whose log shows the two variants' configure or build output interleaved:" \
    "parallel=1 $n1 of $RUNS, parallel=2 $n2 of $RUNS"
  echo "load average (1 min) during the samples: median $(awk -F, 'NR > 1 { print $5 }' "$SAMPLES" | median)"
} | tee "$B/summary.txt"
