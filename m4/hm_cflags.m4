dnl SPDX-License-Identifier: MIT
dnl HM_APPEND_CFLAGS(VARIABLE, FLAGS)
dnl Append to VARIABLE each flag of FLAGS that the C compiler accepts,
dnl probing one flag at a time with -Werror so unknown flags are dropped.
AC_DEFUN([HM_APPEND_CFLAGS], [
	for hm_flag in m4_normalize([$2]); do
		AS_VAR_PUSHDEF([hm_cache], [hm_cv_cflag_$hm_flag])
		AC_CACHE_CHECK([whether $CC accepts $hm_flag], [hm_cache], [
			hm_save_cflags=$CFLAGS
			CFLAGS="$CFLAGS -Werror $hm_flag"
			AC_COMPILE_IFELSE([AC_LANG_PROGRAM([], [])],
				[AS_VAR_SET([hm_cache], [yes])],
				[AS_VAR_SET([hm_cache], [no])])
			CFLAGS=$hm_save_cflags])
		AS_VAR_IF([hm_cache], [yes], [$1="$$1 $hm_flag"])
		AS_VAR_POPDEF([hm_cache])
	done
])
