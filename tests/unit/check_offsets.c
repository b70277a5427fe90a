/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Unit tests of the CPython offset tables (python/offsets.c). The expected
 * values are taken from the research notes
 * (../shared/reference/python-remote-stacks.md §5 and §7), not from
 * offsets.c, so that a wrong entry there shows. _Py_DebugOffsets buffers
 * for 3.13 and 3.14 are built here word by word from the layout in §5,
 * with every word the parser should ignore set to a value of its own;
 * then damaged. The real 3.13.0 blob (tests/unit/fixtures/
 * debug-offsets-3.13.txt, made by gen_debug_offsets.py) is parsed too.
 */
#include "config.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_common.h"
#include "python/offsets.h"

/* ---- built-in tables ---------------------------------------------------- */

START_TEST(test_builtin_versions)
{
	struct py_offsets o;

	for (unsigned int minor = 8; minor <= 12; minor++) {
		memset(&o, 0xa5, sizeof(o));
		ck_assert_msg(py_offsets_builtin(minor, &o), "3.%u", minor);
		ck_assert_uint_eq(o.minor, minor);
	}
	/* 3.13+ come from the target's own debug offsets; older ones and
	 * nonsense are not supported */
	ck_assert(!py_offsets_builtin(7, &o));
	ck_assert(!py_offsets_builtin(13, &o));
	ck_assert(!py_offsets_builtin(14, &o));
	ck_assert(!py_offsets_builtin(0, &o));
	ck_assert(!py_offsets_builtin(6, &o));
	ck_assert(!py_offsets_builtin(99, &o));
	ck_assert(!py_offsets_builtin(UINT32_MAX, &o));
}
END_TEST

static struct py_offsets
builtin(unsigned int minor)
{
	struct py_offsets o;

	memset(&o, 0xa5, sizeof(o));
	ck_assert_msg(py_offsets_builtin(minor, &o), "3.%u", minor);
	return o;
}

/* What every GIL build shares (§6, §7): the object header, the thread
 * state's list links, the str and bytes headers. */
static void
check_common(const struct py_offsets *o)
{
	ck_assert_uint_eq(o->ob_type, 8);
	ck_assert_uint_eq(o->ts_next, 8);
	ck_assert_uint_eq(o->ts_interp, 16);
	ck_assert_uint_eq(o->bytes_size, 16);
	ck_assert_uint_eq(o->bytes_sval, 32);
	ck_assert_uint_eq(o->str_length, 16);
	ck_assert_uint_eq(o->str_state, 32);
	ck_assert_uint_eq(o->co_filename + 8, o->co_name);
}

START_TEST(test_builtin_38_39)
{
	for (unsigned int minor = 8; minor <= 9; minor++) {
		struct py_offsets o = builtin(minor);

		check_common(&o);
		ck_assert_int_eq(o.frames, PYF_FRAMEOBJECT);
		ck_assert_int_eq(o.lines, PYL_LNOTAB);
		ck_assert_uint_eq(o.rt_interp_head, 32);
		ck_assert_uint_eq(o.is_next, 0);
		ck_assert_uint_eq(o.is_threads, 8);
		ck_assert_uint_eq(o.ts_frame, 24);
		ck_assert_uint_eq(o.ts_thread_id, 176);
		ck_assert_uint_eq(o.ts_native_id, 0);
		ck_assert_uint_eq(o.fr_back, 24);
		ck_assert_uint_eq(o.fr_code, 32);
		ck_assert_uint_eq(o.fr_instr, 104);
		ck_assert_uint_eq(o.fr_owner, 0);
		ck_assert_uint_eq(o.co_firstlineno, 40);
		ck_assert_uint_eq(o.co_filename, 104);
		ck_assert_uint_eq(o.co_name, 112);
		ck_assert_uint_eq(o.co_qualname, 0);
		ck_assert_uint_eq(o.co_linetable, 120);
		ck_assert_uint_eq(o.str_ascii_size, 48);
		ck_assert_uint_eq(o.str_compact_size, 72);
		ck_assert(!o.code_tagged);
	}
}
END_TEST

