# `profilec diff` compares numbers as numbers: an indicator's value
# respelled (87.5 -> 87.50, 087.5) is no change, exit 0 and nothing printed;
# a value that is another number (87.5 -> 87.6) is a change of value and
# value_text.
sed 's|>87.5</value>|>87.50</value>|' tests/diff/xd-old.xml > "$TMP/zeros.xml"
sed 's|>87.5</value>|>087.5</value>|' tests/diff/xd-old.xml > "$TMP/leading.xml"
sed 's|>87.5</value>|>87.6</value>|' tests/diff/xd-old.xml > "$TMP/other.xml"
grep -c '>87.50</value>' "$TMP/zeros.xml"
run diff tests/diff/xd-old.xml "$TMP/zeros.xml"
run diff "$TMP/zeros.xml" "$TMP/leading.xml"
run diff tests/diff/xd-old.xml "$TMP/other.xml"
