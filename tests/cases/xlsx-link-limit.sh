# More links in one sheet than Excel holds (65,530): 65,531 organizations
# with a website (format 1.1). validate says so, as a note, as build does:
# the last link is written as plain text.
awk 'BEGIN {
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- FICTIONAL test case (country XB) -->\n";
	printf "<profile xmlns=\"urn:profilec:profile:1\" version=\"1.1\" lang=\"en\" modified=\"2026-11-28\">\n";
	printf "  <country code=\"XB\"><name>Links</name></country>\n  <actors>\n";
	for (i = 0; i < 65531; i++)
		printf "<actor id=\"a%d\" kind=\"ngo\" website=\"https://x.example/%d\"><name>%d</name></actor>\n", i, i, i;
	printf "  </actors>\n</profile>\n";
}' >"$TMP/links.xml"
run validate "$TMP/links.xml"
