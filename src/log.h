/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * Diagnostics of hermetic itself: errors, warnings and debug lines on
 * stderr, all prefixed "hermetic: ". Only the top level (main, the CLI and
 * the tracer loop) may call die(); every other module returns an error.
 */
#ifndef HERMETIC_LOG_H
#define HERMETIC_LOG_H

#include <stdbool.h>
#include <stdnoreturn.h>

/* Exit statuses of hermetic itself, as env(1) and timeout(1) use them. */
#define HM_EXIT_FAILURE 125
#define HM_EXIT_CANNOT_EXEC 126
#define HM_EXIT_NOT_FOUND 127

/* True when HERMETIC_DEBUG is set to a non-empty value. */
extern bool log_debug_enabled;

/* Read HERMETIC_DEBUG; call once at start-up. */
void log_init(void);

/* Print "hermetic: MSG" and exit with "status". */
noreturn void die(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Like die(), with ": strerror(errno)" appended. */
noreturn void die_errno(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Print "hermetic: MSG". */
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "hermetic: MSG: strerror(errno)". */
void warn_errno(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "hermetic: debug: MSG" when debugging is enabled. */
void debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
