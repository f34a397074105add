# A source inside the output directory (or a link to one there) would be
# deleted by the swap that replaces the directory whole: refused, the
# source and the previous build stay.
run build -o "$TMP/dist" --formats=csv tests/fixtures/xa.xml | tail -1
cp tests/fixtures/xa.xml "$TMP/dist/mine.xml"
run build -o "$TMP/dist" "$TMP/dist/mine.xml"
ln -s dist/mine.xml "$TMP/link.xml"
run build -o "$TMP/dist/" "$TMP/link.xml"
ln -s dist "$TMP/dist-link"
run build -o "$TMP/dist-link" tests/fixtures/xa.xml "$TMP/dist/mine.xml"
ls "$TMP/dist"
# A source beside the output directory, whose name begins like it, is not in it.
cp tests/fixtures/xa.xml "$TMP/dist2.xml"
run build -o "$TMP/dist" --formats=csv "$TMP/dist2.xml" | tail -1
ls "$TMP/dist"
