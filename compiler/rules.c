/* The rule catalogue: one entry per rule id, sorted by id (looked up by
 * binary search; a test keeps it sorted and complete). To add a rule, add
 * its entry here in order; tests/check_rules.c fails on any rule id used
 * in compiler/ or exporters/ that is not here. */
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define E PC_SEV_ERROR
#define W PC_SEV_WARNING
#define N PC_SEV_NOTE

const pc_rule pc_rules[] = {
	{"ambiguous-person", W, "a citation could be two or more different people",
	 "A citation is compatible with two or more people the bibliography names in full ('M. Petrovic' with "
	 "'Mira Petrovic' and 'Milan Petrovic'; 'Novak' alone with 'Petra Novak' and 'Tomas Novak'). profilec "
	 "never guesses: the citation stays a person of its own. Declare the people in <people> and point the "
	 "citation at the right one with ref, or write the citation's given name in full.",
	 "<person family=\"Petrovic\" given=\"M.\">M. Petrovic</person>",
	 "<people><person id=\"petrovic-mira\" family=\"Petrovic\" given=\"Mira\"/></people> ...\n"
	 "<person ref=\"petrovic-mira\" family=\"Petrovic\" given=\"M.\">M. Petrovic</person>"},
	{"ambiguous-world-entity", W, "an entity of one profile could be either of two in another",
	 "A note on the world dataset (a build of two or more profiles): an international organization, person "
	 "or publication matches two different entities of another profile by its folded name, acronym or "
	 "alias, so it is merged with neither and the world keeps them apart. To merge it with the right one, "
	 "give both the same identifier (Wikidata or ROR id, ORCID, DOI) where the format has them, or make "
	 "the names tell them apart.",
	 "<!-- xb.xml -->\n<actor id=\"ec\" kind=\"international-organization\"><name>European Commission</name>"
	 "</actor>\n<actor id=\"dg-connect\" kind=\"international-organization\"><name>DG CONNECT</name>"
	 "<alias>European Commission</alias></actor>",
	 "<actor id=\"dg-connect\" kind=\"international-organization\"><name>DG CONNECT</name>"
	 "<alias>DG CONNECT of the European Commission</alias></actor>"},
	{"bad-doi", E, "a DOI is not 10.NNNN/suffix",
	 "A publication's doi (format 1.1) is the DOI alone: '10.', a registrant code of 4 to 9 digits (with "
	 "optional '.'-separated parts), '/' and a suffix without spaces. Write it without its resolver "
	 "(https://doi.org/ or doi:): the products build the link https://doi.org/... themselves.",
	 "<publication id=\"pub-2019-x\" year=\"2019\" doi=\"https://doi.org/10.5555/x.1\">",
	 "<publication id=\"pub-2019-x\" year=\"2019\" doi=\"10.5555/x.1\">"},
	{"bad-isbn", E, "an ISBN is not 10 or 13 digits with a valid check digit",
	 "A publication's isbn (format 1.1) is an ISBN-10 or ISBN-13 as printed: digits, with hyphens or spaces "
	 "between them, the last of an ISBN-10 may be X; an ISBN-13 begins with 978 or 979. Its check digit is "
	 "verified: a wrong one is almost always a typing slip.",
	 "<publication id=\"pub-2019-x\" year=\"2019\" isbn=\"978-3-16-148410-1\">",
	 "<publication id=\"pub-2019-x\" year=\"2019\" isbn=\"978-3-16-148410-0\">"},
	{"bad-lang", E, "an xml:lang is not a BCP 47 language tag",
	 "A text may say its language with xml:lang (format 1.1) where it is not the profile's: a BCP 47 tag as "
	 "ICU reads it (language, then script, region: \"uk\", \"zh-Hant\", \"pt-BR\"). The EPUB sets lang and the "
	 "script's direction from it; the tables and the JSON-LD keep it.",
	 "<name xml:lang=\"english\">Xland Council</name>", "<name xml:lang=\"en\">Xland Council</name>"},
	{"bad-number", E, "a number is not a plain decimal",
	 "Numbers (an indicator's value, a penalty's min and max, a change's factor) are plain decimals: digits, "
	 "an optional '-' and one '.' for the fraction. No thousands separators, no unit, no spaces: the unit has "
	 "its own attribute.",
	 "<value year=\"2020\" unit=\"people\">3,250,000</value>",
	 "<value year=\"2020\" unit=\"people\">3250000</value>"},
	{"bad-orcid", E, "an ORCID iD is not 0000-0000-0000-000X with a valid checksum",
	 "A declared person's orcid (format 1.1) is the iD alone: four groups of four digits joined by hyphens, the "
	 "last character a digit or X, which is the ISO 7064 MOD 11-2 checksum of the others. Write it without "
	 "https://orcid.org/: the products build the link.",
	 "<person id=\"carberry-josiah\" family=\"Carberry\" given=\"Josiah\" orcid=\"0000-0002-1825-0096\"/>",
	 "<person id=\"carberry-josiah\" family=\"Carberry\" given=\"Josiah\" orcid=\"0000-0002-1825-0097\"/>"},
	{"bad-ror", E, "a ROR id is not 0 + six characters + two check digits",
	 "An organization's ror (format 1.1) is the Research Organization Registry id alone, in lower case: '0', "
	 "six characters of Crockford's base32 (digits and letters but i, l, o and u) and two digits, the ISO 7064 "
	 "MOD 97-10 checksum of the rest. Write it without https://ror.org/.",
	 "<actor id=\"x\" kind=\"research-group\" ror=\"https://ror.org/015w2mp89\">",
	 "<actor id=\"x\" kind=\"research-group\" ror=\"015w2mp89\">"},
	{"bad-url", E, "a link is not an absolute http or https URL",
	 "A website (actor) or url (publication), format 1.1, is an absolute address beginning with http:// or "
	 "https://, with a host, in ASCII (percent-encode anything else, a space as %20). A relative link, a "
	 "javascript:, mailto: or file: link cannot be followed from the products (the EPUB links only to the web).",
	 "<actor id=\"x\" kind=\"ngo\" website=\"www.example.org\">",
	 "<actor id=\"x\" kind=\"ngo\" website=\"https://www.example.org/\">"},
	{"bad-wikidata", E, "a Wikidata id is not an item Q<number>",
	 "An organization's wikidata (format 1.1) is the Wikidata item alone: a capital Q and its number, without "
	 "the https://www.wikidata.org/wiki/ of its page. The JSON-LD names it by its entity IRI.",
	 "<actor id=\"x\" kind=\"international-organization\" wikidata=\"q42\">",
	 "<actor id=\"x\" kind=\"international-organization\" wikidata=\"Q42\">"},
	{"catalog-no-license", N, "the build states no licence for the data",
	 "A note on the build's configuration, not on the source (--werror leaves it a note): without --license "
	 "the catalog and datapackage.json name no licence, and data portals do not harvest a dataset without one. "
	 "profilec never invents a licence: give the one the publisher chose, as an SPDX id or a URL.",
	 "profilec build -o dist sources/xa.xml", "profilec build -o dist --license=CC-BY-4.0 sources/xa.xml"},
	{"catalog-relative-links", N, "the catalog's download links are relative",
	 "A note on the build's configuration, not on the source (--werror leaves it a note): without --base-url "
	 "the catalog's downloadURL and accessURL are relative to the catalog (xa/xa.xlsx), which a harvester "
	 "given only the catalog's text cannot resolve (JSON-LD processors drop them). Give the URL where the "
	 "output directory will be published.",
	 "profilec build -o dist sources/xa.xml",
	 "profilec build -o dist --base-url=https://data.example.org/profiles/ sources/xa.xml"},
	{"conflicting-doi", W, "a publication listed twice gives two DOIs",
	 "Two listings with the same title, subtitle, year and authors are one work and are merged; when they give "
	 "two different DOIs (format 1.1), one of them is a slip, or they are two works (two editions, a "
	 "translation) whose listings do not say so. The merged publication keeps the first listing's DOI; "
	 "each listing keeps its own in publication_listings.",
	 "<publication id=\"pub-2019-x\" year=\"2019\" doi=\"10.5555/x.1\"><title>X</title></publication>\n"
	 "<publication id=\"pub-2019-x-2\" year=\"2019\" doi=\"10.5555/x.2\"><title>X</title></publication>",
	 "<publication id=\"pub-2019-x-2\" year=\"2019\" doi=\"10.5555/x.2\"><title>X</title>"
	 "<subtitle>Second edition</subtitle><edition-of ref=\"pub-2019-x\"/></publication>"},
	{"conflicting-person", E, "a citation names a declared person its given name contradicts",
	 "A citation with ref=\"...\" is the declared person, whatever the matching rules say; but a citation "
	 "with the same family name and a given name that cannot be that person's ('Milan' for 'Mira') is a slip. "
	 "Point the citation at the right person, or correct its given name.",
	 "<person id=\"petrovic-mira\" family=\"Petrovic\" given=\"Mira\"/> ...\n"
	 "<person ref=\"petrovic-mira\" family=\"Petrovic\" given=\"Milan\">Milan Petrovic</person>",
	 "<person ref=\"petrovic-milan\" family=\"Petrovic\" given=\"Milan\">Milan Petrovic</person>"},
	{"doctype", E, "the source has a DOCTYPE or markup declaration",
	 "A profile never needs a DOCTYPE: profilec reads no DTD and refuses entity declarations (they are how "
	 "'billion laughs' and external-file attacks work). Delete the declaration; write characters as themselves "
	 "or as numeric references.",
	 "<!DOCTYPE profile [<!ENTITY org \"Xland Agency\">]>", "(no DOCTYPE; write Xland Agency where &org; was)"},
	{"duplicate-country", E, "two sources of one build are the same country",
	 "Every profile is written to dist/<cc>/, so one build takes one source per country code. Remove one of "
	 "the files from the command line, or correct the country code of the one that is wrong.",
	 "profilec build sources/xa.xml sources/xa-old.xml   (both <country code=\"XA\">)",
	 "profilec build sources/xa.xml"},
	{"duplicate-id", E, "an id is used twice in one file",
	 "Every entity's id is unique in the whole file, whatever its kind: references and every product use it. "
	 "Rename the second one (a second listing of the same publication gets '-2').",
	 "<actor id=\"focus\" kind=\"ngo\">...</actor>\n<actor id=\"focus\" kind=\"website\">...</actor>",
	 "<actor id=\"focus\" kind=\"ngo\">...</actor>\n<actor id=\"focus-website\" kind=\"website\">...</actor>"},
	{"duplicate-identifier", E, "two entities of one profile have the same identifier",
	 "An identifier names one thing (format 1.1): two organizations with one Wikidata or ROR id, two declared "
	 "people with one ORCID, two publications with one DOI (whatever its case) are one entity entered twice, "
	 "or one of the ids is a slip. Merge the two entries (an organization's other names are aliases), or "
	 "correct the id. Across profiles, one identifier is how editors say two profiles name one entity.",
	 "<actor id=\"unicef\" kind=\"international-organization\" wikidata=\"Q740308\">...\n"
	 "<actor id=\"unicef-office\" kind=\"international-organization\" wikidata=\"Q740308\">",
	 "<actor id=\"unicef\" kind=\"international-organization\" wikidata=\"Q740308\">"
	 "<name>UNICEF</name><alias>UNICEF Office</alias></actor>"},
	{"duplicate-publication", W, "a publication is listed twice and was merged",
	 "A data-quality note, not an error: the profile lists the same work twice (same title, subtitle, year and "
	 "authors after folding; a subtitle one listing leaves out agrees with the only one given), so the products "
	 "show it once and keep both listings. Encode both as the profile "
	 "has them; nothing to fix unless the two are really different works.",
	 "<publication id=\"pub-2014-report\" year=\"2014\"><title>Net Children</title>...</publication>\n"
	 "<publication id=\"pub-2014-report-2\" year=\"2014\"><title>Net Children</title>...</publication>",
	 "(the same: the note records the merge)"},
	{"encoding", E, "the file is not UTF-8, declares another encoding, or holds a character XML forbids",
	 "Sources are UTF-8 (a BOM allowed); other encodings are not decoded. A byte sequence that is not UTF-8 "
	 "(a file saved as Latin-1 or Windows-1252), a file in UTF-16, UTF-32 or EBCDIC, an encoding "
	 "declaration other than UTF-8 or US-ASCII (encoding=\"UTF-7\"), or a control character XML does not "
	 "allow, stops the parse. Convert the file with iconv -f ITS-ENCODING -t UTF-8, declare "
	 "encoding=\"UTF-8\", and delete control characters.",
	 "<name>Asocia\\xfeia</name>   (a Latin-1 byte)", "<name>Asociaţia</name>   (saved as UTF-8)"},
	{"format-version", E, "a construct of format 1.1 in a source that says version=\"1.0\"",
	 "Format 1.1 adds to 1.0 (declared themes, new penalty kinds, links and identifiers, unstated roles and "
	 "kinds, ...). A source that uses any of them says so: write version=\"1.1\" on <profile>, so that "
	 "readers and tools know what to expect.",
	 "<profile ... version=\"1.0\">...<theme id=\"industry\"><label>Industry</label></theme>",
	 "<profile ... version=\"1.1\">...<theme id=\"industry\"><label>Industry</label></theme>"},
	{"formula-trigger", E, "a text begins with a character a spreadsheet runs as a formula",
	 "A cell whose text begins with '=', '+', '-', '@', a tab or a carriage return is run as a formula by "
	 "spreadsheets (formula injection). Reword the start of the text; a leading year and dash ('2015 - The "
	 "Agency...') belongs in the year attribute.",
	 "<event id=\"ev-2015-nca\" year=\"2015\"><text>-The National Crime Agency opened ...</text></event>",
	 "<event id=\"ev-2015-nca\" year=\"2015\"><text>The National Crime Agency opened ...</text></event>"},
	{"future-year", E, "a year comes after the profile's edition",
	 "A profile describes what happened up to its edition (the modified date), so a later year is usually a "
	 "typo. An event the profile says is planned ('will run until 2030') says so with planned=\"true\" "
	 "(format 1.1).",
	 "<profile ... modified=\"2026-11-28\">...<event id=\"ev-2031-plan\" year=\"2031\" theme=\"...\">",
	 "<event id=\"ev-2025-plan\" year=\"2025\" end-year=\"2031\" planned=\"true\" theme=\"...\">"},
	{"historic-currency", W, "an amount is in a currency no longer current",
	 "A data-quality note: the currency code is in ISO 4217 (ICU's currency data) but was not legal tender at "
	 "the profile's edition (its modified date), as a law from before a currency change states its fines "
	 "(ROL before RON, DEM before EUR). Keep the code the law uses; the note tells readers the amounts are "
	 "historic.",
	 "<penalty id=\"pen-1\" kind=\"fine\" min=\"1000\" unit=\"ROL\"/>   (in a profile of 2026)",
	 "the same: the note is the record (write the current code only if the law itself does)"},
	{"implausible-year", E, "a year is outside 1800..2100, or an event ends before it starts",
	 "Years are four-digit years of the common era between 1800 and 2100; an event's end-year is not before "
	 "its year. Usually a typo or swapped attributes.",
	 "<event id=\"ev-2012-camp\" year=\"2012\" end-year=\"2010\">",
	 "<event id=\"ev-2010-camp\" year=\"2010\" end-year=\"2012\">"},
	{"internal", E, "profilec failed in a way no source causes",
	 "Something inside profilec went wrong (a worker process died, the embedded schema did not load). It is "
	 "a bug or a resource problem, not an error in the profile: run again, and report it with the command "
	 "line if it repeats.",
	 "profilec build -j4 sources/*.xml   (a worker killed by the out-of-memory killer)",
	 "profilec build -j1 sources/*.xml"},
	{"interrupted", E, "the build was stopped by a signal",
	 "A build stopped by SIGINT, SIGTERM or SIGHUP writes nothing: the output directory stays as it was. Run "
	 "the build again.",
	 "profilec build sources/*.xml   (Ctrl-C while it runs)", "profilec build sources/*.xml"},
	{"io", E, "the source cannot be read",
	 "The file does not exist, is not a regular file, cannot be read, or changed while profilec read it. "
	 "Check the path and permissions; do not edit a file while it is being validated.",
	 "profilec validate sources/xa", "profilec validate sources/xa.xml"},
	{"limit-attributes", E, "an element has more attributes than --max-attributes",
	 "No element of the format has more than a handful of attributes; thousands are a hostile file. The limit "
	 "(default 64) is raised with --max-attributes.",
	 "<actor id=\"a\" a1=\"\" a2=\"\" ... a5000=\"\">", "<actor id=\"a\" kind=\"ngo\">"},
	{"limit-depth", E, "elements are nested deeper than --max-depth",
	 "The format nests a few levels deep; a file nested thousands deep is hostile or broken. The limit "
	 "(default 64) is raised with --max-depth.",
	 "<text><b><b><b>...   (10,000 levels)", "<text>plain text</text>"},
	{"limit-size", E, "the source is larger than --max-size",
	 "Sources over --max-size (default 256 MiB) are refused before they are read. Split the profile, or raise "
	 "the limit with --max-size.",
	 "profilec validate huge.xml   (300 MB)", "profilec validate --max-size=400000000 huge.xml"},
	{"limit-text", E, "a text or attribute value is longer than --max-text",
	 "One text or attribute value over --max-text bytes (default 1 MiB) is refused: no profile entry is "
	 "that long, and libxml2's schema checks grow faster than linearly with it. Shorten the text, or raise the "
	 "limit with --max-text.",
	 "<text>(2 MB of text)</text>", "<text>(the paragraph the profile has)</text>"},
	{"malformed", E, "the file is not well-formed XML",
	 "A tag is not closed, a '<' or '&' stands in text unescaped, an entity is unknown, or the file is empty. "
	 "In text write '&lt;' for '<' and '&amp;' for '&'; close every element you open.",
	 "<title>Children & the Internet <2015></title>", "<title>Children &amp; the Internet &lt;2015&gt;</title>"},
	{"missing-author", W, "a publication has no author in the profile",
	 "A data-quality note: the profile lists the publication without an author line, so the products show "
	 "none. Add an authors element if the profile names them; otherwise leave it (the note is the record).",
	 "<publication id=\"pub-2019-guide\" year=\"2019\"><title>Guide</title></publication>",
	 "<publication id=\"pub-2019-guide\" year=\"2019\"><title>Guide</title>\n"
	 "  <authors><organization ref=\"xland-agency\">Xland Agency</organization></authors></publication>"},
	{"missing-kind", W, "an organization's kind is not stated",
	 "A data-quality note (format 1.1): the actor has no kind attribute because neither the profile nor the "
	 "organization's name says what sort of body it is. Give the kind if the profile states it ('This "
	 "industry association ...', a 'Ministry'); otherwise leave it out (the note is the record).",
	 "<actor id=\"bice\" kind=\"ngo\"><name>BICE</name></actor>   (the profile never says it is an NGO)",
	 "<actor id=\"bice\"><name>BICE</name></actor>"},
	{"missing-value", W, "an indicator has no value in the profile",
	 "A data-quality note: the indicator is marked <missing/> because the profile gives no figure. Give the "
	 "value if the profile states it; otherwise leave it (the note is the record).",
	 "<indicator id=\"ind-mobile\"><label>Mobile users</label><missing/></indicator>",
	 "<indicator id=\"ind-mobile\"><label>Mobile users</label>\n"
	 "  <value year=\"2020\" unit=\"percent\">71.5</value></indicator>"},
	{"near-duplicate", W, "two listings share title and year but not subtitle, edition or authors",
	 "Two publications with the same title and year after folding, but another subtitle or author list, are "
	 "kept apart (Part I and Part II are two works) and related in the products (near_duplicate_of). If they "
	 "are one work, make the listings agree and they merge; if one is a new edition, say so with edition-of.",
	 "<title>Survey</title><subtitle>Part I: Findings</subtitle> ... <title>Survey</title><subtitle>Part II: "
	 "Focus Groups</subtitle>",
	 "(both kept: nothing to fix when they are two works)"},
	{"number-limit", E, "a number has more digits than profilec compares exactly",
	 "Numbers are kept and compared as the decimals written, never rounded, up to 30 digits (integer and "
	 "fraction digits together, leading and trailing zeros aside). Round the number to what the profile "
	 "states, or write it in a larger unit.",
	 "<penalty id=\"pen-1-fine\" kind=\"fine\" max=\"1000000000000000000000000000000.5\" unit=\"EUR\"/>",
	 "<penalty id=\"pen-1-fine\" kind=\"fine\" max=\"1000000000000000000000000000000\" unit=\"EUR\"/>"},
	{"number-precision", W, "a number has more significant digits than a spreadsheet number holds",
	 "A data-quality note, not an error: the CSV and JSON-LD keep every digit, but a spreadsheet number holds "
	 "15 significant digits, so the workbook writes this value's digits as text (it still sorts, but does not "
	 "sum). Nothing to fix when the profile states the number so.",
	 "<penalty id=\"pen-1-fine\" kind=\"fine\" max=\"12345678901234567\" unit=\"RON\"/>",
	 "(the same: the note says the workbook's cell is text)"},
	{"output", E, "an output could not be written",
	 "profilec could not create, write or publish a file or directory of the build (a full disk, no "
	 "permission, a file where a directory should be). Nothing was published: fix the output directory and "
	 "build again. The exit status is 3.",
	 "profilec build -o /read-only/dist sources/xa.xml", "profilec build -o dist sources/xa.xml"},
	{"penalty-bounds", E, "a penalty has bounds its kind cannot have",
	 "Life imprisonment has no minimum, maximum or unit: it is for life. A term with bounds is "
	 "kind=\"imprisonment\".",
	 "<penalty id=\"pen-1-life\" kind=\"life-imprisonment\" min=\"25\" unit=\"years\"/>",
	 "<penalty id=\"pen-1-life\" kind=\"life-imprisonment\"/>"},
	{"penalty-daily-amount", E, "a daily amount where no day-fine is, or with its minimum above its maximum",
	 "<daily-amount> states the amount of one daily unit of a day-fine (kind=\"day-fine\", whose bounds "
	 "count day-units); its min is not above its max. A fine of a sum of money is kind=\"fine\" with a "
	 "currency as unit.",
	 "<penalty id=\"pen-1\" kind=\"fine\" max=\"360\" unit=\"EUR\"><daily-amount max=\"30000\" "
	 "currency=\"EUR\"/></penalty>",
	 "<penalty id=\"pen-1\" kind=\"day-fine\" max=\"360\" unit=\"day-units\"><daily-amount "
	 "max=\"30000\" currency=\"EUR\"/></penalty>"},
	{"penalty-percent", E, "a fine in percent is over 100",
	 "A fine in percent is a percentage of its <base> (turnover, income), at most 100. A sum of money takes a "
	 "currency as unit.",
	 "<penalty id=\"pen-1\" kind=\"fine\" max=\"400\" unit=\"percent\"><base>annual turnover</base>"
	 "</penalty>",
	 "<penalty id=\"pen-1\" kind=\"fine\" max=\"4\" unit=\"percent\"><base>annual turnover</base>"
	 "</penalty>"},
	{"penalty-range", E, "a penalty's minimum is above its maximum",
	 "min and max are in the same unit and min is not above max. Usually swapped attributes, or a maximum "
	 "written in another unit (pick the unit that keeps both whole).",
	 "<penalty id=\"pen-pc-1\" kind=\"imprisonment\" min=\"6\" max=\"2\" unit=\"years\"/>",
	 "<penalty id=\"pen-pc-1\" kind=\"imprisonment\" min=\"6\" max=\"24\" unit=\"months\"/>"},
	{"penalty-unit", E, "a penalty's unit does not fit its kind or bounds",
	 "A penalty with a min or max needs a unit; a fine is measured in an ISO 4217 currency (RON, EUR) or in "
	 "percent of a <base>, imprisonment and prohibitions in days, weeks, months or years, community service "
	 "in hours, a day-fine in day-units (its amount per day in <daily-amount>). Only a fine in percent has a "
	 "<base>.",
	 "<penalty id=\"pen-1-fine\" kind=\"fine\" min=\"100\" max=\"500\" unit=\"years\"/>",
	 "<penalty id=\"pen-1-fine\" kind=\"fine\" min=\"100\" max=\"500\" unit=\"EUR\"/>"},
	{"person-name", E, "a person has both a one-part name and a family or given name, or no name",
	 "A person (cited or declared) is written either with family= and given= (given may be left out), or, "
	 "for a person known by one name only (a mononym), with name= alone (format 1.1). A mononym is matched "
	 "only with the same mononym, never with a family name.",
	 "<person name=\"Sukarno\" family=\"Sukarno\">Sukarno</person>", "<person name=\"Sukarno\">Sukarno</person>"},
	{"ref-cycle", E, "references lead back to where they started",
	 "part-of, member-of and operated-by form a hierarchy, editions form a chain, and a penalty does not "
	 "change, replace or add to itself. Remove the relation that closes the loop (often it belongs the other "
	 "way round, or is partner-of).",
	 "<actor id=\"a\" kind=\"ngo\">...<relation type=\"part-of\" to=\"b\"/></actor>\n"
	 "<actor id=\"b\" kind=\"ngo\">...<relation type=\"part-of\" to=\"a\"/></actor>",
	 "<actor id=\"a\" kind=\"ngo\">...<relation type=\"part-of\" to=\"b\"/></actor>\n"
	 "<actor id=\"b\" kind=\"ngo\">...</actor>"},
	{"repeated-link", W, "a link is written twice",
	 "The same organization in the same role of one event, the same relation between two organizations, the "
	 "same citation in one event or the same source of one indicator is one fact: each is one row of a table "
	 "whose key it is. The repeat is dropped; delete it from the source.",
	 "<involves actor=\"unicef\" role=\"funder\"/>\n<involves actor=\"unicef\" role=\"funder\"/>",
	 "<involves actor=\"unicef\" role=\"funder\"/>"},
	{"schema", E, "the source does not follow the format (schemas/profile.xsd)",
	 "An element, attribute or value is not where or what the format allows: an unknown or misplaced element, "
	 "a required child or attribute missing, a value outside its list, a date or boolean in the wrong form. "
	 "The message says what is expected; schemas/README.md shows each element.",
	 "<status signed=\"yes\" date=\"2014-6\">signed</status>",
	 "<status signed=\"true\" date=\"2014-06\">signed</status>"},
	{"source-date-epoch", E, "SOURCE_DATE_EPOCH is not a valid timestamp",
	 "SOURCE_DATE_EPOCH, when set, is the build date of every product: a non-negative whole number of seconds "
	 "since 1970-01-01 UTC. Unset it to use each profile's modified date.",
	 "SOURCE_DATE_EPOCH=yesterday profilec build sources/xa.xml",
	 "SOURCE_DATE_EPOCH=1764288000 profilec build sources/xa.xml"},
	{"too-many-themes", E, "a profile declares more than 8 themes",
	 "The EPUB timeline has 8 colours and 8 shapes, one per theme, so a profile declares at most 8 themes. "
	 "Merge two timelines into one theme, or file an issue if a real profile needs more.",
	 "<theme id=\"t9\"><label>Ninth timeline</label></theme>   (after eight others)",
	 "(eight themes; the ninth timeline's events under the theme closest to them)"},
	{"unknown-currency", E, "a currency code is not in ISO 4217",
	 "A penalty's or an indicator's currency is a three-letter ISO 4217 code, checked against ICU's currency "
	 "data (current and historic codes). The hint names the nearest code; fictional profiles use XTS, the "
	 "code ISO reserves for testing.",
	 "<penalty id=\"pen-1\" kind=\"fine\" min=\"100\" unit=\"EUO\"/>",
	 "<penalty id=\"pen-1\" kind=\"fine\" min=\"100\" unit=\"EUR\"/>"},
	{"unknown-ref", E, "a reference names an id that is not in the file",
	 "A ref, to, of, actor, sources, alternative-to or in-addition-to attribute names an id no entity has. "
	 "Correct the spelling, or add the entity (an organization only named in a text is an actor too).",
	 "<involves actor=\"ec\" role=\"funder\"/>   (no actor has id=\"ec\")",
	 "<involves actor=\"european-commission\" role=\"funder\"/>"},
	{"unknown-unit", E, "an indicator's unit is not in format 1.1's vocabulary",
	 "In format 1.1 an indicator's unit is one of percent, count, per-100-inhabitants, per-1000-inhabitants, "
	 "per-100000-inhabitants, per-100-households, mbit-per-second, index-points, rank, years, hours-per-day, "
	 "or an ISO 4217 currency code (schemas/README.md), so that values of different profiles compare. A 1.0 "
	 "source keeps its free text.",
	 "<value year=\"2020\" unit=\"% of population\">61</value>",
	 "<value year=\"2020\" unit=\"percent\">61</value>"},
	{"unnamed-actor", W, "an actor has no name in the profile",
	 "A data-quality note: the directory entry has a description but no name, so it is <unnamed/>. If the "
	 "entry's own text states the name ('INTERPOL is ...'), write it; otherwise leave it.",
	 "<actor id=\"interpol\" kind=\"international-organization\"><unnamed/>\n"
	 "  <description>INTERPOL is the world's largest police organization.</description></actor>",
	 "<actor id=\"interpol\" kind=\"international-organization\"><name>INTERPOL</name>\n"
	 "  <description>INTERPOL is the world's largest police organization.</description></actor>"},
	{"unused-person", W, "a declared person is named by no citation",
	 "Every person declared in <people> is a row of the people table; one that no citation names (with ref, "
	 "or by a name that can only be that person) is probably a typo in a ref or a leftover. Cite it or "
	 "remove it.",
	 "<people><person id=\"moreau-jl\" family=\"Moreau\" given=\"Jean-Luc\"/></people>   (never cited)",
	 "<person ref=\"moreau-jl\" family=\"Moreau\" given=\"J.-L.\">J.-L. Moreau</person>"},
	{"world-not-checked", N, "validate could not check the world dataset of several profiles",
	 "With two profiles or more, validate resolves their shared organizations, people and publications as a "
	 "build would, through a scratch directory under TMPDIR (or /tmp). When none can be made, that check is "
	 "skipped and this note says so. Point TMPDIR at a writable directory.",
	 "TMPDIR=/nonexistent profilec validate a.xml b.xml", "TMPDIR=$RUNNER_TEMP profilec validate a.xml b.xml"},
	{"wrong-ref", E, "a reference names an entity of the wrong kind",
	 "The id exists but is not of the kind the attribute wants: an involves actor= names a publication, a "
	 "cites-instrument ref= names an actor. Point it at an entity of the right kind.",
	 "<cites-instrument ref=\"ministry-of-justice\"/>", "<cites-instrument ref=\"law-196-2003\"/>"},
	{"xlsx", E, "libxlsxwriter refused a cell or a sheet",
	 "The workbook library refused to write something the compiler's own checks let through. It is a bug in "
	 "profilec's checks: report it with the source.",
	 "(no source should cause it)", "(no source should cause it)"},
	{"xlsx-cell-limit", E, "a text is longer than an Excel cell holds (32,767 characters)",
	 "Excel cells hold at most 32,767 characters (UTF-16 code units), so the workbook cannot hold the text. "
	 "Shorten it: an article's text is the profile's text about it, not the law in full.",
	 "<text>(33,600 characters)</text>", "<text>(at most 32,767 characters)</text>"},
	{"xlsx-link-limit", N, "a sheet has more links than Excel allows; the rest are plain ids",
	 "Excel keeps at most 65,530 hyperlinks per sheet. Past that, the workbook writes the ids as plain text; "
	 "nothing is lost. Nothing to fix. The world workbook, which holds every profile's rows in one sheet, can "
	 "pass the limit when no profile does: its first 65,530 links, row by row, stay links, and the first "
	 "plain cell carries a note saying so.",
	 "(a profile with 70,000 events each linking an actor)", "(the same: the note says how many)"},
	{"xlsx-row-limit", E, "a table has more rows than an Excel sheet holds",
	 "An Excel sheet holds 1,048,575 rows under its header. A profile with more entities of one kind (or "
	 "more authorships, involvements, ...) cannot be one workbook: split the profile.",
	 "(1,100,000 events in one profile)", "(the events of one country profile)"},
	{"xlsx-sheet-name", E, "a sheet name is not one Excel accepts",
	 "Excel sheet names have 1 to 31 characters, none of []:*?/\\, and do not begin with an apostrophe. Sheet "
	 "names come from the format's tables, so this is a bug in profilec: report it.",
	 "(no source should cause it)", "(no source should cause it)"},
	{"xlsx-url-limit", E, "a link is longer than an Excel hyperlink holds (2,079 characters)",
	 "The workbook links each website, URL, DOI, ORCID, ROR and Wikidata id; Excel refuses a hyperlink of more "
	 "than 2,079 characters, so validate refuses it too (build would otherwise fail at the workbook). Link to a "
	 "shorter address of the same page.",
	 "<publication ... url=\"https://example.org/search?q=... (3,000 characters)\">",
	 "<publication ... url=\"https://example.org/report-2019\">"},
};

