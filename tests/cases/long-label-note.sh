# A label as long as a cell holds (32,740 characters) on an indicator with
# no value: the data-quality note that quotes it is cut at 1,000 bytes, so
# validate and build accept it (the label itself is whole in its own row).
{
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<!-- FICTIONAL test case (country XB) -->\n'
	printf '<profile xmlns="urn:profilec:profile:1" version="1.0" lang="en" modified="2026-11-28">\n'
	printf '  <title>Long label (fictional)</title>\n  <country code="XB"><name>Bad Xland</name></country>\n'
	printf '  <indicators>\n    <indicator id="ind-x"><label>'
	head -c 32740 /dev/zero | tr '\0' L
	printf '</label><missing/></indicator>\n  </indicators>\n</profile>\n'
} >"$TMP/long.xml"
run validate "$TMP/long.xml" | sed 's/LLLL*/L.../'
run build -o "$TMP/out" "$TMP/long.xml" | sed 's/LLLL*/L.../'
test -s "$TMP/out/xb/xb.xlsx" && echo "workbook written"
