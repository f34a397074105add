#!/bin/sh
# make screenshots: the products as people see them, rendered to PNG for a
# review by eye (not run in CI). The handout's title page, timeline and laws
# page through headless Chromium; the workbook's About and penalties sheets
# through LibreOffice Calc (one PDF page per sheet) and pdftoppm.
#   tests/screenshots.sh PROFILEC SOURCE OUTDIR
set -eu
profilec=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out/build" "$out/book"
"$profilec" build -o "$out/build" --formats=epub,xlsx "$src" 2>/dev/null
epub=$(ls "$out"/build/*/*.epub) xlsx=$(ls "$out"/build/*/*.xlsx)
cc=$(basename "$epub" .epub)
unzip -q -o "$epub" -d "$out/book"
for page in title timeline laws; do
	chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,1300 \
		--screenshot="$out/$cc-epub-$page.png" "file://$(realpath "$out/book/OEBPS/$page.xhtml")" 2>/dev/null
done
# Printed as a trainer would print the handout: every document to PDF, the laws' first pages as PNG.
chromium --headless=new --no-sandbox --disable-gpu --print-to-pdf="$out/$cc-laws.pdf" --no-pdf-header-footer \
	"file://$(realpath "$out/book/OEBPS/laws.xhtml")" 2>/dev/null
pdftoppm -r 60 -png -f 1 -l 3 "$out/$cc-laws.pdf" "$out/$cc-laws-print"
# One page per sheet, in the workbook's order: About first.
HOME="$out" soffice -env:UserInstallation="file://$(realpath "$out")/lo" --headless --convert-to \
	'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}' --outdir "$out" "$xlsx" >/dev/null 2>&1
n=$(unzip -p "$xlsx" xl/workbook.xml | tr '<' '\n' | grep '^sheet ' | grep -n 'name="penalties"' | cut -d: -f1)
pdftoppm -r 70 -png -f 1 -l 1 "$out/$cc.pdf" "$out/$cc-xlsx-about"
pdftoppm -r 70 -png -f "$n" -l "$n" "$out/$cc.pdf" "$out/$cc-xlsx-penalties"
ls "$out"/*.png
