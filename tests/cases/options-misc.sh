# Options that are well formed but wrong for their command, and the
# spellings every command accepts: "--" before a file named like an
# option, --format=text, --help after a command.
run dump tests/cases/modified-zone.xml tests/cases/modified-offset.xml
run build -o "$TMP/out"
run diff --context=3 tests/cases/modified-zone.xml tests/cases/modified-offset.xml
run validate --max-size=2G tests/cases/modified-zone.xml
run validate --max-text=-1 tests/cases/modified-zone.xml
run validate --max-attributes=10001 tests/cases/modified-zone.xml
run validate --max-attributes=3 tests/cases/modified-zone.xml
run validate --format=text -- tests/cases/modified-zone.xml
cp tests/cases/modified-zone.xml "$TMP/--odd.xml"
(cd "$TMP" && run validate -- --odd.xml)
run diff -- tests/cases/modified-zone.xml tests/cases/modified-zone.xml
run validate --help | grep -e "--max-size=" -e "^exit"
run diff tests/cases/modified-zone.xml --help | grep -e "profilec diff \[" -e "^exit"
