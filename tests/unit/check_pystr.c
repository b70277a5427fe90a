/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of the str reader (pystr.c): the state word, as real
 * interpreters lay it out, and the conversion of UCS-1, UCS-2 and UCS-4
 * characters to one printable UTF-8 string: what becomes U+FFFD, and the
 * cut at a whole character with "..." for every output size. The input
 * characters sit at the end of a page followed by an inaccessible one,
 * at an odd address, so that an unaligned or out-of-bounds read shows,
 * and the output buffer is checked for writes past "size".
 */
#include "config.h"

#include <check.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check_common.h"
#include "python/pystr.h"

#define FFFD "\xef\xbf\xbd"

/* ---- the state word ------------------------------------------------- */

START_TEST(test_state_real_words)
{
	/* read with ctypes at offset 32 of str objects; the high 24 bits
	 * are the bit field's padding, whatever was in memory */
	static const struct {
		const char *what;
		uint32_t state;
		unsigned int kind;
		bool compact, ascii;
	} words[] = {
	    {"3.8 interned ASCII", 0x000000e5, 1, true, true},
	    {"3.8 ASCII", 0xbf0763e4, 1, true, true},
	    {"3.8 Latin-1", 0xbf7571a4, 1, true, false},
	    {"3.8 UCS-2", 0xbf7571a8, 2, true, false},
	    {"3.8 UCS-4", 0xbf077db0, 4, true, false},
	    {"3.11 Latin-1", 0x53ba9aa4, 1, true, false},
	    {"3.12 immortal interned ASCII", 0x000000e7, 1, true, true},
	    {"3.12 ASCII", 0x00000064, 1, true, true},
	    {"3.12 UCS-2", 0x54c9de28, 2, true, false},
	    {"3.13 interned ASCII", 0x00000066, 1, true, true},
	    {"3.13 UCS-4", 0x2e13c230, 4, true, false},
	    /* made from the layout: a legacy (not compact) string */
	    {"legacy UCS-2", 0x00000088, 2, false, false},
	};
	size_t i;

	for (i = 0; i < HM_ARRAY_SIZE(words); i++) {
		struct pystr_state st = {0};

		ck_assert_msg(pystr_state_decode(words[i].state, &st), "%s",
			      words[i].what);
		ck_assert_msg(st.kind == words[i].kind &&
				  st.compact == words[i].compact &&
				  st.ascii == words[i].ascii,
			      "%s: kind %u compact %d ascii %d", words[i].what,
			      st.kind, st.compact, st.ascii);
	}
}
END_TEST

START_TEST(test_state_bad_kinds)
{
	static const unsigned int bad[] = {0, 3, 5, 6, 7};
	size_t i;

	for (i = 0; i < HM_ARRAY_SIZE(bad); i++) {
		struct pystr_state st;

		/* with every other bit set too */
		ck_assert(!pystr_state_decode(bad[i] << 2, &st));
		ck_assert(!pystr_state_decode(0xffffffe3u | bad[i] << 2, &st));
	}
}
END_TEST

/* ---- conversion ------------------------------------------------------ */

/* "n" characters of "kind" bytes, placed at an odd address right before
 * a PROT_NONE page. */
struct chars {
	unsigned char *map;
	size_t maplen;
	const void *data;
	size_t n;
	unsigned int kind;
};

static void
chars_make(struct chars *c, const uint32_t *cps, size_t n, unsigned int kind)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t bytes = n * kind;
	size_t data = (bytes + 1 + page - 1) / page * page;
	unsigned char *at;
	size_t i;

	c->maplen = data + page;
	c->map = mmap(NULL, c->maplen, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ck_assert(c->map != MAP_FAILED);
	ck_assert_int_eq(mprotect(c->map + data, page, PROT_NONE), 0);
	/* wider characters start at an odd address, one byte short of the
	 * guard page: reading one more still crosses into it */
	at = c->map + data - bytes - (kind > 1 ? 1 : 0);
	for (i = 0; i < n; i++) {
		if (kind == 1) {
			uint8_t v = (uint8_t)cps[i];

			memcpy(at + i, &v, 1);
		} else if (kind == 2) {
			uint16_t v = (uint16_t)cps[i];

			memcpy(at + 2 * i, &v, 2);
		} else {
			memcpy(at + 4 * i, &cps[i], 4);
		}
	}
	c->data = at;
	c->n = n;
	c->kind = kind;
}

