/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The tracee table: a hash of tasks by tid with reference-counted process
 * and address-space records.
 */
#include "config.h"

#include <stdlib.h>

#include "pystack.h"
#include "tracee.h"
#include "unwind.h"
#include "xmalloc.h"

#define BUCKETS 256

static struct tracee *buckets[BUCKETS];
static int count;

static unsigned int
hash(pid_t tid)
{
	return (unsigned int)tid % BUCKETS;
}

struct tracee *
tracee_find(pid_t tid)
{
	for (struct tracee *t = buckets[hash(tid)]; t; t = t->next)
		if (t->tid == tid)
			return t;
	return NULL;
}

static void
insert(struct tracee *t)
{
	unsigned int h = hash(t->tid);

	t->next = buckets[h];
	buckets[h] = t;
}

static void
unlink_entry(struct tracee *t)
{
	struct tracee **pp = &buckets[hash(t->tid)];

	while (*pp && *pp != t)
		pp = &(*pp)->next;
	if (*pp)
		*pp = t->next;
	t->next = NULL;
}

struct proc *
proc_new(pid_t tgid)
{
	struct proc *p = xcalloc(1, sizeof(*p));

	p->tgid = tgid;
	return p;
}

struct mm *
mm_new(void)
{
	return xcalloc(1, sizeof(struct mm));
}

static void
proc_put(struct proc *p)
{
	if (p && --p->ntasks == 0) {
		strlist_free(&p->read_dirs);
		free(p->exec_path);
		free(p);
	}
}

static void
mm_put(struct mm *m)
{
	if (m && --m->ntasks == 0) {
		pystack_free(m->py);
		unwind_free(m->uw);
		free(m);
	}
}

void
tracee_adopt(struct tracee *t, struct proc *proc, struct mm *mm)
{
	if (proc)
		proc->ntasks++;
	if (mm)
		mm->ntasks++;
	proc_put(t->proc);
	mm_put(t->mm);
	t->proc = proc;
	t->mm = mm;
	t->orphan = false;
}

struct tracee *
tracee_add(pid_t tid, struct proc *proc, struct mm *mm)
{
	struct tracee *t = xcalloc(1, sizeof(*t));

	t->tid = tid;
	tracee_adopt(t, proc, mm);
	t->orphan = !proc;
	insert(t);
	count++;
	return t;
}

void
tracee_set_mm(struct tracee *t, struct mm *mm)
{
	mm->ntasks++;
	mm_put(t->mm);
	t->mm = mm;
}

void
tracee_rename(struct tracee *t, pid_t tid)
{
	unlink_entry(t);
	t->tid = tid;
	insert(t);
}

void
tracee_del(struct tracee *t)
{
	unlink_entry(t);
	proc_put(t->proc);
	mm_put(t->mm);
	free(t->bind_name);
	free(t);
	count--;
}

static struct tracee *
first_from(unsigned int h)
{
	for (; h < BUCKETS; h++)
		if (buckets[h])
			return buckets[h];
	return NULL;
}

struct tracee *
tracee_first(void)
{
	return first_from(0);
}

struct tracee *
tracee_next(const struct tracee *t)
{
	if (t->next)
		return t->next;
	return first_from(hash(t->tid) + 1);
}

int
tracee_count(void)
{
	return count;
}