START_TEST(test_builtin_310)
{
	struct py_offsets o = builtin(10);

	check_common(&o);
	ck_assert_int_eq(o.frames, PYF_FRAMEOBJECT);
	ck_assert_int_eq(o.lines, PYL_310);
	ck_assert_uint_eq(o.rt_interp_head, 32);
	ck_assert_uint_eq(o.is_threads, 8);
	ck_assert_uint_eq(o.ts_frame, 24);
	ck_assert_uint_eq(o.ts_thread_id, 176);
	ck_assert_uint_eq(o.ts_native_id, 0);
	ck_assert_uint_eq(o.fr_back, 24);
	ck_assert_uint_eq(o.fr_code, 32);
	/* f_lasti moved up by 8 in 3.10 */
	ck_assert_uint_eq(o.fr_instr, 96);
	ck_assert_uint_eq(o.co_firstlineno, 40);
	ck_assert_uint_eq(o.co_linetable, 120);
	ck_assert_uint_eq(o.co_qualname, 0);
	ck_assert_uint_eq(o.str_ascii_size, 48);
	ck_assert_uint_eq(o.str_compact_size, 72);
}
END_TEST

START_TEST(test_builtin_311)
{
	struct py_offsets o = builtin(11);

	check_common(&o);
	ck_assert_int_eq(o.frames, PYF_CFRAME);
	ck_assert_int_eq(o.lines, PYL_311);
	ck_assert_uint_eq(o.rt_interp_head, 40);
	ck_assert_uint_eq(o.is_next, 0);
	ck_assert_uint_eq(o.is_threads, 16);
	ck_assert_uint_eq(o.ts_frame, 56); /* cframe */
	ck_assert_uint_eq(o.ts_thread_id, 152);
	ck_assert_uint_eq(o.ts_native_id, 160);
	ck_assert_uint_eq(o.cframe_current, 8);
	ck_assert_uint_eq(o.fr_back, 48);
	ck_assert_uint_eq(o.fr_code, 32);
	ck_assert_uint_eq(o.fr_instr, 56);
	ck_assert_uint_eq(o.fr_owner, 0); /* 3.11 has is_entry instead */
	ck_assert_uint_eq(o.co_firstlineno, 72);
	ck_assert_uint_eq(o.co_filename, 112);
	ck_assert_uint_eq(o.co_name, 120);
	ck_assert_uint_eq(o.co_qualname, 128);
	ck_assert_uint_eq(o.co_linetable, 136);
	ck_assert_uint_eq(o.co_code_adaptive, 184);
	ck_assert_uint_eq(o.str_ascii_size, 48);
	ck_assert_uint_eq(o.str_compact_size, 72);
}
END_TEST

START_TEST(test_builtin_312)
{
	struct py_offsets o = builtin(12);

	check_common(&o);
	ck_assert_int_eq(o.frames, PYF_CFRAME);
	ck_assert_int_eq(o.lines, PYL_311);
	ck_assert_uint_eq(o.rt_interp_head, 40);
	ck_assert_uint_eq(o.is_next, 0);
	ck_assert_uint_eq(o.is_threads, 72);
	ck_assert_uint_eq(o.ts_frame, 56);
	ck_assert_uint_eq(o.ts_thread_id, 136);
	ck_assert_uint_eq(o.ts_native_id, 144);
	ck_assert_uint_eq(o.cframe_current, 0);
	ck_assert_uint_eq(o.fr_back, 8);
	ck_assert_uint_eq(o.fr_code, 0);
	ck_assert_uint_eq(o.fr_instr, 56);
	ck_assert_uint_eq(o.fr_owner, 70);
	ck_assert_uint_eq(o.owner_skip, 3); /* FRAME_OWNED_BY_CSTACK */
	ck_assert_uint_eq(o.co_firstlineno, 68);
	ck_assert_uint_eq(o.co_filename, 112);
	ck_assert_uint_eq(o.co_qualname, 128);
	ck_assert_uint_eq(o.co_linetable, 136);
	ck_assert_uint_eq(o.co_code_adaptive, 192);
	/* no wstr from 3.12 */
	ck_assert_uint_eq(o.str_ascii_size, 40);
	ck_assert_uint_eq(o.str_compact_size, 56);
	ck_assert(!o.code_tagged);
}
END_TEST

