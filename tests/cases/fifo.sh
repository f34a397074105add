# A FIFO named as a source: refused at once (opening it must not wait for a writer).
mkfifo "$TMP/profile.xml"
run validate "$TMP/profile.xml"
run build -o "$TMP/out" "$TMP/profile.xml"
[ -e "$TMP/out" ] && echo "build left $TMP/out"
