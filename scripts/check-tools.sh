#!/usr/bin/env bash
# Fails fast, naming the Debian package, when a tool that the tests, ITs, examples or benchmarks start is missing
# or comes from a package that scripts/setup-debian.sh does not install. A tool installed by hand makes this
# machine green and a fresh one red (clang-cl-19 is in clang-tools-19, which clang-19 only recommends).
# Called at the end of scripts/setup-debian.sh, so both README Quick start commands run it.
#
# For each tool: `command -v`, then `dpkg -S` on that path and on its `readlink -f`: both packages (the one that
# ships the name and the one that ships the binary) must be named in setup-debian.sh.
# SETUP_SCRIPT=<file> checks against another package list (the self-check's own test uses it).
set -euo pipefail
cd "$(dirname "$0")/.."
setup=${SETUP_SCRIPT:-scripts/setup-debian.sh}

# Every tool the tests, ITs, examples and benchmarks start, with the Debian 12 package that ships it (a hint for
# the message when the tool is missing altogether; the check itself asks dpkg).
known=(
  cmake:cmake ninja:ninja-build clang-22:clang-22 clang-19:clang-19 unzip:unzip curl:curl ccache:ccache sccache:sccache xmllint:libxml2-utils
  clang-cl-22:clang-22 lld-link-22:lld-22 llvm-lib-22:llvm-22 llvm-mt-22:llvm-22 llvm-rc-22:llvm-22
  llvm-readobj-22:llvm-22 llvm-pdbutil-22:llvm-22 llvm-objdump-22:llvm-22
  clang-cl-19:clang-tools-19 lld-link-19:lld-19 llvm-lib-19:llvm-19
)
# Tools setup-debian.sh installs only when no provider is on PATH (any provider will do).
any_provider=(javac npm)

listed=" $(sed -n 's/^packages=(\(.*\))$/\1/p' "$setup") "
if [ "$listed" = "  " ]; then
  echo "check-tools: cannot read the package list (a line 'packages=(...)') from $setup" >&2
  exit 2
fi

declare -A hint=()
for entry in "${known[@]}"; do hint[${entry%%:*}]=${entry#*:}; done

# A tool named in the sources but not declared above is a mistake here, not something to guess about.
errors=()
while read -r t; do
  [ -n "$t" ] && [ -z "${hint[$t]+x}" ] \
    && errors+=("the tests start '$t', which check-tools.sh does not know: add it with its package to 'known' and to setup-debian.sh")
done < <(grep -rhoE '\b(clang-cl|clang|lld-link|llvm-[a-z]+)-(19|22)\b' src/test/java it examples bench 2>/dev/null | sort -u)

package_of() { dpkg -S "$1" 2>/dev/null | head -1 | cut -d: -f1; }

for t in "${!hint[@]}"; do
  want=${hint[$t]}
  if ! path=$(command -v "$t"); then
    errors+=("'$t' is not on PATH: it is in Debian package '$want'; scripts/setup-debian.sh must install it")
    continue
  fi
  for p in "$path" "$(readlink -f "$path")"; do
    pkg=$(package_of "$p")
    if [ -z "$pkg" ]; then
      errors+=("'$t' ($p) belongs to no Debian package: it was installed by hand, and a fresh machine lacks it (install '$want')")
    elif [[ $listed != *" $pkg "* ]]; then
      errors+=("'$t' ($p) comes from Debian package '$pkg', which $setup does not install")
    fi
  done
done
for t in "${any_provider[@]}"; do
  command -v "$t" >/dev/null 2>&1 || errors+=("'$t' is not on PATH: run scripts/setup-debian.sh")
done

if [ ${#errors[@]} -gt 0 ]; then
  printf 'check-tools: %s\n' "${errors[@]}" | sort -u >&2
  exit 1
fi
echo "check-tools: all ${#hint[@]} tools the tests start come from packages setup-debian.sh installs"
