# Sources that are not files on disk: a directory, a device, a /proc file
# (its size reads as 0 though it has bytes: not "empty"), and one over
# --max-size (a sparse file: no disk is used). Each is refused by name,
# before anything is read; a build of them writes nothing.
mkdir "$TMP/dir.xml"
run validate "$TMP/dir.xml"
run validate /dev/null
run validate /proc/self/status
run build -o "$TMP/out" /proc/self/status
[ -e "$TMP/out" ] && echo "build left $TMP/out"
truncate -s 3G "$TMP/huge.xml"
run validate "$TMP/huge.xml"
run validate --max-size=1000 tests/cases/modified-zone.xml