/* ---- synthetic _Py_DebugOffsets ----------------------------------------- */

#define WORDS_313 73
#define WORDS_314 95
#define VERSION_3130 0x030d00f0u /* 3.13.0 final */
#define VERSION_3140 0x030e00f0u /* 3.14.0 final */

/* One field the parser takes: its word in the struct, and its value. */
struct word {
	unsigned int at;
	uint64_t value;
};

/* The fields of the 3.13 layout the parser uses (§5), with the values
 * live-read from 3.13.0 (§5) and the 3.13 column of §7. */
static const struct word used_313[] = {
    {5, 632},  /* runtime_state.interpreters_head */
    {8, 7264}, /* interpreter_state.next */
    {9, 7344}, /* interpreter_state.threads_head */
    {21, 8},   /* thread_state.next */
    {22, 16},  /* thread_state.interp */
    {23, 72},  /* thread_state.current_frame */
    {24, 152}, /* thread_state.thread_id */
    {25, 160}, /* thread_state.native_thread_id */
    {29, 8},   /* interpreter_frame.previous */
    {30, 0},   /* interpreter_frame.executable */
    {31, 56},  /* interpreter_frame.instr_ptr */
    {33, 70},  /* interpreter_frame.owner */
    {35, 112}, /* code_object.filename */
    {36, 120}, /* code_object.name */
    {37, 128}, /* code_object.qualname */
    {38, 136}, /* code_object.linetable */
    {39, 68},  /* code_object.firstlineno */
    {43, 200}, /* code_object.co_code_adaptive */
    {45, 8},   /* pyobject.ob_type */
    {65, 16},  /* bytes_object.ob_size */
    {66, 32},  /* bytes_object.ob_sval */
    {68, 32},  /* unicode_object.state */
    {69, 16},  /* unicode_object.length */
    {70, 40},  /* unicode_object.asciiobject_size */
};

/* The same fields in the 3.14 layout (§5: threads_main inserted at word
 * 10, two generations appended to interpreter_state, stackpointer and
 * tlbc_index to interpreter_frame, co_tlbc to code_object, set_object
 * inserted), with the 3.14 column of §7. */
static const struct word used_314[] = {
    {5, 808},  /* runtime_state.interpreters_head */
    {8, 7272}, /* interpreter_state.next */
    {9, 7344}, /* interpreter_state.threads_head */
    {24, 8},   /* thread_state.next */
    {25, 16},  /* thread_state.interp */
    {26, 72},  /* thread_state.current_frame */
    {27, 152}, /* thread_state.thread_id */
    {28, 160}, /* thread_state.native_thread_id */
    {32, 8},   /* interpreter_frame.previous */
    {33, 0},   /* interpreter_frame.executable */
    {34, 56},  /* interpreter_frame.instr_ptr */
    {36, 74},  /* interpreter_frame.owner */
    {40, 112}, /* code_object.filename */
    {41, 120}, /* code_object.name */
    {42, 128}, /* code_object.qualname */
    {43, 136}, /* code_object.linetable */
    {44, 68},  /* code_object.firstlineno */
    {48, 208}, /* code_object.co_code_adaptive */
    {51, 8},   /* pyobject.ob_type */
    {75, 16},  /* bytes_object.ob_size */
    {76, 32},  /* bytes_object.ob_sval */
    {78, 32},  /* unicode_object.state */
    {79, 16},  /* unicode_object.length */
    {80, 40},  /* unicode_object.asciiobject_size */
};

/* Build a debug-offsets struct of "nwords" words: the header, the "used"
 * fields, and a distinct plausible value in every other word (sizes of
 * structs, which can be large, in the words that hold them), so that a
 * field taken from the wrong word shows. */
static void
build_debug(uint64_t *w, unsigned int nwords, uint32_t version,
	    const struct word *used, size_t nused)
{
	for (unsigned int i = 0; i < nwords; i++)
		w[i] = 30000 + i;
	memcpy(&w[0], "xdebugpy", 8);
	w[1] = version;
	w[2] = 0;
	w[3] = 283320; /* sizeof(_PyRuntimeState): not an offset */
	w[6] = 194968; /* sizeof(PyInterpreterState) */
	for (size_t i = 0; i < nused; i++)
		w[used[i].at] = used[i].value;
}

