# 40,000 attributes hidden in UTF-7 (a byte-level count sees none): the
# declared encoding is refused before anything is parsed.
awk 'BEGIN {
	printf "<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n<!-- FICTIONAL test case (country XB) -->\n";
	printf "+ADw-profile xmlns=+ACI-urn:profilec:profile:1+ACI- version=+ACI-1.0+ACI- lang=+ACI-en+ACI- modified=+ACI-2026-11-28+ACI-+AD4-\n";
	printf "+ADw-country code=+ACI-XB+ACI-";
	for (i = 0; i < 40000; i++) printf " a%d=+ACI-%d+ACI-", i, i;
	printf "+AD4APA-name+AD4-Many+ADw-/name+AD4APA-/country+AD4APA-/profile+AD4-\n";
}' >"$TMP/attrs.xml"
run validate "$TMP/attrs.xml"
