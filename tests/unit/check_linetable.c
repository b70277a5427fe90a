/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of the CPython line-table decoders (linetable.c). The main
 * test replays tables written by the real interpreters, 3.8 to 3.13
 * (tests/unit/fixtures/linetable-3.X.txt, made by gen_linetables.py):
 * every instruction position of every code object there must decode to
 * the line the interpreter itself gives. Hand-written tables then cover
 * what compilers do not write: empty and truncated tables, varints that
 * never end, positions out of range, random bytes. Every table is decoded
 * from a copy that ends right at an inaccessible page, so a read past the
 * end kills the test.
 */
#include "config.h"

#include <check.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check_common.h"
#include "python/linetable.h"

/* A copy of a table whose last byte is followed by a PROT_NONE page. */
struct guarded {
	unsigned char *map;
	size_t maplen;
	const uint8_t *tab;
	size_t len;
};

static void
guard_make(struct guarded *g, const void *buf, size_t len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t data = (len + page - 1) / page * page;
	unsigned char *copy;

	if (data == 0)
		data = page;
	g->maplen = data + page;
	g->map = mmap(NULL, g->maplen, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ck_assert(g->map != MAP_FAILED);
	ck_assert_int_eq(mprotect(g->map + data, page, PROT_NONE), 0);
	copy = g->map + data - len;
	if (len)
		memcpy(copy, buf, len);
	ck_assert_int_eq(mprotect(g->map, data, PROT_READ), 0);
	g->tab = copy;
	g->len = len;
}

static void
guard_free(struct guarded *g)
{
	ck_assert_int_eq(munmap(g->map, g->maplen), 0);
	g->map = NULL;
}

/* The three formats, as the fixture files name them. */
enum fmt {
	FMT_LNOTAB,
	FMT_310,
	FMT_311,
};

/* Decode position "pos" (an instruction index; a byte offset for
 * lnotab, which the fixtures list per instruction). */
static int
decode(enum fmt fmt, const uint8_t *tab, size_t len, int first, int64_t pos)
{
	switch (fmt) {
	case FMT_LNOTAB:
		return linetable_lnotab(tab, len, first,
					pos < 0 ? pos : 2 * pos);
	case FMT_310:
		return linetable_310(tab, len, first, pos);
	default:
		return linetable_311(tab, len, first, pos);
	}
}

/* Decode with the table guarded. */
static int
decode_guarded(enum fmt fmt, const void *tab, size_t len, int first,
	       int64_t pos)
{
	struct guarded g;
	int line;

	guard_make(&g, tab, len);
	line = decode(fmt, g.tab, g.len, first, pos);
	guard_free(&g);
	return line;
}

/* ---- the fixtures ---------------------------------------------------- */

static const struct {
	const char *version;
	enum fmt fmt;
	const char *fmt_name;
} fixtures[] = {
    {"3.8", FMT_LNOTAB, "lnotab"}, {"3.9", FMT_LNOTAB, "lnotab"},
    {"3.10", FMT_310, "310"},	   {"3.11", FMT_311, "311"},
    {"3.12", FMT_311, "311"},	   {"3.13", FMT_311, "311"},
};

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* "hex" (or "-", empty) as bytes; *len set. free(3) the result. */
static uint8_t *
hex_decode(const char *hex, size_t *len)
{
	size_t n = strcmp(hex, "-") == 0 ? 0 : strlen(hex);
	uint8_t *out = malloc(n / 2 + 1);
	size_t i;

	ck_assert_ptr_nonnull(out);
	ck_assert_msg(n % 2 == 0, "odd hex length %zu", n);
	for (i = 0; i < n / 2; i++) {
		int hi = hex_digit(hex[2 * i]), lo = hex_digit(hex[2 * i + 1]);

		ck_assert_msg(hi >= 0 && lo >= 0, "bad hex in %s", hex);
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	*len = n / 2;
	return out;
}

/* The run-length coded "L" line as one int per position. */
static int *
rle_decode(char *text, size_t npos)
{
	int *lines = malloc((npos ? npos : 1) * sizeof(*lines));
	size_t at = 0;
	char *tok, *save = NULL;

	ck_assert_ptr_nonnull(lines);
	for (tok = strtok_r(text, " \n", &save); tok;
	     tok = strtok_r(NULL, " \n", &save)) {
		char *end;
		long line = strtol(tok, &end, 10);
		long count = 1;

		if (*end == '*')
			count = strtol(end + 1, &end, 10);
		ck_assert_msg(*end == '\0' && count > 0, "bad token %s", tok);
		ck_assert_msg(at + (size_t)count <= npos,
			      "more lines than the %zu positions", npos);
		while (count-- > 0)
			lines[at++] = (int)line;
	}
	ck_assert_msg(at == npos, "%zu lines for %zu positions", at, npos);
	return lines;
}

/* What replaying one fixture file found. */
struct replay {
	size_t codes, positions, mismatches, no_line;
	char first[1024]; /* the first mismatch */
};

/* Count position "pos" of a code object, and describe the first wrong. */
static void
replay_check(struct replay *r, const char *name, int first, const uint8_t *tab,
	     size_t len, size_t npos, int64_t pos, int got, int want)
{
	int n;
	size_t k;

	if (got == want || r->mismatches++ > 0)
		return;
	n = snprintf(r->first, sizeof(r->first),
		     "%s (co_firstlineno %d, %zu positions): position %" PRId64
		     " gives %d, the interpreter %d; table of %zu bytes:",
		     name, first, npos, pos, got, want, len);
	for (k = 0; k < len && n > 0 && (size_t)n + 4 < sizeof(r->first); k++)
		n += snprintf(r->first + n, sizeof(r->first) - (size_t)n,
			      " %02x", tab[k]);
}

/* Every position of one code object, then the one before the first
 * instruction (-1: co_firstlineno, from 3.11 on -1 for the caller to
 * replace) and, but for lnotab, the one past the last (no line). */
static void
replay_code(enum fmt fmt, const char *name, int first, const uint8_t *tab,
	    size_t len, const int *want, size_t npos, struct replay *r)
{
	struct guarded g;
	size_t i;

	guard_make(&g, tab, len);
	r->codes++;
	r->positions += npos;
	for (i = 0; i < npos; i++) {
		if (want[i] == -1)
			r->no_line++;
		replay_check(r, name, first, tab, len, npos, (int64_t)i,
			     decode(fmt, g.tab, g.len, first, (int64_t)i),
			     want[i]);
	}
	replay_check(r, name, first, tab, len, npos, -1,
		     decode(fmt, g.tab, g.len, first, -1),
		     fmt == FMT_311 ? -1 : first);
	if (fmt != FMT_LNOTAB)
		replay_check(r, name, first, tab, len, npos, (int64_t)npos,
			     decode(fmt, g.tab, g.len, first, (int64_t)npos),
			     -1);
	guard_free(&g);
}

START_TEST(test_fixture)
{
	char *top = hm_top_srcdir(__FILE__), *path, name[64];
	char *line = NULL;
	size_t cap = 0;
	struct replay r = {0};
	bool have_version = false;
	FILE *f;

	snprintf(name, sizeof(name), "tests/unit/fixtures/linetable-%s.txt",
		 fixtures[_i].version);
	path = hm_path(top, name);
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	while (getline(&line, &cap, f) > 0) {
		char cname[256], ver[32], fmt[16], *hex;
		uint8_t *tab;
		size_t npos, len;
		int first, *want;

		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#')
			continue;
		if (line[0] == 'V') {
			ck_assert_int_eq(sscanf(line, "V %31s %15s", ver, fmt),
					 2);
			ck_assert_msg(strncmp(ver, fixtures[_i].version,
					      strlen(fixtures[_i].version)) ==
					  0,
				      "%s is from Python %s", path, ver);
			ck_assert_str_eq(fmt, fixtures[_i].fmt_name);
			have_version = true;
			continue;
		}
		ck_assert_msg(have_version, "%s: no V line first", path);
		ck_assert_msg(
		    sscanf(line, "C %255s %d %zu", cname, &first, &npos) == 3,
		    "%s: unexpected line %.40s", path, line);
		hex = strrchr(line, ' ');
		ck_assert_ptr_nonnull(hex);
		tab = hex_decode(hex + 1, &len);
		ck_assert_msg(getline(&line, &cap, f) > 0 && line[0] == 'L' &&
				  line[1] == ' ',
			      "%s: %s has no L line", path, cname);
		want = rle_decode(line + 2, npos);
		replay_code(fixtures[_i].fmt, cname, first, tab, len, want,
			    npos, &r);
		free(want);
		free(tab);
	}
	ck_assert_msg(!ferror(f), "cannot read %s", path);
	fclose(f);
	free(line);
	fprintf(stderr,
		"linetable %s: %zu code objects, %zu positions (%zu without a "
		"line), %zu mismatches\n",
		fixtures[_i].version, r.codes, r.positions, r.no_line,
		r.mismatches);
	ck_assert_msg(r.mismatches == 0,
		      "%s: %zu of %zu positions wrong; first: %s", path,
		      r.mismatches, r.positions, r.first);
	/* the fixture is worth something */
	ck_assert_msg(r.codes >= 100 && r.positions >= 10000,
		      "%s: only %zu code objects, %zu positions", path, r.codes,
		      r.positions);
	if (fixtures[_i].fmt != FMT_LNOTAB)
		ck_assert_msg(r.no_line > 0, "%s: no position without a line",
			      path);
	free(path);
	free(top);
}
END_TEST

/* ---- co_lnotab (3.8, 3.9) ------------------------------------------- */

START_TEST(test_lnotab_basic)
{
	/* 10 until byte 6, +1 until byte 10, then +2 */
	static const uint8_t tab[] = {6, 1, 4, 2};
	static const struct {
		int64_t lasti;
		int line;
	} cases[] = {
	    {-1, 10},	{0, 10},	 {4, 10},	  {5, 10},
	    {6, 11},	{8, 11},	 {10, 13},	  {12, 13},
	    {1000, 13}, {INT64_MAX, 13}, {INT64_MIN, 10},
	};
	size_t i;

	for (i = 0; i < HM_ARRAY_SIZE(cases); i++)
		ck_assert_int_eq(
		    linetable_lnotab(tab, sizeof(tab), 10, cases[i].lasti),
		    cases[i].line);
}
END_TEST

START_TEST(test_lnotab_signed_and_long_jumps)
{
	/* +300 lines in three pairs at byte 0, then -200 at byte 4 (two
	 * pairs, the first with no address step), -1 at byte 6 */
	static const uint8_t tab[] = {0, 127,  0, 127,	0, 46,
				      4, 0x80, 0, 0xb8, 2, 0xff};

	ck_assert_int_eq(decode_guarded(FMT_LNOTAB, tab, sizeof(tab), 5, 0),
			 305);
	ck_assert_int_eq(linetable_lnotab(tab, sizeof(tab), 5, 2), 305);
	ck_assert_int_eq(linetable_lnotab(tab, sizeof(tab), 5, 4), 105);
	ck_assert_int_eq(linetable_lnotab(tab, sizeof(tab), 5, 6), 104);
	ck_assert_int_eq(linetable_lnotab(tab, sizeof(tab), 5, -1), 5);
}
END_TEST

START_TEST(test_lnotab_empty_and_truncated)
{
	static const uint8_t tab[] = {2, 1, 2};

	ck_assert_int_eq(linetable_lnotab(NULL, 0, 7, 0), 7);
	ck_assert_int_eq(linetable_lnotab(NULL, 100, 7, 40), 7);
	ck_assert_int_eq(decode_guarded(FMT_LNOTAB, tab, 0, 7, 20), 7);
	/* the odd last byte is no pair */
	ck_assert_int_eq(decode_guarded(FMT_LNOTAB, tab, 3, 7, 1), 8);
	ck_assert_int_eq(decode_guarded(FMT_LNOTAB, tab, 1, 7, 1), 7);
}
END_TEST

START_TEST(test_lnotab_not_a_line)
{
	static const uint8_t down[] = {0, 0x80};

	/* a line below 0 is no line */
	ck_assert_int_eq(linetable_lnotab(down, sizeof(down), 0, 0), -1);
	ck_assert_int_eq(linetable_lnotab(down, 0, -5, 0), -1);
	ck_assert_int_eq(linetable_lnotab(down, 0, 0, 0), 0);
	ck_assert_int_eq(linetable_lnotab(down, 0, INT_MAX, 0), INT_MAX);
}
END_TEST

/* ---- co_linetable, 3.10 --------------------------------------------- */

START_TEST(test_310_ranges)
{
	/* [0,4) line+0, a zero-length range +3, [4,6) +1, [6,8) no line,
	 * [8,10) +2 (the no-line range did not move the line) */
	static const uint8_t tab[] = {4, 0, 0, 3, 2, 1, 2, 0x80, 2, 2};
	static const struct {
		int64_t lasti;
		int line;
	} cases[] = {
	    {-1, 20},	     {0, 20},
	    {1, 20},	     {2, 24},
	    {3, -1},	     {4, 26},
	    {5, -1},	     {100, -1},
	    {INT64_MAX, -1}, {INT64_MAX / 2 + 1, -1},
	};
	size_t i;

	for (i = 0; i < HM_ARRAY_SIZE(cases); i++)
		ck_assert_int_eq(decode_guarded(FMT_310, tab, sizeof(tab), 20,
						cases[i].lasti),
				 cases[i].line);
}
END_TEST

START_TEST(test_310_empty_and_truncated)
{
	static const uint8_t tab[] = {2, 1, 2};

	ck_assert_int_eq(linetable_310(NULL, 0, 3, 0), -1);
	ck_assert_int_eq(linetable_310(NULL, 8, 3, 0), -1);
	ck_assert_int_eq(linetable_310(NULL, 0, 3, -1), 3);
	ck_assert_int_eq(decode_guarded(FMT_310, tab, 0, 3, 0), -1);
	ck_assert_int_eq(decode_guarded(FMT_310, tab, 3, 3, 0), 4);
	/* the second range lost its delta byte */
	ck_assert_int_eq(decode_guarded(FMT_310, tab, 3, 3, 1), -1);
}
END_TEST

/* ---- location table, 3.11+ ------------------------------------------ */

/* First byte of an entry. */
#define LOC(code, units) (0x80 | (code) << 3 | ((units)-1))

/* Code unit i of the table below gives lines311[i]. */
static const uint8_t tab311[] = {
    LOC(11, 2), 4,    8,		      /* 0-1: one-line form, +1 */
    LOC(0, 1),	0x01,			      /* 2: short form, same line */
    LOC(13, 3), 0x07,			      /* 3-5: no columns, -3 */
    LOC(15, 1),				      /* 6: no location */
    LOC(14, 1), 0x50, 0x1f, 0x00, 0x05, 0x09, /* 7: long form, +1000 */
    LOC(12, 8), 1,    2,		      /* 8-15: +2 */
    LOC(13, 1), 0x00,			      /* 16: +0 */
};
static const int lines311[] = {
    101,  101,	101,  98,   98,	  98,	-1,   1098, 1100,
    1100, 1100, 1100, 1100, 1100, 1100, 1100, 1100,
};

START_TEST(test_311_entries)
{
	size_t i;

	for (i = 0; i < HM_ARRAY_SIZE(lines311); i++)
		ck_assert_int_eq(decode_guarded(FMT_311, tab311, sizeof(tab311),
						100, (int64_t)i),
				 lines311[i]);
	ck_assert_int_eq(linetable_311(tab311, sizeof(tab311), 100, -1), -1);
	ck_assert_int_eq(linetable_311(tab311, sizeof(tab311), 100,
				       (int64_t)HM_ARRAY_SIZE(lines311)),
			 -1);
	ck_assert_int_eq(linetable_311(tab311, sizeof(tab311), 100, INT64_MAX),
			 -1);
	ck_assert_int_eq(linetable_311(tab311, sizeof(tab311), 100, INT64_MIN),
			 -1);
}
END_TEST

/* Every prefix of a table: a position gives its full-table line or -1. */
static void
check_prefixes(enum fmt fmt, const uint8_t *tab, size_t len, int first,
	       size_t npos)
{
	size_t k, i;

	for (k = 0; k <= len; k++) {
		struct guarded g;

		guard_make(&g, tab, k);
		for (i = 0; i <= npos; i++) {
			int full = decode(fmt, tab, len, first, (int64_t)i);
			int got = decode(fmt, g.tab, g.len, first, (int64_t)i);

			ck_assert_msg(got == full || got == -1,
				      "prefix %zu, position %zu: %d, not %d", k,
				      i, got, full);
			if (k == 0)
				ck_assert_int_eq(got, -1);
		}
		guard_free(&g);
	}
}

START_TEST(test_truncated)
{
	static const uint8_t tab310[] = {4, 0, 0, 3, 2, 1, 2, 0x80, 2, 2};

	check_prefixes(FMT_311, tab311, sizeof(tab311), 100,
		       HM_ARRAY_SIZE(lines311));
	check_prefixes(FMT_310, tab310, sizeof(tab310), 20, 6);
	/* cut inside the varint of the no-columns entry (3-5) */
	ck_assert_int_eq(decode_guarded(FMT_311, tab311, 6, 100, 3), -1);
	ck_assert_int_eq(decode_guarded(FMT_311, tab311, 6, 100, 2), 101);
}
END_TEST

START_TEST(test_311_empty)
{
	ck_assert_int_eq(linetable_311(NULL, 0, 1, 0), -1);
	ck_assert_int_eq(linetable_311(NULL, 16, 1, 0), -1);
	ck_assert_int_eq(decode_guarded(FMT_311, "", 0, 1, 0), -1);
}
END_TEST

START_TEST(test_311_no_location)
{
	/* code 15 has no line and does not move the running line */
	static const uint8_t tab[] = {LOC(15, 2), LOC(11, 1), 0, 0,
				      LOC(15, 8), LOC(10, 1), 3, 4};

	ck_assert_int_eq(decode_guarded(FMT_311, tab, sizeof(tab), 7, 0), -1);
	ck_assert_int_eq(decode_guarded(FMT_311, tab, sizeof(tab), 7, 1), -1);
	ck_assert_int_eq(decode_guarded(FMT_311, tab, sizeof(tab), 7, 2), 8);
	ck_assert_int_eq(decode_guarded(FMT_311, tab, sizeof(tab), 7, 3), -1);
	ck_assert_int_eq(decode_guarded(FMT_311, tab, sizeof(tab), 7, 10), -1);
	ck_assert_int_eq(decode_guarded(FMT_311, tab, sizeof(tab), 7, 11), 8);
	ck_assert_int_eq(decode_guarded(FMT_311, tab, sizeof(tab), 7, 12), -1);
}
END_TEST

START_TEST(test_311_varints)
{
	/* a varint that never ends: continuation to the end of the table,
	 * and continuation into the next entry */
	static const uint8_t endless[] = {LOC(13, 1), 0x7f, 0x7f, 0x7f,
					  0x7f,	      0x7f, 0x7f, 0x7f,
					  0x7f,	      0x7f, 0x7f};
	static const uint8_t into_next[] = {LOC(14, 1), 0x41, LOC(10, 1), 0, 0};
	/* seven groups: longer than any line */
	static const uint8_t seven[] = {LOC(13, 1), 0x40, 0x40, 0x40,
					0x40,	    0x40, 0x40, 0x00};
	/* six groups, +2^30 - 1: fits in an int */
	static const uint8_t six[] = {LOC(13, 1), 0x7e, 0x7f,	    0x7f, 0x7f,
				      0x7f,	  0x01, LOC(13, 1), 0x03};
	/* +2^30 twice: no longer an int */
	static const uint8_t over[] = {LOC(13, 1), 0x40, 0x40,	     0x40, 0x40,
				       0x40,	   0x02, LOC(13, 1), 0x40, 0x40,
				       0x40,	   0x40, 0x40,	     0x02};
	/* a large negative delta that lands below 0 */
	static const uint8_t below[] = {LOC(13, 1), 0x45, 0x01};

	ck_assert_int_eq(
	    decode_guarded(FMT_311, endless, sizeof(endless), 1, 0), -1);
	ck_assert_int_eq(
	    decode_guarded(FMT_311, into_next, sizeof(into_next), 1, 0), -1);
	ck_assert_int_eq(
	    decode_guarded(FMT_311, into_next, sizeof(into_next), 1, 1), -1);
	ck_assert_int_eq(decode_guarded(FMT_311, seven, sizeof(seven), 1, 0),
			 -1);
	ck_assert_int_eq(decode_guarded(FMT_311, six, sizeof(six), 0, 0),
			 (1 << 30) - 1);
	/* 0x03: -1 */
	ck_assert_int_eq(decode_guarded(FMT_311, six, sizeof(six), 0, 1),
			 (1 << 30) - 2);
	ck_assert_int_eq(decode_guarded(FMT_311, over, sizeof(over), 0, 0),
			 1 << 30);
	ck_assert_int_eq(decode_guarded(FMT_311, over, sizeof(over), 0, 1), -1);
	/* 0x45 0x01: 69 = -34 */
	ck_assert_int_eq(decode_guarded(FMT_311, below, sizeof(below), 40, 0),
			 6);
	ck_assert_int_eq(decode_guarded(FMT_311, below, sizeof(below), 30, 0),
			 -1);
}
END_TEST

START_TEST(test_311_stray_bytes)
{
	/* a table that does not start with an entry byte: the first byte is
	 * taken as one anyway (as CPython does), the others skipped */
	static const uint8_t tab[] = {0x08, 0x11, 0x22, LOC(11, 1), 0, 0};

	ck_assert_int_eq(decode_guarded(FMT_311, tab, sizeof(tab), 5, 0), 5);
	ck_assert_int_eq(decode_guarded(FMT_311, tab, sizeof(tab), 5, 1), 6);
	ck_assert_int_eq(decode_guarded(FMT_311, tab, sizeof(tab), 5, 2), -1);
}
END_TEST

/* A small deterministic generator for the random tables. */
static uint32_t
rand_next(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

START_TEST(test_random_tables)
{
	static const enum fmt fmts[] = {FMT_LNOTAB, FMT_310, FMT_311};
	uint32_t seed = 0x9e3779b9u;
	uint8_t buf[96];
	int round;

	for (round = 0; round < 3000; round++) {
		size_t len = rand_next(&seed) % sizeof(buf), i;
		struct guarded g;
		int64_t pos;

		for (i = 0; i < len; i++) {
			buf[i] = (uint8_t)rand_next(&seed);
			/* 3.11 tables are mostly entry and varint bytes */
			if (round % 3 == 0 && rand_next(&seed) % 2)
				buf[i] |= 0x40;
		}
		guard_make(&g, buf, len);
		for (i = 0; i < HM_ARRAY_SIZE(fmts); i++) {
			for (pos = -2; pos < 800; pos += 1 + pos / 50) {
				int line = decode(fmts[i], g.tab, g.len,
						  round % 500, pos);

				HM_CHECK(line >= -1, "round %d: %d", round,
					 line);
			}
		}
		guard_free(&g);
	}
}
END_TEST

static Suite *
linetable_suite(void)
{
	Suite *s = suite_create("linetable");
	TCase *tc = tcase_create("interpreters");

	tcase_add_loop_test(tc, test_fixture, 0, HM_ARRAY_SIZE(fixtures));
	tcase_set_timeout(tc, 120);
	suite_add_tcase(s, tc);

	tc = tcase_create("lnotab");
	tcase_add_test(tc, test_lnotab_basic);
	tcase_add_test(tc, test_lnotab_signed_and_long_jumps);
	tcase_add_test(tc, test_lnotab_empty_and_truncated);
	tcase_add_test(tc, test_lnotab_not_a_line);
	suite_add_tcase(s, tc);

	tc = tcase_create("310");
	tcase_add_test(tc, test_310_ranges);
	tcase_add_test(tc, test_310_empty_and_truncated);
	suite_add_tcase(s, tc);

	tc = tcase_create("311");
	tcase_add_test(tc, test_311_entries);
	tcase_add_test(tc, test_311_empty);
	tcase_add_test(tc, test_311_no_location);
	tcase_add_test(tc, test_311_varints);
	tcase_add_test(tc, test_311_stray_bytes);
	tcase_add_test(tc, test_truncated);
	tcase_add_test(tc, test_random_tables);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(linetable_suite)
