#!/usr/bin/env bash
# `java -jar hotpatch-maven-plugin-<version>.jar inspect DIR` against the per-file LLVM loop
# (bench/llvm-inspect-loop.sh: llvm-readobj-22 + llvm-pdbutil-22 once per file), on a corpus of real PE files with
# their PDBs, and on the same corpus copied ten times. Interleaved: every run times each case once, the order rotating.
#
#   bench/run-cli.sh                 # RUNS=7, COPIES=10
#   RUNS=3 COPIES=2 bench/run-cli.sh # a quick run
#   CORPUS_ONLY=1 bench/run-cli.sh   # only build the corpus
#
# The corpus (target/bench/cli-corpus/x1), built once and reused:
#   - every file starting with "MZ", and every .pdb, from three npm packages fetched with `npm pack` (pinned):
#     @microsoft/sarif-multitool-win32 (.NET and native x64), node-pty (x64/ARM64 DLLs, EXEs, .node with PDBs),
#     @rollup/rollup-win32-arm64-msvc (MSVC-linked ARM64 .node); the packages' other files are left out;
#   - FIXTURES (default 13) DLLs built here with clang-cl-22 + lld-link-22 /debug, ARM64 and x64, with and without
#     the hotpatch flags, each with its PDB (a few hundred generated functions each, so the PDBs are not trivial).
#   xN is x1 copied N times (copy-1 … copy-N), so file count scales and nothing else changes.
#
# Cases (one sample each per run):
#   cli-x1 / cli-xN    java -jar $PLUGIN_JAR inspect --report <file> <corpus>   (exit 0: NOT_READY is reported, not failed)
#   llvm-x1 / llvm-xN  bench/llvm-inspect-loop.sh <the corpus's PE files, listed beforehand, not timed>
# Then once per corpus, not timed against anything: the CLI with -Xmx32m (the heap does not grow with PDB size or
# file count) and its peak RSS, and the JVM's class-loading counts (-Xlog:class+load).
#
# Raw samples: target/bench/cli/samples.csv; peak RSS: rss.csv; summary: summary.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS="${RUNS:-7}"
COPIES="${COPIES:-10}"
FIXTURES="${FIXTURES:-13}"
JAVA="${JAVA:-java}"
B="$OUT/cli"
C="$OUT/cli-corpus"
rm -rf "$B"
mkdir -p "$B/logs" "$B/runs" "$C"

NPM_PACKAGES=(@microsoft/sarif-multitool-win32@5.7.0 node-pty@1.1.0 @rollup/rollup-win32-arm64-msvc@4.53.3)

ensure_plugin
machine_info >"$B/machine.txt"
cat "$B/machine.txt" >&2

# ---- corpus -------------------------------------------------------------------------------------------------
is_pe() {
  [ "$(head -c 2 "$1")" = MZ ]
}

build_corpus() {
  local x1="$C/x1" dl="$C/npm" p tgz f rel
  rm -rf "$x1" "$dl"
  mkdir -p "$x1" "$dl"
  for p in "${NPM_PACKAGES[@]}"; do
    log "npm pack $p"
    tgz="$(cd "$dl" && npm pack --silent "$p" | tail -n 1)"
    local name="${tgz%.tgz}"
    mkdir -p "$dl/$name"
    tar -xzf "$dl/$tgz" -C "$dl/$name"
    while IFS= read -r -d '' f; do
      rel="${f#"$dl/"}"
      if is_pe "$f" || [[ "${f,,}" == *.pdb ]]; then
        mkdir -p "$x1/$(dirname "$rel")"
        cp "$f" "$x1/$rel"
      fi
    done < <(find "$dl/$name" -type f -print0)
  done
  log "building $FIXTURES DLLs with clang-cl-22 + lld-link-22"
  local g="$C/fixtures-src" i arch triple machine flags out
  mkdir -p "$g" "$x1/fixtures"
  for ((i = 0; i < FIXTURES; i++)); do
    if ((i % 2)); then arch=x64 triple=x86_64-pc-windows-msvc machine=x64; else arch=arm64 triple=aarch64-pc-windows-msvc machine=arm64; fi
    python3 - "$g/f$i.c" "$i" <<'PY'
import sys
path, seed = sys.argv[1], int(sys.argv[2])
with open(path, "w") as out:
    for n in range(300):
        out.write(f"struct s{seed}_{n} {{ int a; long long b[{n % 7 + 1}]; const char *name; }};\n")
        out.write(f"__declspec(dllexport) long long f{seed}_{n}(struct s{seed}_{n} *p, int k) "
                  f"{{ long long t = p->a + k; for (int i = 0; i < {n % 7 + 1}; i++) t += p->b[i] * (i + {seed}); return t; }}\n")
PY
    clang-cl-22 "--target=$triple" /nologo /c /O2 /Z7 /GS- "/Fo$g/f$i.obj" -- "$g/f$i.c"
    out="$x1/fixtures/$arch-$i"
    flags=()
    if ((i % 3 != 2)); then  # two of three carry the hotpatch profile as lld spells it (README)
      if [ "$arch" = arm64 ]; then
        flags=(/hotpatchcompatible /profile /incremental:no /functionpadmin:8 /map)
      else
        flags=(/hotpatchcompatible /profile /incremental:no /functionpadmin:6)
      fi
    fi
    lld-link-22 /nologo /dll /noentry /nodefaultlib /debug "/machine:$machine" "/out:$out.dll" "/pdb:$out.pdb" \
      "/implib:$g/f$i.lib" "$g/f$i.obj" "${flags[@]}"
  done
  rm -rf "$dl"
  touch "$x1/.done"
}

