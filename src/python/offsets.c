/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The offset tables. 3.8-3.12 come from offsetof() over each version's
 * headers (../shared/reference/python-remote-stacks.md §7, checked by
 * reading live interpreters); 3.13 and 3.14 from word positions in their
 * _Py_DebugOffsets (§5).
 */
#include "config.h"

#include <string.h>

#include "python/offsets.h"

/* clang-format off */
static const struct py_offsets builtin[] = {
	{
		.minor = 8, .frames = PYF_FRAMEOBJECT, .lines = PYL_LNOTAB,
		.rt_interp_head = 32, .is_next = 0, .is_threads = 8,
		.ts_next = 8, .ts_interp = 16, .ts_frame = 24,
		.ts_thread_id = 176,
		.fr_back = 24, .fr_code = 32, .fr_instr = 104,
		.co_firstlineno = 40, .co_filename = 104, .co_name = 112,
		.co_linetable = 120,
		.str_ascii_size = 48, .str_compact_size = 72,
	},
	{
		.minor = 9, .frames = PYF_FRAMEOBJECT, .lines = PYL_LNOTAB,
		.rt_interp_head = 32, .is_next = 0, .is_threads = 8,
		.ts_next = 8, .ts_interp = 16, .ts_frame = 24,
		.ts_thread_id = 176,
		.fr_back = 24, .fr_code = 32, .fr_instr = 104,
		.co_firstlineno = 40, .co_filename = 104, .co_name = 112,
		.co_linetable = 120,
		.str_ascii_size = 48, .str_compact_size = 72,
	},
	{
		.minor = 10, .frames = PYF_FRAMEOBJECT, .lines = PYL_310,
		.rt_interp_head = 32, .is_next = 0, .is_threads = 8,
		.ts_next = 8, .ts_interp = 16, .ts_frame = 24,
		.ts_thread_id = 176,
		.fr_back = 24, .fr_code = 32, .fr_instr = 96,
		.co_firstlineno = 40, .co_filename = 104, .co_name = 112,
		.co_linetable = 120,
		.str_ascii_size = 48, .str_compact_size = 72,
	},
	{
		.minor = 11, .frames = PYF_CFRAME, .lines = PYL_311,
		.rt_interp_head = 40, .is_next = 0, .is_threads = 16,
		.ts_next = 8, .ts_interp = 16, .ts_frame = 56,
		.ts_thread_id = 152, .ts_native_id = 160, .cframe_current = 8,
		.fr_back = 48, .fr_code = 32, .fr_instr = 56,
		.co_firstlineno = 72, .co_filename = 112, .co_name = 120,
		.co_qualname = 128, .co_linetable = 136,
		.co_code_adaptive = 184,
		.str_ascii_size = 48, .str_compact_size = 72,
	},
	{
		.minor = 12, .frames = PYF_CFRAME, .lines = PYL_311,
		.rt_interp_head = 40, .is_next = 0, .is_threads = 72,
		.ts_next = 8, .ts_interp = 16, .ts_frame = 56,
		.ts_thread_id = 136, .ts_native_id = 144, .cframe_current = 0,
		.fr_back = 8, .fr_code = 0, .fr_instr = 56,
		.fr_owner = 70, .owner_skip = 3,
		.co_firstlineno = 68, .co_filename = 112, .co_name = 120,
		.co_qualname = 128, .co_linetable = 136,
		.co_code_adaptive = 192,
		.str_ascii_size = 40, .str_compact_size = 56,
	},
};

/*
 * Word positions in _Py_DebugOffsets (each a u64) of the fields used, per
 * minor. The header (cookie, version, free_threaded) is words 0-2.
 */
struct debug_layout {
	unsigned int minor;
	unsigned int words; /* size of the struct in words */
	unsigned int rt_interp_head;
	unsigned int is_next, is_threads;
	unsigned int ts_next, ts_interp, ts_frame, ts_thread_id, ts_native_id;
	unsigned int fr_back, fr_code, fr_instr, fr_owner;
	unsigned int co_filename, co_name, co_qualname, co_linetable;
	unsigned int co_firstlineno, co_code_adaptive;
	unsigned int ob_type;
	unsigned int bytes_size, bytes_sval;
	unsigned int str_state, str_length, str_ascii_size;
	unsigned int owner_skip;
	bool code_tagged;
};