static void
check_313(const struct py_offsets *o)
{
	ck_assert_uint_eq(o->minor, 13);
	ck_assert_int_eq(o->frames, PYF_CURRENT);
	ck_assert_int_eq(o->lines, PYL_311);
	ck_assert_uint_eq(o->rt_interp_head, 632);
	ck_assert_uint_eq(o->is_next, 7264);
	ck_assert_uint_eq(o->is_threads, 7344);
	ck_assert_uint_eq(o->ts_next, 8);
	ck_assert_uint_eq(o->ts_interp, 16);
	ck_assert_uint_eq(o->ts_frame, 72);
	ck_assert_uint_eq(o->ts_thread_id, 152);
	ck_assert_uint_eq(o->ts_native_id, 160);
	ck_assert_uint_eq(o->fr_back, 8);
	ck_assert_uint_eq(o->fr_code, 0);
	ck_assert_uint_eq(o->fr_instr, 56);
	ck_assert_uint_eq(o->fr_owner, 70);
	ck_assert_uint_eq(o->owner_skip, 3);
	ck_assert(!o->code_tagged);
	ck_assert_uint_eq(o->co_firstlineno, 68);
	ck_assert_uint_eq(o->co_filename, 112);
	ck_assert_uint_eq(o->co_name, 120);
	ck_assert_uint_eq(o->co_qualname, 128);
	ck_assert_uint_eq(o->co_linetable, 136);
	ck_assert_uint_eq(o->co_code_adaptive, 200);
	ck_assert_uint_eq(o->ob_type, 8);
	ck_assert_uint_eq(o->bytes_size, 16);
	ck_assert_uint_eq(o->bytes_sval, 32);
	ck_assert_uint_eq(o->str_state, 32);
	ck_assert_uint_eq(o->str_length, 16);
	ck_assert_uint_eq(o->str_ascii_size, 40);
	ck_assert_uint_eq(o->str_compact_size, 56);
}

START_TEST(test_debug_313)
{
	uint64_t w[WORDS_313];
	struct py_offsets o;
	uint32_t version = 0;

	build_debug(w, WORDS_313, VERSION_3130, used_313,
		    HM_ARRAY_SIZE(used_313));
	memset(&o, 0xa5, sizeof(o));
	ck_assert_int_eq(py_offsets_from_debug(w, sizeof(w), &o, &version), 0);
	ck_assert_uint_eq(version, VERSION_3130);
	check_313(&o);

	/* a later patch release has the same layout */
	build_debug(w, WORDS_313, 0x030d05f0, used_313,
		    HM_ARRAY_SIZE(used_313));
	ck_assert_int_eq(py_offsets_from_debug(w, sizeof(w), &o, &version), 0);
	ck_assert_uint_eq(version, 0x030d05f0);
	check_313(&o);
}
END_TEST

