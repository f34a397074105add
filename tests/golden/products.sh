#!/bin/sh
# The checksums of every product of the golden sources, built with a fixed
# build date: `sh tests/golden/products.sh PROFILEC OUTDIR` prints them.
# tests/check_format.c compares them with tests/golden/products.sha256;
# `make golden-products` rewrites that file after a deliberate change
# (say why in the commit and in tests/golden/products.md).
#
# Two builds: sources/ro.xml with tests/fixtures/xa.xml (the first golden
# set, unchanged), then every other fixture into OUTDIR/fixtures, so each
# product of every fixture is pinned too. Every fixture builds: one that is
# meant to fail belongs in tests/cases/ (NAME.xml + NAME.expect), and a
# fixture that stops building fails this script.
set -eu
profilec=$1
out=$2
SOURCE_DATE_EPOCH=1767225600 "$profilec" build -o "$out" --jobs=1 \
	sources/ro.xml tests/fixtures/xa.xml 2>/dev/null
set --
for f in tests/fixtures/*.xml; do
	[ "$f" = tests/fixtures/xa.xml ] || set -- "$@" "$f"
done
SOURCE_DATE_EPOCH=1767225600 "$profilec" build -o "$out/fixtures" --jobs=1 "$@" 2>/dev/null
cd "$out"
find . -type f | LC_ALL=C sort | xargs sha256sum
