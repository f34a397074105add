/* Unicode NFC (ICU through compiler/fold.c): known cases, then agreement with Python's unicodedata. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../compiler/alloc.h"
#include "../compiler/fold.h"
#include "../exporters/buf.h"
#include "testutil.h"

#define PY "/usr/bin/python3"

/* python3 nfc.py IN OUT: the NFC of each line of IN into OUT, as bytes (no
 * newline translation); prints the Unicode version. With CODEPOINTS first,
 * it writes IN itself: four lines for every code point that decomposes, has
 * a combining class or is part of a decomposition, and for every 61st other
 * one: alone, after 'a', after U+1100 (which composes with vowels), and
 * before a dot below (which makes it decompose). */
static const char py_nfc[] = "import sys, unicodedata as u\n"
			     "if sys.argv[1] == 'CODEPOINTS':\n"
			     "    del sys.argv[1]\n"
			     "    parts = set()\n"
			     "    for c in range(0x110000):\n"
			     "        d = u.decomposition(chr(c)) if not 0xd800 <= c <= 0xdfff else ''\n"
			     "        parts.update(int(x, 16) for x in d.split() if not x.startswith('<'))\n"
			     "    lines = []\n"
			     "    for c in range(1, 0x110000):\n"
			     "        if 0xd800 <= c <= 0xdfff or c == 10:\n"
			     "            continue\n"
			     "        x = chr(c)\n"
			     "        if u.decomposition(x) or u.combining(x) or c in parts or c % 61 == 0:\n"
			     "            lines += [x, 'a' + x, '\\u1100' + x, x + '\\u0323']\n"
			     "    open(sys.argv[1], 'wb').write('\\n'.join(lines).encode('utf-8', 'surrogatepass'))\n"
			     "lines = open(sys.argv[1], 'rb').read().decode('utf-8').split('\\n')\n"
			     "out = '\\n'.join(u.normalize('NFC', l) for l in lines)\n"
			     "open(sys.argv[2], 'wb').write(out.encode('utf-8'))\n"
			     "print(u.unidata_version)\n";

