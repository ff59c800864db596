#!/usr/bin/env bash
# Installs, from Debian/Ubuntu packages, what the plugin's tests and the quickstart need: CMake, Ninja, and
# LLVM 22 (clang-cl, lld-link, llvm-readobj/pdbutil) to cross-build Windows ARM64/x64 DLLs, LLVM 19 (an older
# linker the verifier is tested against), Java 17, and npm (fetches a real MSVC-linked test binary).
# Does nothing when everything is already installed. Maven itself comes from ./mvnw.
set -euo pipefail

packages=(cmake ninja-build clang-22 lld-22 llvm-22 clang-19 lld-19 llvm-19 unzip curl)
command -v javac >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-debian: all packages present"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi
echo "setup-debian: installing ${missing[*]}"
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
