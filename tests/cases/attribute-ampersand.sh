# An '&' in an attribute value that begins no reference XML knows without
# a DTD: a bare one, and an HTML entity. The prescan refuses each at its
# line and column (libxml2 would report it too, but leaks while doing so).
for ref in '& Sons' '&nbsp;Sons' '&#x;Sons'; do
	cat >"$TMP/amp.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<profile xmlns="urn:profilec:profile:1" version="1.0" lang="en" modified="2026-11-28">
  <country code="XB"><name>Xland</name></country>
  <research>
    <publication id="pub-a" year="2020" kind="report">
      <title>A Report</title>
      <authors><person family="Ngata $ref" given="Aroha">Aroha Ngata</person></authors>
    </publication>
  </research>
</profile>
XML
	run validate "$TMP/amp.xml"
done