static void
chars_free(struct chars *c)
{
	ck_assert_int_eq(munmap(c->map, c->maplen), 0);
}

/* Convert into an "out" of "size" bytes inside a larger buffer, and
 * check that nothing past "size" was written. */
static size_t
convert(const struct chars *c, char *out, size_t size)
{
	char buf[512];
	size_t r, i;

	ck_assert_uint_le(size + 16, sizeof(buf));
	memset(buf, 0x5a, sizeof(buf));
	r = pystr_to_utf8(c->data, c->n, c->kind, buf, size);
	for (i = size; i < sizeof(buf); i++)
		ck_assert_msg(buf[i] == 0x5a, "byte %zu written (size %zu)", i,
			      size);
	if (size == 0) {
		ck_assert_uint_eq(r, 0);
	} else {
		ck_assert_uint_lt(r, size);
		ck_assert_int_eq(buf[r], '\0');
		ck_assert_uint_eq(strlen(buf), r);
	}
	memcpy(out, buf, size);
	return r;
}

/* Convert "cps" as "kind" with plenty of room and compare with "want". */
static void
check_text(const uint32_t *cps, size_t n, unsigned int kind, const char *want)
{
	struct chars c;
	char out[256];
	size_t r;

	chars_make(&c, cps, n, kind);
	r = convert(&c, out, sizeof(out));
	ck_assert_str_eq(out, want);
	ck_assert_uint_eq(r, strlen(want));
	chars_free(&c);
}

START_TEST(test_ascii)
{
	static const uint32_t s[] = {'h', 'e', 'l', 'l', 'o', ' ', '~'};

	check_text(s, HM_ARRAY_SIZE(s), 1, "hello ~");
	check_text(s, 0, 1, "");
}
END_TEST

START_TEST(test_latin1)
{
	static const uint32_t s[] = {'f', 0xfc, 'n', 'f'};
	static const uint32_t edges[] = {0xa0, 0xff};

	check_text(s, HM_ARRAY_SIZE(s), 1, "f\xc3\xbcnf");
	check_text(edges, HM_ARRAY_SIZE(edges), 1, "\xc2\xa0\xc3\xbf");
}
END_TEST

START_TEST(test_ucs2)
{
	static const uint32_t s[] = {0x51fd, 0x6570};
	static const uint32_t edges[] = {'a',	0xe9,	0x7ff,
					 0x800, 0xfffd, 0xffff};

	check_text(s, HM_ARRAY_SIZE(s), 2, "\xe5\x87\xbd\xe6\x95\xb0");
	check_text(edges, HM_ARRAY_SIZE(edges), 2,
		   "a\xc3\xa9\xdf\xbf\xe0\xa0\x80" FFFD "\xef\xbf\xbf");
}
END_TEST

START_TEST(test_ucs4)
{
	static const uint32_t s[] = {0x1f600, 'x', 0x51fd, 0xe9};
	static const uint32_t edges[] = {0x10000, 0x10ffff};

	check_text(s, HM_ARRAY_SIZE(s), 4,
		   "\xf0\x9f\x98\x80x\xe5\x87\xbd\xc3\xa9");
	check_text(edges, HM_ARRAY_SIZE(edges), 4,
		   "\xf0\x90\x80\x80\xf4\x8f\xbf\xbf");
}
END_TEST

