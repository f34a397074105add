#!/bin/sh
# The checksums of every product of the golden sources, built with a fixed
# build date: `sh tests/golden/products.sh PROFILEC OUTDIR` prints them.
# tests/check_format.c compares them with tests/golden/products.sha256;
# `make golden-products` rewrites that file after a deliberate change
# (say why in the commit and in tests/golden/products.md).
set -eu
profilec=$1
out=$2
SOURCE_DATE_EPOCH=1767225600 "$profilec" build -o "$out" --jobs=1 \
	sources/ro.xml tests/fixtures/xa.xml 2>/dev/null
cd "$out"
find . -type f | LC_ALL=C sort | xargs sha256sum