const size_t pc_n_rules = sizeof pc_rules / sizeof pc_rules[0];

static int
by_id(const void *key, const void *entry)
{
	return strcmp(key, ((const pc_rule *)entry)->id);
}

const pc_rule *
pc_rule_find(const char *id)
{
	if (id == NULL)
		return NULL;
	return bsearch(id, pc_rules, pc_n_rules, sizeof pc_rules[0], by_id);
}

long
pc_rule_index(const char *id)
{
	const pc_rule *r = pc_rule_find(id);
	return r ? (long)(r - pc_rules) : -1;
}

/* Words of s on lines of at most width columns, each line indented. */
static void
wrap(FILE *f, const char *s, int indent, int width)
{
	int col = 0;
	while (*s) {
		size_t n = strcspn(s, " ");
		if (col > 0 && col + 1 + (int)n > width) {
			fputc('\n', f);
			col = 0;
		}
		if (col == 0)
			col = fprintf(f, "%*s", indent, "");
		else
			col += fprintf(f, " ");
		col += fprintf(f, "%.*s", (int)n, s);
		s += n;
		while (*s == ' ')
			s++;
	}
	fputc('\n', f);
}

/* An example, each of its lines indented. */
static void
example(FILE *f, const char *title, const char *text)
{
	fprintf(f, "\n%s\n", title);
	while (*text) {
		size_t n = strcspn(text, "\n");
		fprintf(f, "    %.*s\n", (int)n, text);
		text += n;
		if (*text == '\n')
			text++;
	}
}

void
pc_rules_list(FILE *f)
{
	for (size_t i = 0; i < pc_n_rules; i++)
		fprintf(f, "%-22s %-8s %s\n", pc_rules[i].id, pc_severity_name[pc_rules[i].level], pc_rules[i].summary);
}

void
pc_rule_print(FILE *f, const pc_rule *r)
{
	fprintf(f, "%s (%s): %s\n\n", r->id, pc_severity_name[r->level], r->summary);
	wrap(f, r->explain, 0, 76);
	example(f, "Wrong:", r->bad);
	example(f, "Right:", r->good);
}

/* A table cell: '|' would end it, and a line break would end the table. */
static void
cell(FILE *f, const char *s)
{
	for (; *s; s++)
		if (*s == '|')
			fputs("\\|", f);
		else
			fputc(*s == '\n' ? ' ' : *s, f);
}

void
pc_rules_markdown(FILE *f)
{
	fputs("| rule | severity | what it means |\n|---|---|---|\n", f);
	for (size_t i = 0; i < pc_n_rules; i++) {
		fprintf(f, "| `%s` | %s | ", pc_rules[i].id, pc_severity_name[pc_rules[i].level]);
		cell(f, pc_rules[i].summary);
		fputs(" |\n", f);
	}
}