START_TEST(test_replaced)
{
	static const uint32_t c1[] = {'a',  '\n', 0,	'\t', 0x1b, 0x1f,
				      0x7f, 0x80, 0x85, 0x9f, 'b'};
	static const uint32_t c2[] = {0xd800, 0xdbff, 0xdc00, 0xdfff,
				      0x0a,   0x85,   0xd7ff, 0xe000};
	static const uint32_t c4[] = {0xd800,	  0xdfff, 0x110000, 0xffffffff,
				      0x80000000, 0x0d,	  0x1f600};

	check_text(c1, HM_ARRAY_SIZE(c1), 1,
		   "a" FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD "b");
	check_text(c2, HM_ARRAY_SIZE(c2), 2,
		   FFFD FFFD FFFD FFFD FFFD FFFD "\xed\x9f\xbf\xee\x80\x80");
	check_text(c4, HM_ARRAY_SIZE(c4), 4,
		   FFFD FFFD FFFD FFFD FFFD FFFD "\xf0\x9f\x98\x80");
}
END_TEST

START_TEST(test_bad_arguments)
{
	static const uint32_t s[] = {'a'};
	char out[8];

	memset(out, 0x5a, sizeof(out));
	ck_assert_uint_eq(pystr_to_utf8(s, 1, 3, out, sizeof(out)), 0);
	ck_assert_int_eq(out[0], '\0');
	memset(out, 0x5a, sizeof(out));
	ck_assert_uint_eq(pystr_to_utf8(s, 1, 0, out, sizeof(out)), 0);
	ck_assert_int_eq(out[0], '\0');
	memset(out, 0x5a, sizeof(out));
	ck_assert_uint_eq(pystr_to_utf8(NULL, 0, 1, out, sizeof(out)), 0);
	ck_assert_int_eq(out[0], '\0');
	memset(out, 0x5a, sizeof(out));
	ck_assert_uint_eq(pystr_to_utf8(NULL, 5, 1, out, sizeof(out)), 0);
	ck_assert_int_eq(out[0], '\0');
	ck_assert_uint_eq(pystr_to_utf8(s, 1, 1, NULL, 0), 0);
	ck_assert_uint_eq(pystr_to_utf8(s, 1, 1, out, 0), 0);
	ck_assert_int_eq(out[0], '\0');
}
END_TEST

/* Length of the UTF-8 sequence that starts with "b". */
static size_t
utf8_len(unsigned char b)
{
	if (b < 0x80)
		return 1;
	if (b < 0xe0)
		return 2;
	if (b < 0xf0)
		return 3;
	return 4;
}

/*
 * For every size from 0 to past the full length: the output is the whole
 * text when it fits, else the longest prefix of whole characters that
 * leaves room for "..." (and the NUL), then "..." (as much of it as fits
 * when size < 4).
 */
static void
check_cuts(const uint32_t *cps, size_t n, unsigned int kind)
{
	struct chars c;
	char full[256], out[256], want[256];
	size_t flen, size;

	chars_make(&c, cps, n, kind);
	flen = convert(&c, full, sizeof(full));
	for (size = 0; size <= flen + 3; size++) {
		size_t r = convert(&c, out, size);
		size_t room, pre = 0, dots;

		if (size == 0)
			continue;
		room = size - 1;
		if (flen <= room) {
			ck_assert_str_eq(out, full);
			continue;
		}
		while (pre < flen &&
		       pre + utf8_len((unsigned char)full[pre]) + 3 <= room)
			pre += utf8_len((unsigned char)full[pre]);
		dots = room - pre < 3 ? room - pre : 3;
		memcpy(want, full, pre);
		memcpy(want + pre, "...", dots);
		want[pre + dots] = '\0';
		ck_assert_msg(strcmp(out, want) == 0 && r == pre + dots,
			      "kind %u, size %zu: \"%s\", not \"%s\"", kind,
			      size, out, want);
	}
	chars_free(&c);
}

