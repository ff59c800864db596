#!/usr/bin/env bash
# A/B: this work tree's plugin against the plugin of an earlier commit, on the same machine in the same minutes,
# interleaved, for the two runs whose cost is mostly the plugin's own (not CMake's):
#
#   bench/run-ab.sh f620837          # RUNS=9 by default
#
# Cases (one sample of each per run, order rotating):
#   noop-base / noop-head    mvnw -f examples/quickstart/pom.xml verify on an up-to-date build directory (the
#                            no-op rerun of bench/run-noop.sh), with the baseline's plugin / this tree's plugin
#   fresh-base / fresh-head  hotpatch:configure hotpatch:build -Dhotpatch.parallel=1 in fresh build directories
#                            (the plugin case of bench/run-overhead.sh)
#   validate                 Maven start-up
# Wall-clock ratios between two ~3 s Maven runs drift with the machine; pairing each head sample with the base
# sample of the same run, a few seconds apart, cancels most of that drift.
#
# The baseline is built once into target/bench/ab/<commit>/ (a detached git worktree, removed afterwards) and
# installed into its own private local repository, like this tree's plugin (bench/lib.sh).
# Raw samples: target/bench/ab/samples.csv; summary: target/bench/ab/summary.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BASE_REV="${1:?usage: bench/run-ab.sh <baseline commit>}"
RUNS="${RUNS:-9}"
B="$OUT/ab"
BASE_COMMIT="$(git -C "$ROOT" rev-parse --short=12 "$BASE_REV^{commit}")"
BASE_M2="$B/m2-$BASE_COMMIT"
mkdir -p "$B"
rm -rf "$B/logs" "$B/runs"
mkdir -p "$B/logs" "$B/runs"

ensure_plugin
machine_info >"$B/machine.txt"
cat "$B/machine.txt" >&2

if [ ! -f "$BASE_M2/.installed" ]; then
  src="$B/src-$BASE_COMMIT"
  log "building the baseline plugin of $BASE_COMMIT in $src"
  rm -rf "$src" "$BASE_M2"
  git -C "$ROOT" worktree add --detach "$src" "$BASE_COMMIT" >/dev/null
  "$ROOT/mvnw" -B -q -f "$src/pom.xml" package -DskipTests -Dinvoker.skip=true
  "$ROOT/mvnw" -B -q -o "-Dmaven.repo.local=$BASE_M2" "-Dmaven.repo.local.tail=$M2_TAIL" install:install-file \
    "-Dfile=$src/target/hotpatch-maven-plugin-0.1.0-SNAPSHOT.jar" "-DpomFile=$src/pom.xml" >/dev/null
  git -C "$ROOT" worktree remove --force "$src"
  touch "$BASE_M2/.installed"
fi

HEAD_MVN=("${MVN[@]}" -f "$QUICKSTART_POM")
BASE_MVN=("$ROOT/mvnw" -B -o "-Dmaven.repo.local=$BASE_M2" "-Dmaven.repo.local.tail=$M2_TAIL" -f "$QUICKSTART_POM")
NOOP_BASE="$B/noop-base"
NOOP_HEAD="$B/noop-head"

log "first verify (not measured) of each plugin into its own build directory"
"${BASE_MVN[@]}" verify "-Dhotpatch.buildDirectory=$NOOP_BASE" >"$B/logs/first-base.log" 2>&1 || die "see $B/logs/first-base.log"
"${HEAD_MVN[@]}" verify "-Dhotpatch.buildDirectory=$NOOP_HEAD" >"$B/logs/first-head.log" 2>&1 || die "see $B/logs/first-head.log"

run_case() {
  local run="$1" name="$2" log="$B/logs/$1-$2.log"
  case "$name" in
    noop-base) time_run "$run,$name" "$log" -- "${BASE_MVN[@]}" verify "-Dhotpatch.buildDirectory=$NOOP_BASE" ;;
    noop-head) time_run "$run,$name" "$log" -- "${HEAD_MVN[@]}" verify "-Dhotpatch.buildDirectory=$NOOP_HEAD" ;;
    fresh-base) time_run "$run,$name" "$log" -- "${BASE_MVN[@]}" "$PLUGIN:configure" "$PLUGIN:build" \
      "-Dhotpatch.buildDirectory=$B/runs/$run/base" -Dhotpatch.parallel=1 ;;
    fresh-head) time_run "$run,$name" "$log" -- "${HEAD_MVN[@]}" "$PLUGIN:configure" "$PLUGIN:build" \
      "-Dhotpatch.buildDirectory=$B/runs/$run/head" -Dhotpatch.parallel=1 ;;
    validate) time_run "$run,$name" "$log" -- "${HEAD_MVN[@]}" validate -Dhotpatch.skip=true ;;
  esac
}

cases=(noop-base noop-head fresh-base fresh-head validate)
warm_up "${cases[@]}"
measure_interleaved "${cases[@]}"

{
  echo "A/B, baseline $BASE_COMMIT against $(measured_commit), $RUNS interleaved runs"
  echo "median wall / cpu (s):"
  for name in "${cases[@]}"; do
    printf '  %-10s %8s %8s\n' "$name" "$(column_median "$SAMPLES" "$name" 3)" "$(column_median "$SAMPLES" "$name" 4)"
  done
  for kind in noop fresh; do
    echo "$kind: head - base, median of paired differences: wall $(paired_diff "$SAMPLES" "$kind-head" "$kind-base") s," \
      "cpu $(COL=4 paired_diff "$SAMPLES" "$kind-head" "$kind-base") s;" \
      "beyond start-up, (head - validate) / (base - validate), median of per-run ratios (wall):" \
      "$(awk -F, -v a="$kind-head" -v b="$kind-base" 'NR > 1 { t[$1, $2] = $3; runs[$1] = 1 }
        END { for (r in runs) if (t[r, b] != t[r, "validate"]) printf "%.4f\n", (t[r, a] - t[r, "validate"]) / (t[r, b] - t[r, "validate"]) }' \
        "$SAMPLES" | median)"
  done
  echo "load average (1 min) during the samples: median $(awk -F, 'NR > 1 { print $5 }' "$SAMPLES" | median)"
} | tee "$B/summary.txt"
