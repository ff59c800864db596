#!/usr/bin/env bash
# No-op rerun against the peer plugin: configure + Release build of both variants again when nothing changed, the
# plugin against cmake-maven-plugin (whose `generate` re-runs cmake's configure every time), with Maven's floor and
# the raw no-op build measured beside them, interleaved.
#
#   bench/run-peer-noop.sh                              # WORKLOAD=compile-bound (UNITS=240, FUNCS=20), RUNS=7
#   WORKLOAD=quickstart bench/run-peer-noop.sh
#   UNITS=8 FUNCS=2 RUNS=1 bench/run-peer-noop.sh       # a quick check that every case works
#
# First (not measured): one plugin configure + build into $B/build/plugin, one cmake-maven-plugin build into
# $B/build/cmp. Then each run has (see bench/peer.sh for the workloads and the peer's pom):
#   plugin    mvnw -f <wrapper pom> hotpatch:configure hotpatch:build into $B/build/plugin (plugin defaults)
#   cmp       mvnw -f $B/cmp-pom.xml compile -Dbench.dir=$B/build/cmp
#   validate  mvnw -f <wrapper pom> validate: Maven's start-up, the floor under both
#   raw       bench/raw-build.sh $B/build/plugin Release: the two no-op `cmake --build` commands
# Reported: plugin - validate (the plugin's own cost beyond Maven's floor) and cmp - validate, and plugin / cmp.
#
# Raw samples: target/bench/peer-noop-$WORKLOAD/samples.csv; summary: summary.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$BENCH_DIR/peer.sh"

RUNS="${RUNS:-7}"
B="$OUT/peer-noop-$WORKLOAD"
rm -rf "$B"
mkdir -p "$B/logs" "$B/build"

ensure_plugin
machine_info >"$B/machine.txt"
cat "$B/machine.txt" >&2

peer_setup
log "template: plugin configure into $B/template"
peer_template "$B/template"
peer_pom "$B/template"

PLUGIN_GOALS=("${MVN[@]}" -f "$POM" "$PLUGIN:configure" "$PLUGIN:build" "-Dhotpatch.sourceDirectory=$SRC"
  "-Dhotpatch.buildDirectory=$B/build/plugin")
CMP_COMPILE=("${MVN[@]}" -f "$B/cmp-pom.xml" compile "-Dbench.dir=$B/build/cmp")
log "first builds (not measured)"
"${PLUGIN_GOALS[@]}" >"$B/logs/first-plugin.log" 2>&1 || die "first plugin build failed, see $B/logs/first-plugin.log"
"${CMP_COMPILE[@]}" >"$B/logs/first-cmp.log" 2>&1 || die "first cmake-maven-plugin build failed, see $B/logs/first-cmp.log"
peer_check plugin "$B/build/plugin"
peer_check cmp "$B/build/cmp"

run_case() {
  local run="$1" name="$2"
  case "$name" in
    plugin) time_run "$run,$name" "$B/logs/$run-$name.log" -- "${PLUGIN_GOALS[@]}" ;;
    cmp) time_run "$run,$name" "$B/logs/$run-$name.log" -- "${CMP_COMPILE[@]}" ;;
    validate) time_run "$run,$name" "$B/logs/$run-$name.log" -- "${MVN[@]}" -f "$POM" validate ;;
    raw) time_run "$run,$name" "$B/logs/$run-$name.log" -- bash "$BENCH_DIR/raw-build.sh" "$B/build/plugin" Release ;;
  esac
}

cases=(plugin cmp validate raw)
warm_up "${cases[@]}"
measure_interleaved "${cases[@]}"

S="$B/samples.csv"
{
  echo "no-op rerun of configure + Release build, both variants, workload $WORKLOAD, commit $(measured_commit), $RUNS interleaved runs"
  echo "median wall / cpu (s):"
  for name in "${cases[@]}"; do
    printf '  %-9s %8s / %8s\n' "$name" "$(column_median "$S" "$name" 3)" "$(column_median "$S" "$name" 4)"
  done
  echo "plugin - validate (median of paired differences, wall s): $(paired_diff "$S" plugin validate)"
  echo "cmp - validate: $(paired_diff "$S" cmp validate)"
  echo "plugin / cmp (median of paired wall ratios): $(paired_ratio "$S" plugin cmp)"
  pd="$(paired_diff "$S" plugin validate)"
  cd_="$(paired_diff "$S" cmp validate)"
  echo "(plugin - validate) / (cmp - validate): $(awk -v a="$pd" -v b="$cd_" 'BEGIN { if (b + 0 == 0) print "nan"; else printf "%.3f", a / b }')"
  echo "configures skipped as up to date in the plugin's logs: $(cat "$B"/logs/[0-9]*-plugin.log | grep -c 'configure skipped: up to date' || true)" \
    "of $((RUNS * ${#VARIANT_NAMES[@]}));" \
    "objects rebuilt by the no-op runs: plugin $(cat "$B"/logs/[0-9]*-plugin.log | grep -c -E 'Building C object|Linking C shared' || true)," \
    "cmp $(cat "$B"/logs/[0-9]*-cmp.log | grep -c -E 'Building C object|Linking C shared' || true)"
  echo "load average (1 min) during the samples: median $(awk -F, 'NR > 1 { print $5 }' "$S" | median)"
} | tee "$B/summary.txt"