START_TEST(test_debug_314)
{
	uint64_t w[WORDS_314];
	struct py_offsets o;
	uint32_t version = 0;

	build_debug(w, WORDS_314, VERSION_3140, used_314,
		    HM_ARRAY_SIZE(used_314));
	memset(&o, 0xa5, sizeof(o));
	ck_assert_int_eq(py_offsets_from_debug(w, sizeof(w), &o, &version), 0);
	ck_assert_uint_eq(version, VERSION_3140);
	ck_assert_uint_eq(o.minor, 14);
	ck_assert_int_eq(o.frames, PYF_CURRENT);
	ck_assert_int_eq(o.lines, PYL_311);
	ck_assert_uint_eq(o.rt_interp_head, 808);
	ck_assert_uint_eq(o.is_next, 7272);
	ck_assert_uint_eq(o.is_threads, 7344);
	ck_assert_uint_eq(o.ts_next, 8);
	ck_assert_uint_eq(o.ts_interp, 16);
	ck_assert_uint_eq(o.ts_frame, 72);
	ck_assert_uint_eq(o.ts_thread_id, 152);
	ck_assert_uint_eq(o.ts_native_id, 160);
	ck_assert_uint_eq(o.fr_back, 8);
	ck_assert_uint_eq(o.fr_code, 0);
	ck_assert_uint_eq(o.fr_instr, 56);
	ck_assert_uint_eq(o.fr_owner, 74);
	/* owners INTERPRETER (3) and CSTACK (4) are skipped */
	ck_assert_uint_eq(o.owner_skip, 3);
	/* f_executable is a tagged _PyStackRef */
	ck_assert(o.code_tagged);
	ck_assert_uint_eq(o.co_firstlineno, 68);
	ck_assert_uint_eq(o.co_filename, 112);
	ck_assert_uint_eq(o.co_name, 120);
	ck_assert_uint_eq(o.co_qualname, 128);
	ck_assert_uint_eq(o.co_linetable, 136);
	ck_assert_uint_eq(o.co_code_adaptive, 208);
	ck_assert_uint_eq(o.ob_type, 8);
	ck_assert_uint_eq(o.bytes_size, 16);
	ck_assert_uint_eq(o.bytes_sval, 32);
	ck_assert_uint_eq(o.str_state, 32);
	ck_assert_uint_eq(o.str_length, 16);
	ck_assert_uint_eq(o.str_ascii_size, 40);
	ck_assert_uint_eq(o.str_compact_size, 56);
}
END_TEST

START_TEST(test_debug_no_cookie)
{
	uint64_t w[WORDS_313];
	struct py_offsets o;
	uint32_t version = 0;

	build_debug(w, WORDS_313, VERSION_3130, used_313,
		    HM_ARRAY_SIZE(used_313));
	/* 3.12 and older: _PyRuntime starts with something else */
	memcpy(&w[0], "xdebugpz", 8);
	ck_assert_int_eq(py_offsets_from_debug(w, sizeof(w), &o, &version), -1);
	memcpy(&w[0], "XDEBUGPY", 8);
	ck_assert_int_eq(py_offsets_from_debug(w, sizeof(w), &o, &version), -1);
	memset(w, 0, sizeof(w));
	ck_assert_int_eq(py_offsets_from_debug(w, sizeof(w), &o, &version), -1);
	/* too short to hold the cookie */
	ck_assert_int_eq(py_offsets_from_debug("xdebugp", 7, &o, &version), -1);
	ck_assert_int_eq(py_offsets_from_debug("", 0, &o, &version), -1);
	/* the cookie, but not the header after it */
	build_debug(w, WORDS_313, VERSION_3130, used_313,
		    HM_ARRAY_SIZE(used_313));
	for (size_t len = 0; len < 24; len++)
		ck_assert_msg(py_offsets_from_debug(w, len, &o, &version) < 0,
			      "len %zu", len);
}
END_TEST

START_TEST(test_debug_versions_refused)
{
	static const uint32_t refused[] = {
	    0x030c01f0, /* 3.12.1: no debug offsets of this layout */
	    0x030f00a1, /* 3.15.0a1: a layout not known here */
	    0x030d00a4, /* 3.13.0a4: an alpha may lay it out otherwise */
	    0x030e00b2, /* 3.14.0b2: a beta too */
	    0x030b07f0, 0x03000000, 0x03ff00f0, 0x040d00f0, /* 4.13 */
	    0x020d00f0,					    /* 2.13 */
	    0x000d00f0,
	};
	uint64_t w[WORDS_314];
	struct py_offsets o;

	for (size_t i = 0; i < HM_ARRAY_SIZE(refused); i++) {
		uint32_t version = 0;

		/* a buffer large enough for any known layout */
		build_debug(w, WORDS_314, refused[i], used_314,
			    HM_ARRAY_SIZE(used_314));
		ck_assert_msg(
		    py_offsets_from_debug(w, sizeof(w), &o, &version) == -2,
		    "version %#x", refused[i]);
		/* the caller can say which version it refused */
		ck_assert_uint_eq(version, refused[i]);
	}
}
END_TEST

