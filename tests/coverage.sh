#!/bin/sh
# Line and branch coverage per file of compiler/ and exporters/, from the
# counts a --coverage build of the suite left in OBJDIR (make coverage).
# gcov only: no new dependency. Files sorted by line coverage, lowest first.
set -eu
obj=${1:?usage: tests/coverage.sh OBJDIR}
for src in compiler/*.c exporters/*.c; do
	# A file of data only (registry.c's table) has no lines to count.
	gcov -b -n -o "$obj/$(dirname "$src")" "$src" 2>/dev/null | grep -q '^Lines executed' || continue
	gcov -b -n -o "$obj/$(dirname "$src")" "$src" 2>/dev/null
done | awk '
/^File / { f = $2; gsub(/\x27/, "", f); keep = (f ~ /^(compiler|exporters)\/[^\/]*\.c$/); next }
!keep { next }
/^Lines executed:/ { split($2, a, ":"); p = a[2] + 0; n = $NF; lp[f] = p; ln[f] = n; lh += p * n / 100; lt += n; files[f] = 1 }
/^Taken at least once:/ { split($4, a, ":"); p = a[2] + 0; n = $NF; bp[f] = p; bn[f] = n; bh += p * n / 100; bt += n }
END {
	printf "%-32s %8s %7s %9s %7s\n", "file", "lines %", "lines", "branch %", "branches"
	n = 0
	for (f in files) order[++n] = f
	for (i = 2; i <= n; i++) for (j = i; j > 1 && lp[order[j]] < lp[order[j-1]]; j--) { t = order[j]; order[j] = order[j-1]; order[j-1] = t }
	for (i = 1; i <= n; i++) {
		f = order[i]
		printf "%-32s %7.1f%% %7d %8.1f%% %7d\n", f, lp[f], ln[f], bp[f], bn[f]
	}
	printf "%-32s %7.1f%% %7d %8.1f%% %7d\n", "total", lt ? 100 * lh / lt : 0, lt, bt ? 100 * bh / bt : 0, bt
}'
