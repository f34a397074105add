# A source written on one line (minified XML), 2 MB: every element is on
# line 1, and finding each one's column must not scan the line again (it
# took 5.8 s, growing with the square of the size; now 0.1 s), so it
# validates within lib.sh's bound. The same source in lines of a hundred
# of its lines (long lines, many of them) says the same.
python3 tests/bench/genprofile.py --target-bytes 2000000 2>/dev/null >"$TMP/lines.xml"
tr -d '\n' <"$TMP/lines.xml" >"$TMP/one-line.xml"
awk '{ printf "%s%s", $0, NR % 100 ? "" : "\n" }' "$TMP/lines.xml" >"$TMP/long-lines.xml"
head -c 60 "$TMP/one-line.xml"; echo
run validate "$TMP/one-line.xml" | tail -1
run validate "$TMP/lines.xml" 2>&1 | sed 's/:[0-9]*:[0-9]*: /: /; s/line [0-9]*/line N/g' | sort >"$TMP/lines.txt"
run validate "$TMP/long-lines.xml" 2>&1 | sed 's/:[0-9]*:[0-9]*: /: /; s/line [0-9]*/line N/g; s/long-lines.xml/lines.xml/' | sort >"$TMP/long-lines.txt"
cmp "$TMP/lines.txt" "$TMP/long-lines.txt" && echo "long lines: the same diagnostics but for their places"