START_TEST(test_debug_free_threaded)
{
	uint64_t w[WORDS_314];
	struct py_offsets o;
	uint32_t version = 0;

	build_debug(w, WORDS_313, VERSION_3130, used_313,
		    HM_ARRAY_SIZE(used_313));
	w[2] = 1;
	ck_assert_int_eq(py_offsets_from_debug(w, WORDS_313 * 8, &o, &version),
			 -2);
	ck_assert_uint_eq(version, VERSION_3130);
	build_debug(w, WORDS_314, VERSION_3140, used_314,
		    HM_ARRAY_SIZE(used_314));
	w[2] = 1;
	ck_assert_int_eq(py_offsets_from_debug(w, sizeof(w), &o, &version), -2);
	/* any value but 0 */
	w[2] = 0x100;
	ck_assert_int_eq(py_offsets_from_debug(w, sizeof(w), &o, &version), -2);
}
END_TEST

START_TEST(test_debug_short)
{
	uint64_t w[WORDS_314];
	struct py_offsets o;
	uint32_t version;

	build_debug(w, WORDS_313, VERSION_3130, used_313,
		    HM_ARRAY_SIZE(used_313));
	for (size_t len = 24; len < WORDS_313 * 8; len++) {
		version = 0;
		ck_assert_msg(py_offsets_from_debug(w, len, &o, &version) == -2,
			      "3.13, len %zu", len);
		ck_assert_uint_eq(version, VERSION_3130);
	}
	ck_assert_int_eq(py_offsets_from_debug(w, WORDS_313 * 8, &o, &version),
			 0);

	build_debug(w, WORDS_314, VERSION_3140, used_314,
		    HM_ARRAY_SIZE(used_314));
	for (size_t len = 24; len < WORDS_314 * 8; len++)
		ck_assert_msg(py_offsets_from_debug(w, len, &o, &version) == -2,
			      "3.14, len %zu", len);
	ck_assert_int_eq(py_offsets_from_debug(w, sizeof(w), &o, &version), 0);
	/* what the caller reads is enough for any known layout */
	ck_assert_uint_ge(PY_DEBUG_OFFSETS_MAX, WORDS_314 * 8);
}
END_TEST

/* Every field taken from the target must be a small offset: one of 64 KiB
 * or more would send the reader anywhere. */
static void
check_implausible(unsigned int nwords, uint32_t ver, const struct word *used,
		  size_t nused)
{
	uint64_t w[WORDS_314];
	static const uint64_t bad[] = {
	    65536,
	    1u << 20,
	    0x00007f0000001000ULL, /* an address */
	    UINT64_MAX,
	};
	struct py_offsets o;
	uint32_t version;

	for (size_t i = 0; i < nused; i++) {
		for (size_t b = 0; b < HM_ARRAY_SIZE(bad); b++) {
			build_debug(w, nwords, ver, used, nused);
			w[used[i].at] = bad[b];
			ck_assert_msg(py_offsets_from_debug(w, nwords * 8, &o,
							    &version) == -2,
				      "3.%u word %u = %#llx",
				      (ver >> 16) & 0xff, used[i].at,
				      (unsigned long long)bad[b]);
		}
		/* the largest plausible value is taken */
		build_debug(w, nwords, ver, used, nused);
		w[used[i].at] = 65535;
		ck_assert_msg(
		    py_offsets_from_debug(w, nwords * 8, &o, &version) == 0,
		    "3.%u word %u = 65535", (ver >> 16) & 0xff, used[i].at);
	}
}

START_TEST(test_debug_implausible)
{
	check_implausible(WORDS_313, VERSION_3130, used_313,
			  HM_ARRAY_SIZE(used_313));
	check_implausible(WORDS_314, VERSION_3140, used_314,
			  HM_ARRAY_SIZE(used_314));
}
END_TEST

