# A file name that is not UTF-8 (or holds a control character) would break
# the JSON diagnostics, datapackage.json and the EPUB: a usage error that
# shows the name escaped.
cp tests/fixtures/xa.xml "$TMP/bad$(printf '\377').xml"
run validate --format=json "$TMP/bad$(printf '\377').xml"
run build -o "$TMP/out" "$TMP/bad$(printf '\377').xml"
cp tests/fixtures/xa.xml "$TMP/tab$(printf '\t').xml"
run build -o "$TMP/out" "$TMP/tab$(printf '\t').xml"
run build -o "$TMP/out$(printf '\200')" tests/fixtures/xa.xml
# A bidi override (U+202E) shows "lmx.exe" as "exe.xml" on a terminal.
cp tests/fixtures/xa.xml "$TMP/$(printf '\342\200\256')lmx.exe"
run validate "$TMP/$(printf '\342\200\256')lmx.exe"
[ -e "$TMP/out" ] && echo "build left $TMP/out"
