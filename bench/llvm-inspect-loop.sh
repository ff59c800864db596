#!/usr/bin/env bash
# The LLVM reference for `java -jar … inspect`: for every PE file listed in FILE_LIST (one path a line), the readers
# a script would run to check it by hand, one process each, one file at a time:
#   llvm-readobj-22 --file-headers --coff-debug-directory --coff-load-config <file>
#   llvm-pdbutil-22 dump --summary <the PDB beside it>     (when there is one and it is an MSF PDB: llvm-pdbutil
#                                                          reads no .NET portable PDB, so those are not given to it)
# Output goes to stdout (the caller sends it to a log). Exits non-zero when a reader fails.
#
#   bench/llvm-inspect-loop.sh FILE_LIST
set -euo pipefail
list="$1"
while IFS= read -r file; do
  llvm-readobj-22 --file-headers --coff-debug-directory --coff-load-config "$file"
  pdb="${file%.*}.pdb"
  if [ -f "$pdb" ] && [ "$(head -c 24 "$pdb" | tr -d '\000')" = "Microsoft C/C++ MSF 7.00" ]; then
    llvm-pdbutil-22 dump --summary "$pdb"
  fi
done <"$list"