START_TEST(test_cut_every_size)
{
	static const uint32_t ascii[] = {'h', 'e', 'l', 'l', 'o', ' ',
					 'w', 'o', 'r', 'l', 'd'};
	static const uint32_t latin1[] = {'f', 0xfc, 'n', 'f', 0xe9, 0xe9};
	static const uint32_t ucs2[] = {0x51fd, 0x6570, 'a', 0xe9, 0x51fd};
	static const uint32_t ucs4[] = {0x1f600, 'x',	 0x1f600,
					0xe9,	 0x51fd, 0x1f600};
	static const uint32_t bad[] = {'\n', 0xd800, 'a', 0x110000};

	check_cuts(ascii, HM_ARRAY_SIZE(ascii), 1);
	check_cuts(latin1, HM_ARRAY_SIZE(latin1), 1);
	check_cuts(ucs2, HM_ARRAY_SIZE(ucs2), 2);
	check_cuts(ucs4, HM_ARRAY_SIZE(ucs4), 4);
	check_cuts(bad, 1, 1);
	check_cuts(bad, HM_ARRAY_SIZE(bad), 4);
}
END_TEST

START_TEST(test_cut_small_sizes)
{
	static const uint32_t cjk[] = {0x51fd, 0x6570}; /* 6 bytes */
	static const uint32_t hello[] = {'h', 'e', 'l', 'l', 'o'};
	static const struct {
		size_t size;
		const char *cjk, *hello;
	} cases[] = {
	    {1, "", ""},
	    {2, ".", "."},
	    {3, "..", ".."},
	    {4, "...", "..."},
	    {5, "...", "h..."},
	    {6, "...", "hello"},
	    {7, "\xe5\x87\xbd\xe6\x95\xb0", "hello"},
	};
	struct chars a, b;
	char out[16];
	size_t i;

	chars_make(&a, cjk, HM_ARRAY_SIZE(cjk), 2);
	chars_make(&b, hello, HM_ARRAY_SIZE(hello), 1);
	for (i = 0; i < HM_ARRAY_SIZE(cases); i++) {
		convert(&a, out, cases[i].size);
		ck_assert_str_eq(out, cases[i].cjk);
		convert(&b, out, cases[i].size);
		ck_assert_str_eq(out, cases[i].hello);
	}
	/* size 0 writes nothing at all */
	memset(out, 0x5a, sizeof(out));
	ck_assert_uint_eq(pystr_to_utf8(b.data, b.n, 1, out, 0), 0);
	ck_assert_int_eq(out[0], 0x5a);
	chars_free(&a);
	chars_free(&b);
}
END_TEST

START_TEST(test_long_string_cut)
{
	/* a long string into a small buffer: cut after 20 characters */
	static uint32_t many[4096];
	struct chars c;
	char out[64];
	size_t i, r;

	for (i = 0; i < HM_ARRAY_SIZE(many); i++)
		many[i] = 0x4e00 + (uint32_t)i;
	chars_make(&c, many, HM_ARRAY_SIZE(many), 4);
	r = convert(&c, out, sizeof(out));
	/* 20 three-byte characters, "...", NUL: 64 */
	ck_assert_uint_eq(r, 63);
	ck_assert_int_eq(memcmp(out + 60, "...", 3), 0);
	chars_free(&c);
}
END_TEST

static Suite *
pystr_suite(void)
{
	Suite *s = suite_create("pystr");
	TCase *tc = tcase_create("state");

	tcase_add_test(tc, test_state_real_words);
	tcase_add_test(tc, test_state_bad_kinds);
	suite_add_tcase(s, tc);

	tc = tcase_create("utf8");
	tcase_add_test(tc, test_ascii);
	tcase_add_test(tc, test_latin1);
	tcase_add_test(tc, test_ucs2);
	tcase_add_test(tc, test_ucs4);
	tcase_add_test(tc, test_replaced);
	tcase_add_test(tc, test_bad_arguments);
	tcase_add_test(tc, test_cut_every_size);
	tcase_add_test(tc, test_cut_small_sizes);
	tcase_add_test(tc, test_long_string_cut);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(pystr_suite)
