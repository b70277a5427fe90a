/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * aarch64: the native ABI is AUDIT_ARCH_AARCH64; AArch32 tasks report
 * AUDIT_ARCH_ARM and are foreign. There is no x32-style number bit.
 */
#ifndef HERMETIC_ARCH_DEFS_H
#define HERMETIC_ARCH_DEFS_H

#include <linux/audit.h>

#define HM_ARCH_NAME "aarch64"
#define HM_AUDIT_ARCH AUDIT_ARCH_AARCH64

#endif