/* Fields that cannot be 0 in any real build. */
START_TEST(test_debug_zero)
{
	static const unsigned int nonzero_313[] = {5, 25, 43, 70};
	static const unsigned int nonzero_314[] = {5, 28, 48, 80};
	uint64_t w[WORDS_314];
	struct py_offsets o;
	uint32_t version;

	for (size_t i = 0; i < HM_ARRAY_SIZE(nonzero_313); i++) {
		build_debug(w, WORDS_313, VERSION_3130, used_313,
			    HM_ARRAY_SIZE(used_313));
		w[nonzero_313[i]] = 0;
		ck_assert_msg(
		    py_offsets_from_debug(w, WORDS_313 * 8, &o, &version) == -2,
		    "3.13 word %u", nonzero_313[i]);
	}
	for (size_t i = 0; i < HM_ARRAY_SIZE(nonzero_314); i++) {
		build_debug(w, WORDS_314, VERSION_3140, used_314,
			    HM_ARRAY_SIZE(used_314));
		w[nonzero_314[i]] = 0;
		ck_assert_msg(
		    py_offsets_from_debug(w, sizeof(w), &o, &version) == -2,
		    "3.14 word %u", nonzero_314[i]);
	}
}
END_TEST

/* ---- the real 3.13.0 blob ----------------------------------------------- */

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Read a fixture of gen_debug_offsets.py into "buf"; returns its length. */
static size_t
read_fixture(const char *name, unsigned char *buf, size_t size)
{
	char *top = hm_top_srcdir(__FILE__), *path = hm_path(top, name);
	char *line = NULL;
	size_t cap = 0, len = 0;
	FILE *f = fopen(path, "r");

	ck_assert_msg(f != NULL, "cannot open %s", path);
	while (getline(&line, &cap, f) > 0) {
		if (line[0] == '#')
			continue;
		for (char *p = line; *p && *p != '\n'; p += 2) {
			int hi = hexval(p[0]), lo = hi < 0 ? -1 : hexval(p[1]);

			ck_assert_msg(hi >= 0 && lo >= 0, "%s: bad hex \"%s\"",
				      path, line);
			ck_assert_msg(len < size, "%s: more than %zu bytes",
				      path, size);
			buf[len++] = (unsigned char)(hi << 4 | lo);
		}
	}
	free(line);
	fclose(f);
	free(path);
	free(top);
	return len;
}

START_TEST(test_debug_real_313)
{
	unsigned char blob[PY_DEBUG_OFFSETS_MAX];
	size_t len = read_fixture("tests/unit/fixtures/debug-offsets-3.13.txt",
				  blob, sizeof(blob));
	struct py_offsets o;
	uint32_t version = 0;

	ck_assert_uint_eq(len, WORDS_313 * 8);
	ck_assert(memcmp(blob, "xdebugpy", 8) == 0);
	memset(&o, 0xa5, sizeof(o));
	ck_assert_int_eq(py_offsets_from_debug(blob, len, &o, &version), 0);
	ck_assert_uint_eq(version, VERSION_3130);
	check_313(&o);

	/* one byte short */
	ck_assert_int_eq(py_offsets_from_debug(blob, len - 1, &o, &version),
			 -2);
	/* as a free-threaded build would say */
	blob[16] = 1;
	ck_assert_int_eq(py_offsets_from_debug(blob, len, &o, &version), -2);
	blob[16] = 0;
	ck_assert_int_eq(py_offsets_from_debug(blob, len, &o, &version), 0);
	/* the same words read as 3.14 are too few */
	blob[10] = 14;
	ck_assert_int_eq(py_offsets_from_debug(blob, len, &o, &version), -2);
	ck_assert_uint_eq(version, 0x030e00f0);
}
END_TEST

static Suite *
offsets_suite(void)
{
	Suite *s = suite_create("offsets");
	TCase *tc = tcase_create("builtin");

	tcase_add_test(tc, test_builtin_versions);
	tcase_add_test(tc, test_builtin_38_39);
	tcase_add_test(tc, test_builtin_310);
	tcase_add_test(tc, test_builtin_311);
	tcase_add_test(tc, test_builtin_312);
	suite_add_tcase(s, tc);

	tc = tcase_create("debug");
	tcase_add_test(tc, test_debug_313);
	tcase_add_test(tc, test_debug_314);
	tcase_add_test(tc, test_debug_no_cookie);
	tcase_add_test(tc, test_debug_versions_refused);
	tcase_add_test(tc, test_debug_free_threaded);
	tcase_add_test(tc, test_debug_short);
	tcase_add_test(tc, test_debug_implausible);
	tcase_add_test(tc, test_debug_zero);
	tcase_add_test(tc, test_debug_real_313);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(offsets_suite)
