# A text cut into pieces by comments and processing instructions is one
# text for --max-text, in linear time: 10 MB in 4 KB pieces is refused, and
# 1,000 bytes in 10 pieces is over --max-text=999 but not over 1000.
split_text() { # FILE PIECE-BYTES PIECES
	awk -v size="$2" -v n="$3" 'BEGIN {
		printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- FICTIONAL test case (country XB) -->\n";
		printf "<profile xmlns=\"urn:profilec:profile:1\" version=\"1.0\" lang=\"en\" modified=\"2026-11-28\">\n";
		printf "  <title>Split text (fictional)</title>\n  <country code=\"XB\"><name>";
		piece = sprintf("%" size "s", ""); gsub(/ /, "a", piece);
		for (i = 0; i < n; i++) printf "%s%s", piece, (i % 2 ? "<!---->" : "<?pi?>");
		printf "</name></country>\n</profile>\n";
	}' >"$1"
}
split_text "$TMP/big.xml" 4096 2560
run validate "$TMP/big.xml"
split_text "$TMP/small.xml" 100 10
run validate --max-text=999 "$TMP/small.xml"
run validate --max-text=1000 "$TMP/small.xml"
