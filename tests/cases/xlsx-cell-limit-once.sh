# One author's name of 33,000 characters reaches four sheets (authorships,
# listing_authors, people and its display name): one problem, one error.
long() { head -c 33000 /dev/zero | tr '\0' D; }
{
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<!-- FICTIONAL test case (country XB) -->\n'
	printf '<profile xmlns="urn:profilec:profile:1" version="1.0" lang="en" modified="2026-11-28">\n'
	printf '  <title>Long author (fictional)</title>\n  <country code="XB"><name>Bad Xland</name></country>\n'
	printf '  <research>\n    <publication id="pub-a" year="2020" kind="report">\n      <title>A report</title>\n'
	printf '      <authors><person family="%s">%s</person></authors>\n' "$(long)" "$(long)"
	printf '    </publication>\n  </research>\n</profile>\n'
} >"$TMP/long.xml"
run validate "$TMP/long.xml" | sed 's/dddd*/d.../'
