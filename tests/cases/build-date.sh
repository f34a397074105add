# The build date: SOURCE_DATE_EPOCH when set (a whole number of seconds
# from 1970 to 9999), else the profile's modified date, which must then lie
# in those years too. Each refusal names what to change; nothing is written.
(export SOURCE_DATE_EPOCH=yesterday; run build -o "$TMP/out" tests/cases/modified-zone.xml)
(export SOURCE_DATE_EPOCH=-1; run build -o "$TMP/out" tests/cases/modified-zone.xml)
sed 's/modified="2026-11-28Z"/modified="1969-12-31"/' tests/cases/modified-zone.xml >"$TMP/old.xml"
(unset SOURCE_DATE_EPOCH; run build -o "$TMP/out" "$TMP/old.xml")
[ -e "$TMP/out" ] && echo "a refused build left $TMP/out"
# With SOURCE_DATE_EPOCH the modified date is not the build date: accepted.
(export SOURCE_DATE_EPOCH=1767225600; run build -o "$TMP/out" --formats=csv "$TMP/old.xml")