static void
expect_nfc(const char *in, const char *want)
{
	char *got = pc_nfc(in);
	ck_assert_msg(strcmp(got, want) == 0, "NFC of \"%s\": got \"%s\", want \"%s\"", in, got, want);
	free(got);
	/* NFC is idempotent. */
	got = pc_nfc(want);
	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(ascii_is_unchanged)
{
	expect_nfc("", "");
	expect_nfc("Save the Children Romania, 2016: \"x\" ~ {}", "Save the Children Romania, 2016: \"x\" ~ {}");
	ck_assert_int_eq(pc_nfc_is_normalized("plain ASCII"), 1);
}
END_TEST

START_TEST(marks_compose)
{
	expect_nfc("e\u0301", "\u00e9");
	expect_nfc("A\u030a", "\u00c5");
	expect_nfc("Ga\u0301bor", "G\u00e1bor");
	expect_nfc("O\u0301lafsdo\u0301ttir", "\u00d3lafsd\u00f3ttir");
	/* Two steps: s + dot below, then + dot above. */
	expect_nfc("s\u0323\u0307", "\u1e69");
	expect_nfc("\u1e63\u0307", "\u1e69");
	/* A mark with no composite stays after the composed letter. */
	expect_nfc("e\u0301\u0301", "\u00e9\u0301");
	/* A mark at the start has nothing to compose with. */
	expect_nfc("\u0301e", "\u0301e");
	ck_assert_int_eq(pc_nfc_is_normalized("e\u0301"), 0);
}
END_TEST

START_TEST(marks_are_put_in_canonical_order)
{
	expect_nfc("a\u0323\u0302", "\u1ead");
	expect_nfc("a\u0302\u0323", "\u1ead");
	/* The dot below (220) goes first and composes; ạ has no grave form. */
	expect_nfc("a\u0300\u0323", "\u1ea1\u0300");
	/* Equal classes keep their order (a stable sort). */
	expect_nfc("a\u0301\u0300", "\u00e1\u0300");
	expect_nfc("a\u0300\u0301", "\u00e0\u0301");
	/* A mark of the same class in between blocks the acute; a lower class does not. */
	expect_nfc("a\u0310\u0301", "a\u0310\u0301");
	expect_nfc("a\u0334\u0301", "\u00e1\u0334");
	/* Out of order but nothing composes: only reordered. */
	expect_nfc("x\u0301\u0316", "x\u0316\u0301");
}
END_TEST

START_TEST(singletons_and_exclusions)
{
	expect_nfc("\u212b", "\u00c5");       /* ANGSTROM SIGN */
	expect_nfc("\u2126", "\u03a9");       /* OHM SIGN */
	expect_nfc("\u0958", "\u0915\u093c"); /* DEVANAGARI QA: a composition exclusion */
	expect_nfc("\u0915\u093c", "\u0915\u093c");
	expect_nfc("\u0344", "\u0308\u0301");             /* a non-starter decomposition */
	expect_nfc("\U0001d15e", "\U0001d157\U0001d165"); /* MUSICAL SYMBOL HALF NOTE, excluded */
	/* Starter + starter: Indic two-part vowels. */
	expect_nfc("\u0b47\u0b3e", "\u0b4b");
}
END_TEST

START_TEST(hangul_is_composed_by_arithmetic)
{
	expect_nfc("\u1100\u1161\u11a8", "\uac01"); /* L V T */
	expect_nfc("\u1100\u1161", "\uac00");       /* L V */
	expect_nfc("\uac00\u11a8", "\uac01");       /* LV T */
	expect_nfc("\uac01", "\uac01");
	expect_nfc("\u1112\u1175\u11c2", "\ud7a3");             /* the last syllable */
	expect_nfc("\u1100\u11a8", "\u1100\u11a8");             /* L T: nothing */
	expect_nfc("\uac01\u11a8", "\uac01\u11a8");             /* LVT T: nothing */
	expect_nfc("\u1100\u0301\u1161", "\u1100\u0301\u1161"); /* blocked by a mark */
}
END_TEST

START_TEST(nfc_text_is_unchanged)
{
	const char *ro = "\u0218tefan \u021aar\u0103, Funda\u021bia \u00d3lafsd\u00f3ttir \u2013 \u201cSigur\u201d";
	ck_assert_int_eq(pc_nfc_is_normalized(ro), 1);
	expect_nfc(ro, ro);
	expect_nfc("\u1ead \u00e9 \uac01 \u0915\u093c", "\u1ead \u00e9 \uac01 \u0915\u093c");
	expect_nfc("\u4e2d\u6587 \u0627\u0644\u0639\u0631\u0628\u064a\u0629",
		   "\u4e2d\u6587 \u0627\u0644\u0639\u0631\u0628\u064a\u0629");
}
END_TEST

/* Text that is not UTF-8 comes back as it is (libxml2 rejects such a source
 * before any text reaches the compiler, so this is only a safety net). */
START_TEST(invalid_bytes_pass_through)
{
	const char *cases[] = {
		"a\377b",               /* a stray byte (octal: \xff would swallow the b) */
		"\xc3",                 /* a truncated sequence at the end */
		"e\xcc",                /* a truncated U+0301: nothing to compose */
		"e\xff\xcc\x81",        /* a stray byte between e and U+0301 blocks it */
		"\xed\xa0\x80\xcc\x81", /* a surrogate */
		"\xc0\xaf",             /* an overlong slash */
		"\xf4\x90\x80\x80",     /* beyond U+10FFFF */
		"\xe0\x80\x80",         /* an overlong NUL */
		"\x80\x80\xcc\x81",     /* stray continuation bytes, then a mark */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = pc_nfc(cases[i]);
		ck_assert_msg(strcmp(got, cases[i]) == 0, "case %zu changed", i);
		free(got);
	}
	char *got = pc_nfc("\377e\xcc\x81\xfe");
	ck_assert_str_eq(got, "\377e\xcc\x81\xfe");
	free(got);
}
END_TEST

/* A long run of marks in reverse order takes linear time, not quadratic. */
START_TEST(long_runs_of_marks)
{
	size_t n = 200000;
	char *s = pc_malloc(1 + 4 * n + 1), *o = s;
	*o++ = 'a';
	for (size_t i = 0; i < n; i++) {
		memcpy(o, i % 2 ? "\xcc\xa3" : "\xcc\x81", 2); /* U+0323 (220), U+0301 (230) */
		o += 2;
	}
	*o = '\0';
	/* ạ (a + the first dot below), the other dots below, then the acutes. */
	char *want = pc_malloc(3 + 2 * n + 1);
	o = want + sprintf(want, "\u1ea1");
	for (size_t i = 0; i < n - 1; i++, o += 2)
		memcpy(o, i < n / 2 - 1 ? "\xcc\xa3" : "\xcc\x81", 2);
	*o = '\0';
	char *got = pc_nfc(s);
	ck_assert_msg(strcmp(got, want) == 0, "a long run of marks is not in canonical order");
	free(want);
	free(got);
	free(s);
}
END_TEST

START_TEST(fold_space_gives_nfc)
{
	char *s = pc_fold_space("\n  Ga\u0301bor \t Fundat\u0326ia\r\n ");
	ck_assert_str_eq(s, "G\u00e1bor Funda\u021bia");
	free(s);
	s = pc_fold_space(" \u0301 e\u0301 ");
	ck_assert_str_eq(s, "\u0301 \u00e9");
	free(s);
	char *a = pc_fold_key("O\u0301lafsdo\u0301ttir"), *b = pc_fold_key("\u00d3lafsd\u00f3ttir");
	ck_assert_str_eq(a, "olafsdottir");
	ck_assert_str_eq(b, "olafsdottir");
	free(a);
	free(b);
	a = pc_fold_key("S\u0326tefan T\u0326ara\u0306");
	ck_assert_str_eq(a, "stefan tara");
	free(a);
}
END_TEST

/* ---- Agreement with Python -------------------------------------------- */

static size_t
put_utf8(char *o, uint32_t c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	} else if (c < 0x800) {
		o[0] = (char)(0xc0 | c >> 6), o[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	} else if (c < 0x10000) {
		o[0] = (char)(0xe0 | c >> 12), o[1] = (char)(0x80 | (c >> 6 & 0x3f)), o[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | c >> 18), o[1] = (char)(0x80 | (c >> 12 & 0x3f));
	o[2] = (char)(0x80 | (c >> 6 & 0x3f)), o[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* The keys do not depend on how Latin-ASCII is opened: from ICU's rules
 * less their NFD and NFC steps (the default, without ICU's registry) or by
 * its id. Every code point, as a title between two letters (the rule that
 * drops marks after a Latin letter, symbols kept) and as a key alone. */
static char *
keys_of_every_code_point(void)
{
	pc_buf b;
	pc_buf_init(&b);
	char s[8];
	for (uint32_t c = 1; c < 0x110000; c++) {
		if (c >= 0xd800 && c < 0xe000)
			continue;
		s[0] = 'a';
		size_t n = 1 + put_utf8(s + 1, c);
		s[n] = 'b', s[n + 1] = '\0';
		char *t = pc_fold_title(s);
		s[n] = '\0';
		char *k = pc_fold_key(s + 1);
		pc_buf_printf(&b, "%x %s|%s\n", c, t, k);
		free(t);
		free(k);
	}
	return b.data;
}

START_TEST(latin_ascii_from_rules_gives_the_same_keys)
{
	char *fast = keys_of_every_code_point();
	pc_fold_latin_ascii_by_id(1);
	char *reference = keys_of_every_code_point();
	pc_fold_latin_ascii_by_id(0);
	if (strcmp(fast, reference) != 0) {
		size_t i = 0;
		while (fast[i] == reference[i])
			i++;
		while (i > 0 && fast[i - 1] != '\n')
			i--;
		ck_abort_msg("keys differ from Latin-ASCII by id: %.*s (by id: %.*s)", (int)strcspn(fast + i, "\n"),
			     fast + i, (int)strcspn(reference + i, "\n"), reference + i);
	}
	/* What ICU's rules spell in ASCII, still spelled so. */
	char *k = pc_fold_key("\u00d8ster \u0141\u00f3d\u017a Stra\u00dfe \u2018\u00c6sir\u2019 \u2013 \u00bd");
	ck_assert_str_eq(k, "oster lodz strasse aesir 1 2");
	free(k);
	free(fast);
	free(reference);
}
END_TEST

/* Have Python normalize text, lines separated by '\n' (or, when NULL, lines
 * of code points it chooses), and compare with pc_nfc line by line. Skipped,
 * with a message, when Python is missing. */
static void
compare_with_python(const char *text, const char *what)
{
	if (tool_missing(what, access(PY, X_OK) == 0, PY " is not installed"))
		return;
	char *dir = make_tmpdir();
	char *prog = pc_asprintf("%s/nfc.py", dir), *in = pc_asprintf("%s/in.txt", dir),
	     *out = pc_asprintf("%s/out.txt", dir);
	FILE *f = fopen(prog, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fputs(py_nfc, f) >= 0, 1);
	ck_assert_int_eq(fclose(f), 0);
	if (text != NULL) {
		f = fopen(in, "wb");
		ck_assert_ptr_nonnull(f);
		ck_assert_int_eq(fputs(text, f) >= 0, 1);
		ck_assert_int_eq(fclose(f), 0);
	}
	pc_run r;
	run_sh(&r, "%s '%s' %s '%s' '%s'", PY, prog, text ? "" : "CODEPOINTS", in, out);
	ck_assert_msg(r.status == 0, "python: exit %d: %.2000s", r.status, r.err);
	char *version = pc_strndup(r.out, strcspn(r.out, "\n"));
	run_free(&r);
	if (strcmp(version, pc_unicode_version()) != 0)
		fprintf(stderr, "check_nfc: Python has Unicode %s, ICU %s\n", version, pc_unicode_version());
	size_t len;
	char *want = read_file(out, &len), *given = read_file(in, &len);
	ck_assert_ptr_nonnull(want);
	ck_assert_ptr_nonnull(given);
	char *line = given, *w = want;
	size_t bad = 0, n = 0;
	for (;;) {
		n++;
		char *nl = strchr(line, '\n'), *wnl = strchr(w, '\n');
		ck_assert_msg((nl == NULL) == (wnl == NULL), "python gave another number of lines (at %zu)", n);
		if (nl)
			*nl = '\0', *wnl = '\0';
		char *got = pc_nfc(line);
		if (strcmp(got, w) != 0 && bad++ < 10) {
			fprintf(stderr, "check_nfc: %s: line %zu differs from Python:", what, n);
			for (const unsigned char *p = (const unsigned char *)line; *p; p++)
				fprintf(stderr, " %02x", *p);
			fprintf(stderr, "\n");
		}
		/* The quick check never calls NFC what is not. */
		if (pc_nfc_is_normalized(line) && strcmp(line, w) != 0 && bad++ < 10)
			fprintf(stderr, "check_nfc: %s: line %zu is not NFC but passes the quick check\n", what, n);
		free(got);
		if (nl == NULL)
			break;
		line = nl + 1, w = wnl + 1;
	}
	ck_assert_msg(bad == 0, "%zu of %zu %s differ from Python (Unicode %s)", bad, n, what, version);
	free(want);
	free(given);
	free(version);
	rm_tree(dir);
	free(prog), free(in), free(out), free(dir);
}

/* Letters, marks of many classes, precomposed letters, Hangul jamo and
 * syllables, singletons, exclusions, two-part vowels, supplementary planes. */
static const uint32_t pool[] = {
	'a',     'e',     'o',     'u',     'A',     'O',     's',     'S',    't',    'T',     'n',    'G',    ' ',
	'.',     0x0300,  0x0301,  0x0302,  0x0303,  0x0306,  0x0307,  0x0308, 0x030a, 0x030c,  0x031b, 0x0323, 0x0326,
	0x0327,  0x0328,  0x0316,  0x0334,  0x0345,  0x0344,  0x0340,  0x0341, 0x0343, 0x00e9,  0x00c5, 0x00e0, 0x0103,
	0x0218,  0x021b,  0x1ea1,  0x1ead,  0x1e63,  0x1e69,  0x01d5,  0x01b0, 0x03b1, 0x03c9,  0x0391, 0x1f00, 0x1f80,
	0x0313,  0x0314,  0x0342,  0x03b9,  0x212b,  0x2126,  0x212a,  0x0958, 0x0915, 0x093c,  0x0928, 0x0929, 0x09c7,
	0x09be,  0x09d7,  0x0b47,  0x0b3e,  0x0b56,  0x0b57,  0x0cc6,  0x0cc2, 0x0cd5, 0x0cca,  0x0dd9, 0x0dcf, 0x0ddf,
	0x0f71,  0x0f72,  0x0f74,  0x0f73,  0x0f80,  0x05b0,  0x05b4,  0x05bc, 0x05d0, 0x05e9,  0x05c1, 0xfb2c, 0x0627,
	0x0653,  0x0654,  0x0655,  0x064b,  0x0622,  0x1100,  0x1112,  0x1161, 0x1175, 0x11a7,  0x11a8, 0x11c2, 0xac00,
	0xac01,  0xd7a3,  0x3099,  0x309a,  0x304b,  0x304c,  0x30cf,  0x2adc, 0x2add, 0x0338,  0x003d, 0x2260, 0x1d157,
	0x1d165, 0x1d15e, 0x1d16e, 0x110b1, 0x110ba, 0x110ab, 0x11099, 0x4e2d, 0xf900, 0x2f800, 0x0e48, 0x0e38, 0x1e9b,
	0x017f,  0x0307,  0x1b05,  0x1b35,
};

START_TEST(agrees_with_python_on_random_strings)
{
	enum { N = 600, LONGEST = 12 };
	char *text = pc_malloc(N * (LONGEST * 4 + 1)), *o = text;
	uint64_t seed = 0x9e3779b97f4a7c15u;
	size_t n_pool = sizeof pool / sizeof pool[0];
	for (size_t i = 0; i < N; i++) {
		seed = seed * 6364136223846793005u + 1442695040888963407u;
		size_t len = 1 + (size_t)(seed >> 33) % LONGEST;
		for (size_t k = 0; k < len; k++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			o += put_utf8(o, pool[(seed >> 33) % n_pool]);
		}
		*o++ = '\n';
	}
	o[-1] = '\0';
	compare_with_python(text, "random strings");
	free(text);
}
END_TEST

START_TEST(agrees_with_python_on_every_code_point)
{
	compare_with_python(NULL, "code points");
}
END_TEST

Suite *
suite_nfc(void)
{
	Suite *s = suite_create("nfc");
	TCase *unit = tcase_create("unit");
	tcase_add_test(unit, ascii_is_unchanged);
	tcase_add_test(unit, marks_compose);
	tcase_add_test(unit, marks_are_put_in_canonical_order);
	tcase_add_test(unit, singletons_and_exclusions);
	tcase_add_test(unit, hangul_is_composed_by_arithmetic);
	tcase_add_test(unit, nfc_text_is_unchanged);
	tcase_add_test(unit, invalid_bytes_pass_through);
	tcase_add_test(unit, long_runs_of_marks);
	tcase_add_test(unit, fold_space_gives_nfc);
	suite_add_tcase(s, unit);
	TCase *py = tcase_create("python");
	tcase_set_timeout(py, 120);
	tcase_add_test(py, agrees_with_python_on_random_strings);
	tcase_add_test(py, agrees_with_python_on_every_code_point);
	suite_add_tcase(s, py);
	TCase *keys = tcase_create("keys");
	tcase_set_timeout(keys, 600); /* 4.4 M keys: seconds, a minute under ASan */
	tcase_add_test(keys, latin_ascii_from_rules_gives_the_same_keys);
	suite_add_tcase(s, keys);
	return s;
}
