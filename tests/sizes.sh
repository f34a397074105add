#!/bin/sh
# Sizes a reader can hold in their head: no .c file over 900 lines, no
# function over 100 (from its opening brace to its closing one). Run by
# make check; prints every offender and fails when there is one.
# Functions are found in the tree's style (clang-format): the name at the
# start of its line, the braces alone in column 0.
set -eu
cd "$(dirname "$0")/.."
MAX_FILE=${MAX_FILE:-900}
MAX_FUNCTION=${MAX_FUNCTION:-100}
awk -v max_file="$MAX_FILE" -v max_fn="$MAX_FUNCTION" '
FNR == 1 { if (prev != "" && lines > max_file) { printf "%s: %d lines (at most %d)\n", prev, lines, max_file; bad++ }
	   prev = FILENAME; name = ""; open = 0 }
{ lines = FNR }
/^[A-Za-z_][A-Za-z0-9_]*\(/ { name = $0; sub(/\).*/, "", name); sub(/^START_TEST\(/, "", name); sub(/\(.*/, "", name); sig = FNR }
/^\{/ && name != "" { open = FNR }
/^\}/ && open { n = FNR - open + 1
	if (n > max_fn) { printf "%s:%d: %s: %d lines (at most %d)\n", FILENAME, sig, name, n, max_fn; bad++ }
	open = 0; name = "" }
END { if (prev != "" && lines > max_file) { printf "%s: %d lines (at most %d)\n", prev, lines, max_file; bad++ }
      if (bad) { printf "%d over the limits\n", bad; exit 1 } }
' compiler/*.c exporters/*.c tests/*.c tests/fuzz/*.c
