# Each bad option value is a usage error (exit 2) naming the option, and
# nothing is written.
run build -o "$TMP/out" --formats=, tests/cases/modified-zone.xml
run build -o "$TMP/out" --formats=csv,,epub tests/cases/modified-zone.xml
run build -o "$TMP/out" --formats=csv,pdf tests/cases/modified-zone.xml
run build -o "$TMP/out" "--base-iri=https://example.org/a$(printf '\001')b/" tests/cases/modified-zone.xml
run build -o "$TMP/out" "--base-iri=https://example.org/a b/" tests/cases/modified-zone.xml
run build -o "$TMP/out" --base-iri=http://[::1/ tests/cases/modified-zone.xml
run build -o "$TMP/out" --base-iri=http://[::g]/ tests/cases/modified-zone.xml
run build -o "$TMP/out" --base-iri=ftp://x/%zz/ tests/cases/modified-zone.xml
run build -o "$TMP/out" --base-iri=https://x/%zz/ tests/cases/modified-zone.xml
run build -o "$TMP/out" --base-iri=https://example.org/id tests/cases/modified-zone.xml
run build -o "$TMP/out" --base-iri=/relative/ tests/cases/modified-zone.xml
run build -o "$TMP/out" --base-iri=https:///no-host/ tests/cases/modified-zone.xml
run build -o "$TMP/out" --base-iri=https://example.org:70000/ tests/cases/modified-zone.xml
run build -o "$TMP/out" "--base-iri=https://example.org/?q=/" tests/cases/modified-zone.xml
run build -o "$TMP/out" "--base-iri=https://example.org/$(printf '\342\200\256')/" tests/cases/modified-zone.xml
run build -o "$TMP/out" --base-url=https://example.org/profiles tests/cases/modified-zone.xml
run build -o "$TMP/out" "--license=CC BY 4.0" tests/cases/modified-zone.xml
run build -o "$TMP/out" --license=ftp://example.org/licence tests/cases/modified-zone.xml
[ -e "$TMP/out" ] && echo "a refused build left $TMP/out"
# Accepted: an IPv6 host with a port, non-ASCII letters, percent-encoding.
run build -o "$TMP/v6" --formats=jsonld "--base-iri=https://[2001:db8::1]:8443/id/" tests/cases/modified-zone.xml
run build -o "$TMP/intl" --formats=jsonld "--base-iri=https://例え.jp/ид/%41/" tests/cases/modified-zone.xml
# The publisher is written into the catalog and the EPUB.
run build -o "$TMP/out" "--publisher=Ministry$(printf '\033')[31m" tests/cases/modified-zone.xml
run build -o "$TMP/out" "--publisher=Minist$(printf '\351')re" tests/cases/modified-zone.xml
# A bidi override (U+202E) or a C1 control (U+0085) would reorder or break the line it is shown on.
run build -o "$TMP/out" "--publisher=Ministry $(printf '\342\200\256')ABC" tests/cases/modified-zone.xml
run build -o "$TMP/out" "--publisher=Ministry$(printf '\302\205')" tests/cases/modified-zone.xml