if [ ! -f "$C/x1/.done" ]; then
  build_corpus
fi
if [ ! -f "$C/x$COPIES/.done" ]; then
  rm -rf "$C/x$COPIES"
  mkdir -p "$C/x$COPIES"
  for ((i = 1; i <= COPIES; i++)); do
    cp -r "$C/x1" "$C/x$COPIES/copy-$i"
    rm -f "$C/x$COPIES/copy-$i/.done"
  done
  touch "$C/x$COPIES/.done"
fi
list_pe() {  # the PE files under $1, sorted, one a line
  local f
  while IFS= read -r -d '' f; do
    if is_pe "$f"; then printf '%s\n' "$f"; fi
  done < <(find "$1" -type f ! -name '*.pdb' -print0 | sort -z)
}
for c in x1 "x$COPIES"; do
  list_pe "$C/$c" >"$B/files-$c.txt"
done
corpus_facts() {  # corpus_facts NAME: "N PE files, M PDBs, S MiB"
  local n m s
  n="$(wc -l <"$B/files-$1.txt")"
  m="$(find "$C/$1" -type f -iname '*.pdb' | wc -l)"
  s="$(du -sm "$C/$1" | cut -f1)"
  printf '%s PE files, %s PDBs, %s MiB' "$n" "$m" "$s"
}
log "corpus x1: $(corpus_facts x1); x$COPIES: $(corpus_facts "x$COPIES")"
if [ "${CORPUS_ONLY:-0}" = 1 ]; then
  exit 0
fi

# ---- cases --------------------------------------------------------------------------------------------------
run_case() {
  local run="$1" name="$2" corpus="${2#*-}"
  case "$name" in
    cli-*)
      time_run "$run,$name" "$B/logs/$run-$name.log" -- \
        "$JAVA" -jar "$PLUGIN_JAR" inspect --report "$B/logs/$run-$name.json" "$C/$corpus"
      ;;
    llvm-*)
      time_run "$run,$name" "$B/logs/$run-$name.log" -- bash "$BENCH_DIR/llvm-inspect-loop.sh" "$B/files-$corpus.txt"
      ;;
  esac
}

cases=(cli-x1 llvm-x1 "cli-x$COPIES" "llvm-x$COPIES")
warm_up "${cases[@]}"
measure_interleaved "${cases[@]}"

# ---- heap and class loading, once per corpus ----------------------------------------------------------------
echo "corpus,heap,max_rss_kb,exit" >"$B/rss.csv"
for c in x1 "x$COPIES"; do
  for heap in default -Xmx32m; do
    args=()
    [ "$heap" = default ] || args=("$heap")
    rc=0
    /usr/bin/time -f '%M' -o "$B/rss.tmp" "$JAVA" "${args[@]}" -jar "$PLUGIN_JAR" inspect "$C/$c" >/dev/null 2>&1 || rc=$?
    echo "$c,$heap,$(cat "$B/rss.tmp"),$rc" >>"$B/rss.csv"
  done
done
rm -f "$B/rss.tmp"
"$JAVA" -Xlog:class+load:file="$B/class-load.txt" -jar "$PLUGIN_JAR" inspect "$C/x1" >/dev/null
classes_total="$(grep -c 'source:' "$B/class-load.txt" || true)"
classes_cds="$(grep -c 'source: shared objects file' "$B/class-load.txt" || true)"
classes_app="$(grep -c 'io\.github\.hotpatch\.' "$B/class-load.txt" || true)"

# ---- summary ------------------------------------------------------------------------------------------------
S="$B/samples.csv"
{
  echo "java -jar … inspect vs the per-file LLVM loop, commit $(measured_commit), $RUNS interleaved runs"
  echo "corpus x1: $(corpus_facts x1); x$COPIES: $(corpus_facts "x$COPIES")"
  echo "median wall / cpu (s):"
  for name in "${cases[@]}"; do
    printf '  %-10s %8s / %8s\n' "$name" "$(column_median "$S" "$name" 3)" "$(column_median "$S" "$name" 4)"
  done
  r1="$(paired_ratio "$S" cli-x1 llvm-x1)"
  rn="$(paired_ratio "$S" "cli-x$COPIES" "llvm-x$COPIES")"
  echo "cli / llvm at x1 (median of paired ratios, wall): $r1 — target <= 0.5: $(verdict "$r1" 0.5)"
  echo "cli / llvm at x$COPIES (median of paired ratios, wall): $rn — target <= 0.2: $(verdict "$rn" 0.2)"
  echo "cpu ratios: x1 $(COL=4 paired_ratio "$S" cli-x1 llvm-x1), x$COPIES $(COL=4 paired_ratio "$S" "cli-x$COPIES" "llvm-x$COPIES")"
  echo "peak RSS of one CLI run (KiB; corpus,heap,max_rss_kb,exit):"
  sed 1d "$B/rss.csv" | sed 's/^/  /'
  echo "classes loaded by one CLI run on x1: $classes_total ($classes_cds from the JDK's CDS archive, $classes_app of the plugin)"
  echo "load average (1 min) during the samples: median $(awk -F, 'NR > 1 { print $5 }' "$S" | median)"
} | tee "$B/summary.txt"
