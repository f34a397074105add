# More links in one sheet than Excel holds (65,530): 32,766 organizations
# with a website and a Wikidata id (format 1.1), 65,532 links. validate
# says so, as a note, as build does: the last two are written as plain
# text. Six seconds (sixty under make asan): 3.5 MB of source.
awk 'BEGIN {
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- FICTIONAL test case (country XB) -->\n";
	printf "<profile xmlns=\"urn:profilec:profile:1\" version=\"1.1\" lang=\"en\" modified=\"2026-11-28\">\n";
	printf "  <country code=\"XB\"><name>Links</name></country>\n  <actors>\n";
	for (i = 1; i <= 32766; i++)
		printf "<actor id=\"a%d\" kind=\"ngo\" website=\"https://x.example/%d\" wikidata=\"Q%d\"><name>%d</name></actor>\n", i, i, i, i;
	printf "  </actors>\n</profile>\n";
}' >"$TMP/links.xml"
RUN_SECONDS=6 run validate "$TMP/links.xml"
