#!/usr/bin/env bash
# The raw equivalent of the plugin's configure + build of the quickstart's two variants: exactly the commands
# the plugin logs, run one after the other by this script (configure both, then build both, as the goals do).
#
#   bench/raw-configure-build.sh SOURCE_DIR BUILD_PARENT TEMPLATE_PARENT
#
# TEMPLATE_PARENT/<variant>/ holds hotpatch-toolchain.cmake and hotpatch-project-include.cmake as the plugin
# wrote them (a plugin configure made once before the timing); they are copied into each fresh build directory,
# as the plugin writes them there. The plugin's CMake File API query is not written: a hand-run build has none.
set -euo pipefail

source_dir="$1"
build_parent="$2"
template_parent="$3"

names=(arm64_schannel arm64_openssl)
tls=(schannel openssl)

for i in "${!names[@]}"; do
  dir="$build_parent/${names[$i]}"
  mkdir -p "$dir"
  cp "$template_parent/${names[$i]}/hotpatch-toolchain.cmake" "$template_parent/${names[$i]}/hotpatch-project-include.cmake" "$dir/"
  cmake -S "$source_dir" -B "$dir" -G "Ninja Multi-Config" \
    "-DCMAKE_TOOLCHAIN_FILE:FILEPATH=$dir/hotpatch-toolchain.cmake" \
    "-DCMAKE_PROJECT_INCLUDE:FILEPATH=$dir/hotpatch-project-include.cmake" \
    "-DQUIC_TLS_LIB=${tls[$i]}"
done
for name in "${names[@]}"; do
  cmake --build "$build_parent/$name" --config Release --target msquic
done
