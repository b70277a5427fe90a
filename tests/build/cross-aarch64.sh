#!/bin/sh
# SPDX-License-Identifier: MIT
# The aarch64 register code must at least compile: cross-compile every file
# of src/ for aarch64 (objects only; nothing is linked or run).
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
cc=aarch64-linux-gnu-gcc
command -v "$cc" >/dev/null ||
    { echo "SKIP: $cc not installed (Debian/Ubuntu package gcc-aarch64-linux-gnu)"; exit 77; }
[ -f /usr/include/seccomp.h ] ||
    { echo "SKIP: /usr/include/seccomp.h missing (libseccomp-dev)"; exit 77; }

W=$(mktemp -d) || exit 99
trap 'rm -rf "$W"' EXIT
# seccomp.h is the same for every arch; the cross compiler does not search
# the host's /usr/include, so give it just these two headers
mkdir -p "$W/inc"
cp /usr/include/seccomp.h /usr/include/seccomp-syscalls.h "$W/inc/"
# the host's libunwind headers are for the host's arch: build the aarch64
# objects as a configure without libunwind would
mkdir -p "$W/cfg"
sed '/HAVE_LIBUNWIND/d' "$top_builddir/config.h" >"$W/cfg/config.h" || exit 99

fail=0
for f in "$top_srcdir"/src/*.c "$top_srcdir"/src/decode/*.c \
         "$top_srcdir"/src/python/*.c "$top_srcdir"/src/arch/aarch64/*.c; do
    if ! "$cc" -std=gnu11 -Wall -Wextra -Wno-unused-parameter \
        -Wno-missing-field-initializers -Werror -O2 \
        -I"$W/cfg" -I"$top_srcdir/src/arch/aarch64" -I"$top_srcdir/src" \
        -I"$W/inc" -DSYSCONFDIR='"/etc"' -DPKGDATADIR='"/usr/share/hermetic"' \
        -c "$f" -o "$W/out.o"; then
        echo "FAIL: $f does not compile for aarch64"; fail=1
    fi
done
[ "$fail" = 0 ] || exit 1
echo "PASS: src/ compiles for aarch64 with $($cc -dumpversion)"
