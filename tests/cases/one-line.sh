# A source written on one line (minified XML), 2 MB: every element is on
# line 1, and finding each one's column must not scan the line again (it
# took 5.8 s, growing with the square of the size; now 0.1 s), so it
# validates within lib.sh's bound.
python3 tests/bench/genprofile.py --target-bytes 2000000 2>/dev/null | tr -d '\n' >"$TMP/one-line.xml"
head -c 60 "$TMP/one-line.xml"; echo
run validate "$TMP/one-line.xml" | tail -1
