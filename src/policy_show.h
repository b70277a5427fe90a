/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * --show-policy: the policy in force and the walls that enforce it, in
 * words, for people.
 */
#ifndef HERMETIC_POLICY_SHOW_H
#define HERMETIC_POLICY_SHOW_H

#include <stdio.h>

#include "fswall.h"
#include "policy.h"

/* Write the policy "p" and its walls ("w": the Landlock plan) to "out". */
void policy_show(FILE *out, const struct policy *p, const struct fswall *w);

#endif
