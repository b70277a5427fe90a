/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The walk: runtime -> interpreters -> thread states -> frames -> code
 * objects, per ../shared/reference/python-remote-stacks.md §2-§4 and §9.
 * Reads go through the per-stop page cache (python/remote.c). The code
 * cache is keyed by address and validated on every hit by re-reading the
 * object's header: a freed code object's address is soon reused.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "mem.h"
#include "pystack.h"
#include "python/linetable.h"
#include "python/pystr.h"
#include "python/remote.h"
#include "python/runtime.h"
#include "xmalloc.h"

#define MAX_INTERPS 16
#define MAX_THREADS 4096
#define MAX_WALK 2048	      /* frames looked at, skipped ones included */
#define MAX_CHARS 1024	      /* characters read of one str */
#define MAX_TABLE (64 * 1024) /* bytes of one line table */
#define CODE_BUCKETS 512
#define MAX_CODES 8192
#define CODE_BYTES (4 * 1024 * 1024) /* cache budget per image */
#define HDR_MAX 256
#define PREFETCH 24 /* pages read again in one call at each stop */

/* What a code object looked like when cached: all must still match. */
struct code_key {
	uint64_t type, filename, name, qualname, linetable;
	int32_t firstlineno;
};

struct code {
	uint64_t addr;
	struct code_key key;
	char *file, *name;
	uint8_t *table;
	size_t table_len;
	int64_t last_pos;
	int last_line;
	struct code *next;
};

/* Threads seen lately and their states, checked again at each use. */
#define THREAD_SLOTS 16
struct thread_slot {
	pid_t tid;
	uint64_t tstate;
	uint64_t id; /* the id that matched: native TID or pthread_t */
};

/* The environ array as last read, and what it held. */
#define ENV_MAX 4096
struct env_memo {
	uint64_t array;
	size_t n;	/* entries (without the NULL) */
	uint64_t *ptrs; /* their values */
	char *value;	/* of the variable asked for, or NULL */
	size_t index;	/* its entry */
	char name[64];
};

struct pystack {
	struct py_runtime rt;
	struct code *codes[CODE_BUCKETS];
	unsigned int ncodes;
	size_t code_bytes;
	struct thread_slot threads[THREAD_SLOTS];
	unsigned int next_slot;
	struct env_memo env;
	uint64_t pages[PREFETCH]; /* pages the last read needed */
	unsigned int npages;
};