static const struct debug_layout layouts[] = {
	{
		.minor = 13, .words = 73, .rt_interp_head = 5,
		.is_next = 8, .is_threads = 9,
		.ts_next = 21, .ts_interp = 22, .ts_frame = 23,
		.ts_thread_id = 24, .ts_native_id = 25,
		.fr_back = 29, .fr_code = 30, .fr_instr = 31, .fr_owner = 33,
		.co_filename = 35, .co_name = 36, .co_qualname = 37,
		.co_linetable = 38, .co_firstlineno = 39,
		.co_code_adaptive = 43, .ob_type = 45,
		.bytes_size = 65, .bytes_sval = 66,
		.str_state = 68, .str_length = 69, .str_ascii_size = 70,
		.owner_skip = 3, .code_tagged = false,
	},
	{
		.minor = 14, .words = 95, .rt_interp_head = 5,
		.is_next = 8, .is_threads = 9,
		.ts_next = 24, .ts_interp = 25, .ts_frame = 26,
		.ts_thread_id = 27, .ts_native_id = 28,
		.fr_back = 32, .fr_code = 33, .fr_instr = 34, .fr_owner = 36,
		.co_filename = 40, .co_name = 41, .co_qualname = 42,
		.co_linetable = 43, .co_firstlineno = 44,
		.co_code_adaptive = 48, .ob_type = 51,
		.bytes_size = 75, .bytes_sval = 76,
		.str_state = 78, .str_length = 79, .str_ascii_size = 80,
		.owner_skip = 3, .code_tagged = true,
	},
};
/* clang-format on */

static void
set_common(struct py_offsets *o)
{
	if (!o->ob_type)
		o->ob_type = 8;
	if (!o->bytes_size)
		o->bytes_size = 16;
	if (!o->bytes_sval)
		o->bytes_sval = 32;
	if (!o->str_length)
		o->str_length = 16;
	if (!o->str_state)
		o->str_state = 32;
}

bool
py_offsets_builtin(unsigned int minor, struct py_offsets *out)
{
	for (size_t i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++) {
		if (builtin[i].minor == minor) {
			*out = builtin[i];
			set_common(out);
			return true;
		}
	}
	return false;
}

/* An offset into an object or struct read from the target: it must be
 * small, or the reader would be sent anywhere. */
static bool
plausible(uint64_t v)
{
	return v < (1u << 16);
}

int
py_offsets_from_debug(const void *buf, size_t len, struct py_offsets *out,
		      uint32_t *version_hex)
{
	const struct debug_layout *l = NULL;
	uint64_t w[96];
	unsigned int minor;

	if (len < 24 || memcmp(buf, "xdebugpy", 8) != 0)
		return -1;
	memcpy(w, buf, 24);
	*version_hex = (uint32_t)w[1];
	minor = (*version_hex >> 16) & 0xff;
	if ((w[1] >> 32) != 0 || (*version_hex >> 24) != 3 || w[2] != 0)
		return -2; /* free-threaded: other object layouts */
	/* alphas and betas may lay the offsets out otherwise: only release
	 * candidates and final releases, as CPython's own reader does */
	if (((*version_hex >> 4) & 0xf) != 0xc &&
	    ((*version_hex >> 4) & 0xf) != 0xf)
		return -2;
	for (size_t i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++)
		if (layouts[i].minor == minor)
			l = &layouts[i];
	if (!l || len < l->words * 8)
		return -2;
	memcpy(w, buf, l->words * 8);

	memset(out, 0, sizeof(*out));
	out->minor = minor;
	out->frames = PYF_CURRENT;
	out->lines = PYL_311;
	out->owner_skip = l->owner_skip;
	out->code_tagged = l->code_tagged;
#define TAKE(f)                                                                \
	do {                                                                   \
		out->f = w[l->f];                                              \
		if (!plausible(out->f))                                        \
			return -2;                                             \
	} while (0)
	TAKE(rt_interp_head);
	TAKE(is_next);
	TAKE(is_threads);
	TAKE(ts_next);
	TAKE(ts_interp);
	TAKE(ts_frame);
	TAKE(ts_thread_id);
	TAKE(ts_native_id);
	TAKE(fr_back);
	TAKE(fr_code);
	TAKE(fr_instr);
	TAKE(fr_owner);
	TAKE(co_filename);
	TAKE(co_name);
	TAKE(co_qualname);
	TAKE(co_linetable);
	TAKE(co_firstlineno);
	TAKE(co_code_adaptive);
	TAKE(ob_type);
	TAKE(bytes_size);
	TAKE(bytes_sval);
	TAKE(str_state);
	TAKE(str_length);
	TAKE(str_ascii_size);
#undef TAKE
	/* the runtime state is large; everything else is small */
	if (out->rt_interp_head == 0 || out->ts_native_id == 0 ||
	    out->co_code_adaptive == 0 || out->str_ascii_size == 0)
		return -2;
	out->str_compact_size = out->str_ascii_size + 16;
	return 0;
}
