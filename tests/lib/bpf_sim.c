/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * The classic-BPF interpreter of the filter tests. It implements what the
 * kernel lets a seccomp program use (seccomp_check_filter() and
 * bpf_check_classic()): 32-bit loads of struct seccomp_data at aligned
 * offsets, the length, immediates and scratch memory; the ALU operations
 * ADD, SUB, MUL, DIV, AND, OR, XOR, LSH, RSH and NEG; the jumps JA, JEQ,
 * JGT, JGE and JSET; TAX, TXA and RET. Anything else is an error, and so
 * are the cases the kernel would refuse at load time (a jump or a scratch
 * slot out of range, a read of a scratch slot never written, a program
 * that does not end in RET).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bpf_sim.h"

/* BPF_MAXINSNS; a seccomp program is at most this long */
#define SIM_MAX_INSNS 4096

static int sim_error(char *err, size_t errsize, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
sim_error(char *err, size_t errsize, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errsize, fmt, ap);
	va_end(ap);
	return -1;
}

int
bpf_prog_read(int fd, struct bpf_prog *prog, char *err, size_t errsize)
{
	size_t cap = 4096, n = 0;
	unsigned char *buf;

	prog->insns = NULL;
	prog->len = 0;
	if (lseek(fd, 0, SEEK_SET) < 0)
		return sim_error(err, errsize, "lseek: %s", strerror(errno));
	buf = malloc(cap);
	if (!buf)
		return sim_error(err, errsize, "out of memory");
	for (;;) {
		ssize_t r;

		if (n == cap) {
			unsigned char *nb = realloc(buf, cap * 2);

			if (!nb) {
				free(buf);
				return sim_error(err, errsize, "out of memory");
			}
			buf = nb;
			cap *= 2;
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			return sim_error(err, errsize, "read: %s",
					 strerror(errno));
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	if (n == 0 || n % sizeof(struct sock_filter) != 0 ||
	    n / sizeof(struct sock_filter) > SIM_MAX_INSNS) {
		free(buf);
		return sim_error(err, errsize,
				 "%zu bytes is not a BPF program of at most "
				 "%d instructions",
				 n, SIM_MAX_INSNS);
	}
	prog->insns = (struct sock_filter *)buf;
	prog->len = n / sizeof(struct sock_filter);
	return 0;
}

void
bpf_prog_free(struct bpf_prog *prog)
{
	free(prog->insns);
	prog->insns = NULL;
	prog->len = 0;
}

/* A 32-bit load of seccomp_data at "k", as the kernel's seccomp loads are:
 * in host byte order, aligned, inside the structure. */
static int
load_data(const struct seccomp_data *data, uint32_t k, uint32_t *out, char *err,
	  size_t errsize)
{
	if (k >= sizeof(*data) || (k & 3) != 0)
		return sim_error(err, errsize,
				 "load of seccomp_data at offset %u", k);
	memcpy(out, (const unsigned char *)data + k, sizeof(*out));
	return 0;
}

static int
alu(uint16_t code, uint32_t *a, uint32_t src, bool *div0, char *err,
    size_t errsize)
{
	switch (BPF_OP(code)) {
	case BPF_ADD:
		*a += src;
		break;
	case BPF_SUB:
		*a -= src;
		break;
	case BPF_MUL:
		*a *= src;
		break;
	case BPF_DIV:
		/* classic BPF: dividing by a zero X ends the program with
		 * 0; a zero K is refused at load time */
		if (src == 0) {
			if (BPF_SRC(code) == BPF_K)
				return sim_error(err, errsize,
						 "division by constant 0");
			*div0 = true;
			break;
		}
		*a /= src;
		break;
	case BPF_AND:
		*a &= src;
		break;
	case BPF_OR:
		*a |= src;
		break;
	case BPF_XOR:
		*a ^= src;
		break;
	case BPF_LSH:
	case BPF_RSH:
		if (src >= 32)
			return sim_error(err, errsize, "shift by %u", src);
		*a = BPF_OP(code) == BPF_LSH ? *a << src : *a >> src;
		break;
	case BPF_NEG:
		*a = -*a;
		break;
	default:
		return sim_error(err, errsize, "unknown ALU opcode 0x%04x",
				 code);
	}
	return 0;
}

static int
jump(uint16_t code, uint32_t a, uint32_t src, bool *taken, char *err,
     size_t errsize)
{
	switch (BPF_OP(code)) {
	case BPF_JEQ:
		*taken = a == src;
		break;
	case BPF_JGT:
		*taken = a > src;
		break;
	case BPF_JGE:
		*taken = a >= src;
		break;
	case BPF_JSET:
		*taken = (a & src) != 0;
		break;
	default:
		return sim_error(err, errsize, "unknown JMP opcode 0x%04x",
				 code);
	}
	return 0;
}

int
bpf_sim_run(const struct bpf_prog *prog, const struct seccomp_data *data,
	    uint32_t *ret, char *err, size_t errsize)
{
	uint32_t a = 0, x = 0, mem[BPF_MEMWORDS];
	bool mem_set[BPF_MEMWORDS] = {false};
	size_t pc = 0;

	if (!prog->len || prog->len > SIM_MAX_INSNS)
		return sim_error(err, errsize, "empty or oversized program");
	while (pc < prog->len) {
		const struct sock_filter *in = &prog->insns[pc];
		uint16_t code = in->code;
		uint32_t k = in->k;
		size_t next = pc + 1;
		bool div0 = false;

		/* class, size/source and mode/operation fill the low byte */
		if (code > 0xff)
			return sim_error(err, errsize,
					 "pc %zu: unknown opcode 0x%04x", pc,
					 code);

		switch (BPF_CLASS(code)) {
		case BPF_LD:
			if (code == (BPF_LD | BPF_W | BPF_ABS)) {
				if (load_data(data, k, &a, err, errsize) < 0)
					return -1;
			} else if (code == (BPF_LD | BPF_W | BPF_LEN)) {
				a = sizeof(*data);
			} else if (code == (BPF_LD | BPF_IMM)) {
				a = k;
			} else if (code == (BPF_LD | BPF_MEM)) {
				if (k >= BPF_MEMWORDS || !mem_set[k])
					return sim_error(err, errsize,
							 "pc %zu: read of "
							 "scratch slot %u",
							 pc, k);
				a = mem[k];
			} else {
				return sim_error(err, errsize,
						 "pc %zu: unknown LD opcode "
						 "0x%04x",
						 pc, code);
			}
			break;
		case BPF_LDX:
			if (code == (BPF_LDX | BPF_W | BPF_LEN)) {
				x = sizeof(*data);
			} else if (code == (BPF_LDX | BPF_IMM)) {
				x = k;
			} else if (code == (BPF_LDX | BPF_MEM)) {
				if (k >= BPF_MEMWORDS || !mem_set[k])
					return sim_error(err, errsize,
							 "pc %zu: read of "
							 "scratch slot %u",
							 pc, k);
				x = mem[k];
			} else {
				return sim_error(err, errsize,
						 "pc %zu: unknown LDX opcode "
						 "0x%04x",
						 pc, code);
			}
			break;
		case BPF_ST:
		case BPF_STX:
			if (code != BPF_ST && code != BPF_STX)
				return sim_error(err, errsize,
						 "pc %zu: unknown store opcode "
						 "0x%04x",
						 pc, code);
			if (k >= BPF_MEMWORDS)
				return sim_error(err, errsize,
						 "pc %zu: store to scratch "
						 "slot %u",
						 pc, k);
			mem[k] = BPF_CLASS(code) == BPF_ST ? a : x;
			mem_set[k] = true;
			break;
		case BPF_ALU:
			if (code == (BPF_ALU | BPF_NEG | BPF_X))
				return sim_error(err, errsize,
						 "pc %zu: unknown ALU opcode "
						 "0x%04x",
						 pc, code);
			if (alu(code, &a, BPF_SRC(code) == BPF_X ? x : k, &div0,
				err, errsize) < 0)
				return -1;
			if (div0) {
				*ret = 0;
				return 0;
			}
			break;
		case BPF_JMP:
			if (code == (BPF_JMP | BPF_JA)) {
				next = pc + 1 + (size_t)k;
			} else {
				bool taken = false;

				if (jump(code, a,
					 BPF_SRC(code) == BPF_X ? x : k, &taken,
					 err, errsize) < 0)
					return -1;
				next = pc + 1 + (taken ? in->jt : in->jf);
			}
			if (next >= prog->len)
				return sim_error(err, errsize,
						 "pc %zu: jump out of the "
						 "program",
						 pc);
			break;
		case BPF_RET:
			if (code == (BPF_RET | BPF_K)) {
				*ret = k;
				return 0;
			}
			if (code == (BPF_RET | BPF_A)) {
				*ret = a;
				return 0;
			}
			return sim_error(err, errsize,
					 "pc %zu: unknown RET opcode 0x%04x",
					 pc, code);
		case BPF_MISC:
			if (code == (BPF_MISC | BPF_TAX))
				x = a;
			else if (code == (BPF_MISC | BPF_TXA))
				a = x;
			else
				return sim_error(err, errsize,
						 "pc %zu: unknown MISC opcode "
						 "0x%04x",
						 pc, code);
			break;
		default:
			return sim_error(err, errsize,
					 "pc %zu: unknown opcode 0x%04x", pc,
					 code);
		}
		pc = next;
	}
	return sim_error(err, errsize, "the program ran off its end");
}