/* Copy "src" into "dst" of "size" bytes, cut at a whole UTF-8 character. */
static void
copy_utf8(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

struct pystack *
pystack_new(void)
{
	return xcalloc(1, sizeof(struct pystack));
}

static void
code_free(struct code *c)
{
	free(c->file);
	free(c->name);
	free(c->table);
	free(c);
}

static void
codes_flush(struct pystack *ps)
{
	for (unsigned int i = 0; i < CODE_BUCKETS; i++) {
		while (ps->codes[i]) {
			struct code *c = ps->codes[i];

			ps->codes[i] = c->next;
			code_free(c);
		}
	}
	ps->ncodes = 0;
	ps->code_bytes = 0;
}

void
pystack_free(struct pystack *ps)
{
	if (!ps)
		return;
	codes_flush(ps);
	free(ps->env.ptrs);
	free(ps->env.value);
	free(ps);
}

const char *
pystack_version(const struct pystack *ps)
{
	return ps->rt.version;
}

static int64_t
i64_at(const unsigned char *b, uint64_t off)
{
	int64_t v;

	memcpy(&v, b + off, sizeof(v));
	return v;
}

static int32_t
i32_at(const unsigned char *b, uint64_t off)
{
	int32_t v;

	memcpy(&v, b + off, sizeof(v));
	return v;
}

/* Read the str object at "addr" as UTF-8; NULL when it cannot be read. */
static char *
read_str(const struct py_offsets *o, uint64_t addr)
{
	unsigned char hdr[128];
	struct pystr_state st;
	uint64_t data;
	int64_t len;
	size_t n, bytes;
	char *out;
	void *raw;

	/* the offsets may come from the tracee (3.13+ debug offsets) */
	if (addr == 0 || addr % 8 || o->str_compact_size + 8 > sizeof(hdr) ||
	    o->str_state + 4 > sizeof(hdr) || o->str_length + 8 > sizeof(hdr) ||
	    remote_read(addr, hdr, o->str_compact_size + 8) < 0 ||
	    !pystr_state_decode((uint32_t)i32_at(hdr, o->str_state), &st))
		return NULL;
	len = i64_at(hdr, o->str_length);
	if (len < 0)
		return NULL;
	n = len > MAX_CHARS ? MAX_CHARS : (size_t)len;
	if (st.compact)
		data =
		    addr + (st.ascii ? o->str_ascii_size : o->str_compact_size);
	else
		data = (uint64_t)i64_at(hdr, o->str_compact_size);
	bytes = n * st.kind;
	raw = xmalloc(bytes + 1);
	if (n && remote_read(data, raw, bytes) < 0) {
		free(raw);
		return NULL;
	}
	out = xmalloc(4 * n + 8);
	pystr_to_utf8(raw, n, st.kind, out, 4 * n + 8);
	free(raw);
	return out;
}

/* Read the bytes object at "addr"; false when it cannot be read. */
static bool
read_bytes(const struct py_offsets *o, uint64_t addr, uint8_t **out,
	   size_t *len)
{
	int64_t size;

	*out = NULL;
	*len = 0;
	if (addr == 0 || addr % 8 ||
	    remote_read(addr + o->bytes_size, &size, sizeof(size)) < 0 ||
	    size < 0 || size > MAX_TABLE)
		return false;
	*out = xmalloc((size_t)size + 1);
	*len = (size_t)size;
	if (size && remote_read(addr + o->bytes_sval, *out, (size_t)size) < 0) {
		free(*out);
		*out = NULL;
		return false;
	}
	return true;
}

static size_t
hdr_len(const struct py_offsets *o)
{
	uint64_t m = o->ob_type;

	if (o->co_filename > m)
		m = o->co_filename;
	if (o->co_name > m)
		m = o->co_name;
	if (o->co_qualname > m)
		m = o->co_qualname;
	if (o->co_linetable > m)
		m = o->co_linetable;
	if (o->co_firstlineno > m)
		m = o->co_firstlineno;
	return (size_t)m + 8;
}

/* Read the header of the code object at "addr". */
static int
read_key(const struct pystack *ps, uint64_t addr, struct code_key *k)
{
	const struct py_offsets *o = &ps->rt.off;
	unsigned char hdr[HDR_MAX];
	size_t n = hdr_len(o);

	if (addr == 0 || addr % 8 || n > sizeof(hdr) ||
	    remote_read(addr, hdr, n) < 0)
		return -EFAULT;
	memset(k, 0, sizeof(*k));
	k->type = (uint64_t)i64_at(hdr, o->ob_type);
	k->filename = (uint64_t)i64_at(hdr, o->co_filename);
	k->name = (uint64_t)i64_at(hdr, o->co_name);
	if (o->co_qualname)
		k->qualname = (uint64_t)i64_at(hdr, o->co_qualname);
	k->linetable = (uint64_t)i64_at(hdr, o->co_linetable);
	k->firstlineno = i32_at(hdr, o->co_firstlineno);
	if (ps->rt.code_type && k->type != ps->rt.code_type)
		return -EINVAL; /* not a code object (any more) */
	return 0;
}

static bool
same_key(const struct code_key *a, const struct code_key *b)
{
	return a->type == b->type && a->filename == b->filename &&
	       a->name == b->name && a->qualname == b->qualname &&
	       a->linetable == b->linetable && a->firstlineno == b->firstlineno;
}

/* The code object at "addr", from the cache when its header still
 * matches, else read afresh; NULL when it cannot be read. */
static struct code *
code_get(struct pystack *ps, uint64_t addr, int *err)
{
	const struct py_offsets *o = &ps->rt.off;
	unsigned int h = (unsigned int)((addr >> 4) % CODE_BUCKETS);
	struct code_key key;
	struct code **pp, *c;

	*err = read_key(ps, addr, &key);
	if (*err < 0)
		return NULL;
	for (pp = &ps->codes[h]; *pp; pp = &(*pp)->next) {
		if ((*pp)->addr != addr)
			continue;
		if (same_key(&(*pp)->key, &key))
			return *pp;
		c = *pp; /* stale: the object at this address changed */
		*pp = c->next;
		ps->code_bytes -= c->table_len;
		code_free(c);
		ps->ncodes--;
		break;
	}
	if (ps->ncodes >= MAX_CODES || ps->code_bytes >= CODE_BYTES)
		codes_flush(ps);
	c = xcalloc(1, sizeof(*c));
	c->addr = addr;
	c->key = key;
	c->last_pos = INT64_MIN;
	c->file = read_str(o, key.filename);
	c->name = read_str(o, key.qualname ? key.qualname : key.name);
	if (!c->file || !c->name) {
		code_free(c);
		*err = -EFAULT;
		return NULL;
	}
	if (!read_bytes(o, key.linetable, &c->table, &c->table_len))
		c->table = NULL; /* no line: reported as unknown */
	c->next = ps->codes[h];
	ps->codes[h] = c;
	ps->ncodes++;
	ps->code_bytes += c->table_len;
	return c;
}

static int
code_line(const struct py_offsets *o, struct code *c, int64_t pos)
{
	int line;

	if (!c->table)
		return 0;
	if (pos == c->last_pos)
		return c->last_line;
	switch (o->lines) {
	case PYL_LNOTAB:
		line = linetable_lnotab(c->table, c->table_len,
					c->key.firstlineno, pos);
		break;
	case PYL_310:
		line = linetable_310(c->table, c->table_len, c->key.firstlineno,
				     pos);
		break;
	default:
		line = linetable_311(c->table, c->table_len, c->key.firstlineno,
				     pos);
		break;
	}
	/* before the first instruction, or a position no entry covers: the
	 * frame was just entered */
	if (line < 0)
		line = c->key.firstlineno;
	c->last_pos = pos;
	c->last_line = line;
	return line;
}

static uint64_t
first_frame(const struct py_offsets *o, uint64_t ts)
{
	uint64_t f = 0;

	if (remote_word(ts + o->ts_frame, &f) < 0)
		return 0;
	if (o->frames == PYF_CFRAME && f &&
	    remote_word(f + o->cframe_current, &f) < 0)
		return 0;
	return f;
}

/* The id of the thread state at "ts" that identifies its thread. */
static int
tstate_id(const struct py_offsets *o, uint64_t ts, uint64_t *id)
{
	return remote_word(
	    ts + (o->ts_native_id ? o->ts_native_id : o->ts_thread_id), id);
}

/* The thread state of "tid" (or, failing that, of "alt_tid"); 0 when the
 * thread has none. "*id" gets the id that matched. */
static uint64_t
walk_tstates(const struct pystack *ps, pid_t tid, pid_t alt_tid,
	     uint64_t pthread, uint64_t *matched)
{
	const struct py_offsets *o = &ps->rt.off;
	uint64_t interp, alt = 0;

	if (remote_word(ps->rt.runtime + o->rt_interp_head, &interp) < 0)
		return 0;
	for (int i = 0; interp && i < MAX_INTERPS; i++) {
		uint64_t ts, head, next;

		if (remote_word(interp + o->is_threads, &ts) < 0)
			return 0;
		head = ts;
		for (int k = 0; ts && k < MAX_THREADS; k++) {
			uint64_t id;

			if (o->ts_native_id) {
				if (remote_word(ts + o->ts_native_id, &id) < 0)
					return 0;
				if (id == (uint64_t)tid) {
					*matched = id;
					return ts;
				}
				if (alt_tid && id == (uint64_t)alt_tid && !alt)
					alt = ts;
			} else {
				if (remote_word(ts + o->ts_thread_id, &id) < 0)
					return 0;
				if (pthread && id == pthread) {
					*matched = id;
					return ts;
				}
			}
			if (remote_word(ts + o->ts_next, &next) < 0)
				return 0;
			if (next == ts || next == head)
				break; /* a cycle: not a list CPython made */
			ts = next;
		}
		if (remote_word(interp + o->is_next, &interp) < 0)
			return 0;
	}
	*matched = 0; /* not cached: the thread that forked may go */
	return alt;
}

/* walk_tstates() behind a cache whose hits are checked with one read: the
 * state must still carry the id it matched with. */
static uint64_t
find_tstate(struct pystack *ps, pid_t tid, pid_t alt_tid, uint64_t pthread)
{
	const struct py_offsets *o = &ps->rt.off;
	struct thread_slot *slot;
	uint64_t ts, id = 0;

	for (unsigned int i = 0; i < THREAD_SLOTS; i++) {
		slot = &ps->threads[i];
		if (slot->tid != tid || !slot->tstate)
			continue;
		if (tstate_id(o, slot->tstate, &id) == 0 && id == slot->id &&
		    (o->ts_native_id || id == pthread) &&
		    first_frame(o, slot->tstate))
			return slot->tstate;
		/* changed, or no frames: a freed state may still hold its
		 * id, so look at the list itself */
		slot->tstate = 0;
		break;
	}
	ts = walk_tstates(ps, tid, alt_tid, pthread, &id);
	if (ts && id) {
		slot = &ps->threads[ps->next_slot++ % THREAD_SLOTS];
		slot->tid = tid;
		slot->tstate = ts;
		slot->id = id;
	}
	return ts;
}

/* Read the frame at "f": its code, position and caller. Returns 1 for a
 * Python frame, 0 for one to skip, -1 on failure. */
static int
read_frame(const struct py_offsets *o, uint64_t f, uint64_t *code,
	   uint64_t *instr, uint64_t *back)
{
	unsigned char rec[128];
	uint64_t n = o->fr_back;

	if (o->fr_code > n)
		n = o->fr_code;
	if (o->fr_instr > n)
		n = o->fr_instr;
	if (o->fr_owner > n)
		n = o->fr_owner;
	n += 8;
	if (f % 8 || n > sizeof(rec) || remote_read(f, rec, n) < 0)
		return -1;
	*back = (uint64_t)i64_at(rec, o->fr_back);
	*code = (uint64_t)i64_at(rec, o->fr_code);
	if (o->code_tagged)
		*code &= ~(uint64_t)7;
	if (o->frames == PYF_FRAMEOBJECT)
		*instr = (uint64_t)(int64_t)i32_at(rec, o->fr_instr);
	else
		*instr = (uint64_t)i64_at(rec, o->fr_instr);
	if (o->fr_owner && rec[o->fr_owner] >= o->owner_skip)
		return 0; /* a C-stack or interpreter shim */
	return *code ? 1 : 0;
}

static int
walk(struct pystack *ps, uint64_t f, struct pyframe *out, int max, bool *more)
{
	const struct py_offsets *o = &ps->rt.off;
	uint64_t tortoise = 0;
	int n = 0, power = 1, lam = 0;

	for (int seen = 0; f && seen < MAX_WALK; seen++) {
		uint64_t code, instr, back;
		struct code *c;
		int64_t pos;
		int r, err;

		/* a frame seen before: a cycle, which CPython never makes
		 * (Brent's method: compare with a frame saved at powers of
		 * two) */
		if (f == tortoise)
			break;
		if (++lam == power) {
			tortoise = f;
			power *= 2;
			lam = 0;
		}
		r = read_frame(o, f, &code, &instr, &back);
		if (r < 0 || back == f)
			break;
		if (r == 0) {
			f = back;
			continue;
		}
		if (n == max) {
			*more = true;
			break;
		}
		c = code_get(ps, code, &err);
		if (!c) {
			/* 3.13+: f_executable may be another object */
			if (err == -EINVAL && o->frames == PYF_CURRENT) {
				f = back;
				continue;
			}
			break;
		}
		if (o->frames == PYF_FRAMEOBJECT)
			pos = (int64_t)instr; /* f_lasti */
		else
			pos =
			    (int64_t)(instr - (code + o->co_code_adaptive)) / 2;
		copy_utf8(out[n].file, sizeof(out[n].file), c->file);
		copy_utf8(out[n].name, sizeof(out[n].name), c->name);
		out[n].line = code_line(o, c, pos);
		n++;
		f = back;
	}
	return n;
}

int
pystack_read(struct pystack *ps, pid_t pid, pid_t tid, pid_t alt_tid,
	     struct pyframe *out, int max, bool *more)
{
	uint64_t pthread = 0, ts;
	int n;

	*more = false;
	switch (py_runtime_resolve(pid, &ps->rt)) {
	case PYRT_READY:
		break;
	case PYRT_UNSUPPORTED:
		return -EOPNOTSUPP;
	default:
		return -ENOENT;
	}
	if (!ps->rt.off.ts_native_id && arch_pthread_self(tid, &pthread) < 0)
		return 0;
	/* a call site is usually reported more than once: what it needed
	 * last time, in one read */
	remote_prefetch(ps->pages, ps->npages);
	ts = find_tstate(ps, tid, alt_tid, pthread);
	n = ts ? walk(ps, first_frame(&ps->rt.off, ts), out, max, more) : 0;
	ps->npages = remote_pages(ps->pages, PREFETCH);
	return n;
}

/* Read the environ array into a fresh buffer; returns its entry count or
 * -1. */
static long
read_env_array(uint64_t array, uint64_t **out)
{
	uint64_t *v = xmalloc(ENV_MAX * sizeof(*v));
	long n = 0;

	while (n < ENV_MAX) {
		if (remote_word(array + 8 * (uint64_t)n, &v[n]) < 0) {
			free(v);
			return -1;
		}
		if (!v[n])
			break;
		n++;
	}
	*out = v;
	return n;
}

/* Scan the strings of "ptrs" for "name=VALUE"; NULL when absent, else
 * the value, its entry in "*index". */
static char *
find_env(pid_t tid, const uint64_t *ptrs, size_t n, const char *name,
	 size_t *index)
{
	size_t len = strlen(name);
	char prefix[sizeof(((struct env_memo *)0)->name) + 1];
	char value[4096];

	for (size_t i = 0; i < n; i++) {
		if (remote_read(ptrs[i], prefix, len + 1) < 0 ||
		    memcmp(prefix, name, len) != 0 || prefix[len] != '=')
			continue;
		if (mem_read_str(tid, ptrs[i] + len + 1, value, sizeof(value)) <
		    0)
			return NULL;
		*index = i;
		return xstrdup(value);
	}
	return NULL;
}

const char *
pystack_getenv(struct pystack *ps, pid_t tid, const char *name)
{
	struct env_memo *m = &ps->env;
	uint64_t array, *ptrs;
	long n;

	if (!ps->rt.environ || strlen(name) >= sizeof(m->name) ||
	    remote_word(ps->rt.environ, &array) < 0 || !array)
		return NULL;
	n = read_env_array(array, &ptrs);
	if (n < 0)
		return NULL;
	/* the same array holding the same pointers: the same strings (libc
	 * replaces a string to change a variable), but the one found is read
	 * again, since a string freed by putenv() can be replaced by another
	 * at the same address (3.8's os.putenv) */
	if (m->ptrs && m->array == array && m->n == (size_t)n &&
	    strcmp(m->name, name) == 0 &&
	    memcmp(m->ptrs, ptrs, (size_t)n * sizeof(*ptrs)) == 0) {
		size_t index;
		char *again =
		    m->value ? find_env(tid, ptrs + m->index, 1, name, &index)
			     : NULL;
		bool same =
		    !m->value || (again && strcmp(again, m->value) == 0);

		free(again);
		if (same) {
			free(ptrs);
			ps->npages = remote_pages(ps->pages, PREFETCH);
			return m->value;
		}
	}
	free(m->ptrs);
	free(m->value);
	m->array = array;
	m->n = (size_t)n;
	m->ptrs = ptrs;
	snprintf(m->name, sizeof(m->name), "%s", name);
	m->value = find_env(tid, ptrs, (size_t)n, name, &m->index);
	ps->npages = remote_pages(ps->pages, PREFETCH);
	return m->value;
}
