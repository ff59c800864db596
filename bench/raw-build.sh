#!/usr/bin/env bash
# The raw equivalent of the plugin's build goal(s): `cmake --build <dir> --config <config> --target msquic` for
# each of the quickstart's two variants, for each configuration given, in the plugin's order.
#
#   bench/raw-build.sh BUILD_PARENT CONFIG...
set -euo pipefail

build_parent="$1"
shift
for config in "$@"; do
  for name in arm64_schannel arm64_openssl; do
    cmake --build "$build_parent/$name" --config "$config" --target msquic
  done
done
