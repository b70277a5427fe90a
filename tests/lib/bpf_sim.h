/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * A classic-BPF interpreter for seccomp programs, so that the filter tests
 * can run a struct seccomp_data through the program libseccomp generated
 * and compare the action with the expected one, without loading anything
 * into the kernel. It follows the kernel's seccomp rules (what
 * seccomp_check_filter() accepts, and how a load of seccomp_data works) and
 * refuses, with a message, any instruction it does not implement, any jump
 * or load out of range, and a program that runs off its end: a test must
 * never pass because the simulator guessed.
 */
#ifndef HERMETIC_BPF_SIM_H
#define HERMETIC_BPF_SIM_H

#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdint.h>

/* A program as seccomp_export_bpf() writes it. */
struct bpf_prog {
	struct sock_filter *insns;
	size_t len;
};

/*
 * Read a whole program from "fd" (from offset 0) into "prog". Returns 0, or
 * -1 with "err" (of "errsize" bytes) set. Free with bpf_prog_free().
 */
int bpf_prog_read(int fd, struct bpf_prog *prog, char *err, size_t errsize);

void bpf_prog_free(struct bpf_prog *prog);

/*
 * Run "prog" on "data". Returns 0 with "*ret" set to the 32-bit value of
 * the RET instruction reached (SECCOMP_RET_* action and data), or -1 with
 * "err" set when the program is one the simulator will not vouch for.
 */
int bpf_sim_run(const struct bpf_prog *prog, const struct seccomp_data *data,
		uint32_t *ret, char *err, size_t errsize);

#endif
