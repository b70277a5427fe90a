/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Writing untrusted text (paths, names and test ids from the traced
 * program) into JSON and HTML: always valid UTF-8 (a byte that is not part
 * of a valid sequence becomes U+FFFD) and escaped for the format, so that
 * nothing the program chooses can break or forge a record.
 */
#ifndef HERMETIC_ESCAPE_H
#define HERMETIC_ESCAPE_H

#include <stdio.h>

/* "s" as a JSON string, quotes included; NULL as null. */
void escape_json(FILE *out, const char *s);

/* "s" as HTML text or attribute value (&, <, >, ", ' escaped); NULL as
 * nothing. */
void escape_html(FILE *out, const char *s);

#endif
