#!/bin/sh
# Writes the rule table of schemas/README.md (between its two marker
# comments) from the rule catalogue, compiler/rules.c, through
# `profilec rules --format=markdown`: `make rules-doc`. tests/check_rules.c
# fails when the README's table is not what the catalogue gives.
set -eu
profilec=${1:?usage: schemas/rules-section.sh PROFILEC README}
readme=${2:?usage: schemas/rules-section.sh PROFILEC README}
begin='<!-- rules: generated from compiler/rules.c by `make rules-doc`; do not edit -->'
end='<!-- end of rules -->'
grep -qxF "$begin" "$readme" && grep -qxF "$end" "$readme" || {
	echo "$readme: no rule section (the lines $begin and $end)" >&2
	exit 1
}
table=$(mktemp)
trap 'rm -f "$table" "$table.new"' EXIT
"$profilec" rules --format=markdown >"$table"
awk -v begin="$begin" -v end="$end" -v table="$table" '
$0 == begin { print; while ((getline line < table) > 0) print line; skip = 1; next }
$0 == end { skip = 0 }
!skip { print }' "$readme" >"$table.new"
cat "$table.new" >"$readme"
