# Markup errors stop the parser at once, so each is a file of its own: an
# attribute written twice, a value not closed, the root's end tag cut short,
# a Latin-1 byte (its bytes are named), and the file ending inside a tag.
head='<?xml version="1.0" encoding="UTF-8"?>
<profile xmlns="urn:profilec:profile:1" version="1.0" lang="en" modified="2026-11-28">
  <title>Test case: markup errors (fictional)</title>'
printf '%s\n  <country code="XB" code="XC"><name>Xland</name></country>\n</profile>\n' "$head" >"$TMP/twice.xml"
printf '%s\n  <country code="XB><name>Xland</name></country>\n</profile>\n' "$head" >"$TMP/unclosed-value.xml"
printf '%s\n  <country code="XB"><name>Xland</name></country>\n</profile' "$head" >"$TMP/cut-end-tag.xml"
printf '%s\n  <country code="XB"><name>Xl\351nd</name></country>\n</profile>\n' "$head" >"$TMP/latin1.xml"
printf '%s\n  <country code="XB"><name>Xland</name></country>\n  <events><event id="ev-1" year="2012"' "$head" >"$TMP/cut-in-tag.xml"
for f in twice unclosed-value cut-end-tag latin1 cut-in-tag; do
	run validate "$TMP/$f.xml"
done
# In text: ']]>', '--' in a comment, a comment or a CDATA section never
# closed, &#0;, a predefined entity without ';'; and an XML 1.1 declaration.
body() { printf '%s\n  <country code="XB"><name>%s</name></country>\n</profile>\n' "$head" "$1"; }
body 'X ]]> land' >"$TMP/cdata-end.xml"
body 'X <!-- a -- b --> land' >"$TMP/double-hyphen.xml"
body 'X <!-- land' >"$TMP/open-comment.xml"
body 'X <![CDATA[ land' >"$TMP/open-cdata.xml"
body 'X &#0; land' >"$TMP/nul-reference.xml"
body 'X &amp land' >"$TMP/no-semicolon.xml"
body 'Xland' | sed '1s/version="1.0"/version="1.1"/' >"$TMP/xml-1.1.xml"
for f in cdata-end double-hyphen open-comment open-cdata nul-reference no-semicolon xml-1.1; do
	run validate "$TMP/$f.xml"
done
