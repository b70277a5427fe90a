/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The hermetic authors
 *
 * maps_parse(): lines of /proc/PID/maps as the kernel writes them, and
 * what is not one; maps_file_at() on this process itself.
 */
#include "config.h"

#include <limits.h>

#include "check_common.h"
#include "maps.h"

static void
parse_ok(const char *line, uint64_t start, uint64_t end, uint64_t off,
	 const char *path)
{
	struct maps_entry e;

	ck_assert_msg(maps_parse(line, &e), "not parsed: %s", line);
	ck_assert_uint_eq(e.start, start);
	ck_assert_uint_eq(e.end, end);
	ck_assert_uint_eq(e.offset, off);
	ck_assert_uint_eq(e.path_len, strlen(path));
	ck_assert_msg(strncmp(e.path, path, e.path_len) == 0, "path of %s",
		      line);
}

START_TEST(test_lines)
{
	parse_ok("55d0c0a00000-55d0c0a21000 r--p 00000000 08:01 1311 "
		 "        /usr/bin/python3.11\n",
		 0x55d0c0a00000, 0x55d0c0a21000, 0, "/usr/bin/python3.11");
	parse_ok("7f00-8f00 r-xp 0001a000 fd:00 42 /tmp/a b/lib x.so", 0x7f00,
		 0x8f00, 0x1a000, "/tmp/a b/lib x.so");
	parse_ok("7f00-8f00 r-xp 00000000 fd:00 42 /tmp/x (deleted)\n", 0x7f00,
		 0x8f00, 0, "/tmp/x (deleted)");
	/* anonymous memory: no path */
	parse_ok("7f00-8f00 rw-p 00000000 00:00 0 \n", 0x7f00, 0x8f00, 0, "");
	parse_ok("7f00-8f00 rw-p 00000000 00:00 0", 0x7f00, 0x8f00, 0, "");
	parse_ok("7f00-8f00 rw-p 00000000 00:00 0     [heap]\n", 0x7f00, 0x8f00,
		 0, "[heap]");
}
END_TEST

START_TEST(test_not_lines)
{
	static const char *const bad[] = {
	    "",
	    "\n",
	    "garbage",
	    "7f00 r-xp 0 0 0 /x",
	    "7f00-8f00 r-xp",
	    "7f00-8f00 r-xp zz 08:01 1 /x",
	};
	struct maps_entry e;

	for (size_t i = 0; i < HM_ARRAY_SIZE(bad); i++)
		ck_assert_msg(!maps_parse(bad[i], &e), "parsed: '%s'", bad[i]);
}
END_TEST

int hm_maps_probe(void);
int
hm_maps_probe(void)
{
	return 1;
}

START_TEST(test_file_at_self)
{
	char path[PATH_MAX], exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	int local = 0;

	ck_assert_int_gt(n, 0);
	exe[n] = '\0';
	/* code of this program is mapped from its file */
	ck_assert_int_eq(maps_file_at(getpid(),
				      (uint64_t)(uintptr_t)&hm_maps_probe, path,
				      sizeof(path)),
			 0);
	ck_assert_str_eq(path, exe);
	/* the stack is not a file */
	ck_assert_int_eq(maps_file_at(getpid(), (uint64_t)(uintptr_t)&local,
				      path, sizeof(path)),
			 1);
	/* no such process */
	ck_assert_int_lt(maps_file_at(0x7ffffff, 0, path, sizeof(path)), 0);
}
END_TEST

static Suite *
maps_suite(void)
{
	Suite *s = suite_create("maps");
	TCase *tc = tcase_create("maps");

	tcase_add_test(tc, test_lines);
	tcase_add_test(tc, test_not_lines);
	tcase_add_test(tc, test_file_at_self);
	suite_add_tcase(s, tc);
	return s;
}

HM_SUITE_MAIN(maps_suite)
