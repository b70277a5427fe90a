/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * x86_64: the native ABI is AUDIT_ARCH_X86_64; x32 shares it and marks its
 * calls with bit 30 of the number; i386 (int 0x80) is AUDIT_ARCH_I386.
 */
#ifndef HERMETIC_ARCH_DEFS_H
#define HERMETIC_ARCH_DEFS_H

#include <linux/audit.h>

#define HM_ARCH_NAME "x86_64"
#define HM_AUDIT_ARCH AUDIT_ARCH_X86_64
#define HM_X32_SYSCALL_BIT 0x40000000UL

#endif
