#!/bin/sh
# SPDX-License-Identifier: MIT
# --fs-readonly on the ways to change a file that are not opens or path
# calls:
#  - ioctl: FS_IOC_SETFLAGS (chattr) on a descriptor opened read-only,
#    setting only the harmless no-dump flag 'd' (FS_NODUMP_FL), and
#    FS_IOC_FSSETXATTR with the values just read, are denied outside
#    --allow-write ("blocked ioctl path=..."), and the file keeps its
#    flags and ctime; the queries (FS_IOC_GETFLAGS, FS_IOC_FSGETXATTR,
#    FIEMAP) work; below --allow-write the flag is set and cleared.
#  - bind: a unix socket bound to a path outside --allow-write (absolute,
#    relative to the working directory, through a symbolic link to a
#    directory outside) is denied ("blocked bind unix=RESOLVED") and no
#    socket file appears; below --allow-write it is made; abstract and
#    unnamed unix sockets and an inet socket on loopback bind as usual.
#  - a character device node made with mknod below $T (a clone of
#    /dev/null, 1:3) opened for writing is denied outside --allow-write,
#    while /dev/null and the same clone below --allow-write open. A FIFO
#    outside opens for writing as far as the ptrace checks go (no change
#    to the tree), and Landlock, the stricter wall, says EACCES to it.
# With the Landlock wall on (the default) and off
# (HERMETIC_TEST_NO_LANDLOCK=1: the ptrace checks alone). Without
# --fs-readonly the same calls work, which shows each case does something.
# A part the machine cannot do (no FS_IOC_GETFLAGS on the filesystem of
# $T, no mknod as this user, a nodev mount) is skipped with a note.
#
# Every file touched lives below $T: "outside" is $T/outside. No flag but
# 'd' is ever set (never 'i' or 'a', which would make $T undeletable);
# the only write to a path outside $T is none: /dev/null is opened, not
# written.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"
require_python_

SNAP="$PY/fs_snap.py"
TR=$(cd "$T" && pwd -P) || framework_failure_ "cannot resolve $T"
A="$TR/allowed"
O="$TR/outside"
XP="$TR/xprobe.py"
ABSTRACT="hermetic-fs-extra-$$"

# The probe: "pid=N", then "STEP -> RESULT" per step (ok, ok WHAT, or the
# errno name), like fs_probe.py; a failing step does not stop the others.
cat >"$XP" <<'EOF'
import errno
import fcntl
import os
import socket
import struct
import sys

FS_IOC_GETFLAGS = 0x80086601    # _IOR('f', 1, long)
FS_IOC_SETFLAGS = 0x40086602    # _IOW('f', 2, long)
FS_IOC_FSGETXATTR = 0x801c581f  # _IOR('X', 31, struct fsxattr)
FS_IOC_FSSETXATTR = 0x401c5820  # _IOW('X', 32, struct fsxattr)
FS_IOC_FIEMAP = 0xc020660b      # _IOWR('f', 11, struct fiemap)
FS_NODUMP_FL = 0x40             # 'd': the only flag this probe sets


def with_ro(path, fn):
    fd = os.open(path, os.O_RDONLY)
    try:
        return fn(fd)
    finally:
        os.close(fd)


def getflags(fd):
    buf = fcntl.ioctl(fd, FS_IOC_GETFLAGS, struct.pack("l", 0))
    return struct.unpack("l", buf)[0] & 0xffffffff


def setflags(fd, flags):
    fcntl.ioctl(fd, FS_IOC_SETFLAGS, struct.pack("l", flags))


def nodump(fd, on):
    flags = getflags(fd)
    setflags(fd, flags | FS_NODUMP_FL if on else flags & ~FS_NODUMP_FL)


def fsxattr(fd):
    return fcntl.ioctl(fd, FS_IOC_FSGETXATTR, bytes(28))


def fiemap(fd):
    # struct fiemap: start, length, flags, mapped, count (0: just count)
    buf = struct.pack("QQIII4x", 0, 0xffffffffffffffff, 0, 0, 0)
    fcntl.ioctl(fd, FS_IOC_FIEMAP, buf)


def bind(addr, family=socket.AF_UNIX):
    s = socket.socket(family, socket.SOCK_STREAM)
    try:
        s.bind(addr)
    finally:
        s.close()


def step(op, a):
    if op == "getflags":
        f = with_ro(a[0], getflags)
        return "ok " + ("d" if f & FS_NODUMP_FL else "-")
    if op == "setnodump":
        with_ro(a[0], lambda fd: nodump(fd, True))
    elif op == "clearnodump":
        with_ro(a[0], lambda fd: nodump(fd, False))
    elif op == "fsgetxattr":
        with_ro(a[0], fsxattr)
    elif op == "fssetxattr":
        # the values just read: changes nothing when it is let through
        with_ro(a[0], lambda fd: fcntl.ioctl(fd, FS_IOC_FSSETXATTR,
                                             fsxattr(fd)))
    elif op == "fiemap":
        with_ro(a[0], fiemap)
    elif op == "bind":
        bind(a[0])
    elif op == "bind-abstract":
        bind("\0" + a[0])
    elif op == "bind-unnamed":
        bind("")
    elif op == "bind-inet":
        bind(("127.0.0.1", 0), socket.AF_INET)
    elif op == "open-w":
        # opened for writing and written (a /dev/null clone below $T)
        fd = os.open(a[0], os.O_WRONLY)
        try:
            os.write(fd, b"X")
        finally:
            os.close(fd)
    elif op == "openonly-w":
        os.close(os.open(a[0], os.O_WRONLY))
    elif op == "openonly-rw":
        os.close(os.open(a[0], os.O_RDWR))
    elif op == "chdir":
        os.chdir(a[0])
    else:
        raise SystemExit("xprobe: unknown step " + op)
    return "ok"


print("pid=%d" % os.getpid(), flush=True)
for s in sys.argv[1:]:
    op, *args = s.split(",")
    try:
        r = step(op, args)
    except OSError as e:
        r = errno.errorcode.get(e.errno, str(e.errno))
    print("%s -> %s" % (s, r), flush=True)
EOF

# xp_ STEP: run one probe step outside hermetic, print its RESULT.
xp_() { "$PYTHON3" "$XP" "$1" | grep -F -- "$1 -> " | head -n 1 | sed 's/^.* -> //'; }

# kind_ PATH: sock, chr M:N, absent, or other.
kind_() {
    "$PYTHON3" -c '
import os, stat, sys
try:
    st = os.lstat(sys.argv[1])
except FileNotFoundError:
    print("absent"); sys.exit()
if stat.S_ISSOCK(st.st_mode):
    print("sock")
elif stat.S_ISCHR(st.st_mode):
    print("chr %d:%d" % (os.major(st.st_rdev), os.minor(st.st_rdev)))
else:
    print("other")' "$1"
}

setup_() {
    rm -rf "$A" "$O" "$TR/fifos" &&
        mkdir "$A" "$O" "$TR/fifos" &&
        printf 'orig\n' >"$O/f" &&
        printf 'orig\n' >"$A/f" &&
        ln -s "$O" "$A/to-outside" &&
        mkfifo "$TR/fifos/fifo" || framework_failure_ "cannot set up $T"
    if [ "$have_chr" = yes ]; then
        "$PYTHON3" -c '
import os, stat, sys
for p in sys.argv[1:]:
    os.mknod(p, 0o600 | stat.S_IFCHR, os.makedev(1, 3))' "$O/nullclone" "$A/nullclone" ||
            framework_failure_ "mknod worked once and not now"
    fi
}

# --- what this machine can do (outside hermetic, on files below $T)
have_chr=no
setup_
# (a) FS_IOC_GETFLAGS, and setting and clearing 'd', on the filesystem of $T
have_flags=no
have_fsx=no
r=$(xp_ "getflags,$O/f")
if [ "$r" != "ok -" ]; then
    echo "note: the ioctl cases are skipped: FS_IOC_GETFLAGS on the filesystem of $T gives '$r' ($(stat -f -c %T "$T" 2>/dev/null))"
else
    r1=$(xp_ "setnodump,$O/f")
    r2=$(xp_ "getflags,$O/f")
    r3=$(xp_ "clearnodump,$O/f")
    r4=$(xp_ "getflags,$O/f")
    if [ "$r1 $r2 $r3 $r4" = "ok ok d ok ok -" ]; then
        have_flags=yes
    else
        [ "$r4" = "ok -" ] || framework_failure_ "cannot clear the no-dump flag of $O/f again ($r3, $r4)"
        echo "note: the FS_IOC_SETFLAGS cases are skipped: setting 'd' on the filesystem of $T gives '$r1' then '$r2'"
    fi
    if [ "$(xp_ "fsgetxattr,$O/f")" = ok ] && [ "$(xp_ "fssetxattr,$O/f")" = ok ]; then
        have_fsx=yes
    else
        echo "note: the FS_IOC_FSSETXATTR case is skipped: the filesystem of $T does not take it back"
    fi
fi
# FIEMAP: whatever the filesystem answers, it answers the same under the flag
fiemap_result=$(xp_ "fiemap,$O/f")
# (c) a character device node, and opening it for writing
r=$("$PYTHON3" -c '
import errno, os, stat, sys
try:
    os.mknod(sys.argv[1], 0o600 | stat.S_IFCHR, os.makedev(1, 3))
except OSError as e:
    print(errno.errorcode.get(e.errno, e.errno))
else:
    print("ok")' "$TR/probe-chr")
if [ "$r" != ok ]; then
    echo "note: the character device cases are skipped: mknod of a character device as uid $(id -u) gives $r"
elif [ "$(xp_ "open-w,$TR/probe-chr")" != ok ]; then
    echo "note: the character device cases are skipped: the filesystem of $T does not open device nodes (nodev?): $(xp_ "open-w,$TR/probe-chr")"
else
    have_chr=yes
fi
rm -f "$TR/probe-chr"

# --- the steps: under the flag (STEP|RESULT|TRACE-LINE-DETAIL, "-": no
# line); RESULT "A/B" is A with the Landlock wall and B without
STEPS=
add_() { STEPS="$STEPS$1|$2|$3
"; }
if [ "$have_flags" = yes ] || [ "$have_fsx" = yes ]; then
    add_ "getflags,$O/f" "ok -" -
    add_ "fiemap,$O/f" "$fiemap_result" -
fi
if [ "$have_flags" = yes ]; then
    add_ "setnodump,$O/f" EPERM "ioctl path=$O/f"
    add_ "getflags,$O/f" "ok -" -
    add_ "setnodump,$A/f" ok -
    add_ "getflags,$A/f" "ok d" -
    add_ "clearnodump,$A/f" ok -
fi
if [ "$have_fsx" = yes ]; then
    add_ "fsgetxattr,$O/f" ok -
    add_ "fssetxattr,$O/f" EPERM "ioctl path=$O/f"
    add_ "fssetxattr,$A/f" ok -
fi
add_ "bind,$O/sock" EPERM "bind unix=$O/sock"
add_ "bind,$A/to-outside/sock2" EPERM "bind unix=$O/sock2"
add_ "bind,$A/sock" ok -
add_ "bind-abstract,$ABSTRACT" ok -
add_ "bind-unnamed" ok -
add_ "bind-inet" ok -
if [ "$have_chr" = yes ]; then
    add_ "open-w,$O/nullclone" EPERM "openat? path=$O/nullclone"
    add_ "open-w,$A/nullclone" ok -
fi
add_ "openonly-w,/dev/null" ok -
add_ "openonly-rw,$TR/fifos/fifo" EACCES/ok -
# last: relative to a working directory outside
add_ "chdir,$O" ok -
add_ "bind,rel-sock" EPERM "bind unix=$O/rel-sock"
printf '%s' "$STEPS" >"$T/steps"
steps=$(sed 's/|.*//' "$T/steps")

for mode in landlock no-landlock; do
    setup_
    "$PYTHON3" "$SNAP" "$O" >"$T/outside.before" || framework_failure_ "snapshot"
    case $mode in
    landlock) set -- env HERMETIC_DEBUG=1 ;;
    *) set -- env HERMETIC_DEBUG=1 HERMETIC_TEST_NO_LANDLOCK=1 ;;
    esac
    # shellcheck disable=SC2086
    run_ "$@" "$HERMETIC" --trace --fs-readonly --allow-write "$A" -- "$PYTHON3" "$XP" $steps
    expect_rc 0 "exit status ($mode)"
    case $mode in
    landlock) expect_err '^hermetic: debug: filesystem walls: ptrace checks; Landlock on ' ;;
    *) expect_err '^hermetic: debug: filesystem walls: ptrace checks; Landlock off \(HERMETIC_TEST_NO_LANDLOCK\)' ;;
    esac
    pid=$(run_pid)
    n=0
    while IFS='|' read -r s want line; do
        case $want in
        */*) if [ $mode = landlock ]; then want=${want%/*}; else want=${want#*/}; fi ;;
        esac
        expect_step "$s" "$want"
        if [ "$line" != - ]; then
            sc=${line%% *}
            detail=${line#* }
            expect_err "^\[hermetic\] blocked $sc $(re_ "$detail") reason=fs-readonly pid=$pid\$"
            n=$((n + 1))
        fi
    done <"$T/steps"
    expect_trace_lines $n
    expect_summary "blocked $n actions ($n filesystem)"

    # on disk: nothing outside changed (no socket file, no flag, the same
    # ctime), and inside what the program did is there
    "$PYTHON3" "$SNAP" "$O" >"$T/outside.after" || framework_failure_ "snapshot"
    cmp -s "$T/outside.before" "$T/outside.after" ||
        { diff "$T/outside.before" "$T/outside.after"; fail_ "$mode: $O changed"; }
    for f in sock sock2 rel-sock; do
        [ "$(kind_ "$O/$f")" = absent ] || fail_ "$mode: $O/$f was made"
    done
    [ "$(kind_ "$A/sock")" = sock ] || fail_ "$mode: the socket $A/sock was not made ($(kind_ "$A/sock"))"
    if [ "$have_flags" = yes ]; then
        [ "$(xp_ "getflags,$O/f")" = "ok -" ] || fail_ "$mode: $O/f has the no-dump flag"
        [ "$(xp_ "getflags,$A/f")" = "ok -" ] || fail_ "$mode: $A/f kept the no-dump flag"
        command -v lsattr >/dev/null 2>&1 && lsattr "$O/f" | grep -q '^[^ ]*d' &&
            fail_ "$mode: lsattr shows the no-dump flag on $O/f: $(lsattr "$O/f")"
    fi
    if [ "$have_chr" = yes ]; then
        [ "$(kind_ "$O/nullclone")" = "chr 1:3" ] || fail_ "$mode: $O/nullclone is no longer the device node"
    fi
    pass_ "$mode: $n changes denied with EPERM and a line each ($(
        [ "$have_flags" = yes ] && printf 'FS_IOC_SETFLAGS, '
        [ "$have_fsx" = yes ] && printf 'FS_IOC_FSSETXATTR, '
        printf 'bind'
        [ "$have_chr" = yes ] && printf ', a device node'
    )), $O unchanged; queries, --allow-write, abstract, unnamed and inet binds, /dev/null work, a FIFO as the wall says"
done

# --- without the flag the same calls change the filesystem
setup_
OFF="bind,$O/sock bind-abstract,$ABSTRACT"
[ "$have_flags" = yes ] && OFF="$OFF setnodump,$O/f getflags,$O/f"
[ "$have_chr" = yes ] && OFF="$OFF open-w,$O/nullclone"
# shellcheck disable=SC2086
run_ "$HERMETIC" --trace -- "$PYTHON3" "$XP" $OFF
if [ "$have_flags" = yes ]; then
    # clear the flag again, whatever the run did (cleanup needs no
    # flag, but leave nothing set)
    xp_ "clearnodump,$O/f" >/dev/null
fi
expect_rc 0 "exit status (no --fs-readonly)"
expect_no_trace
expect_step "bind,$O/sock" ok
[ "$(kind_ "$O/sock")" = sock ] || fail_ "without --fs-readonly the socket $O/sock was not made"
expect_step "bind-abstract,$ABSTRACT" ok
if [ "$have_flags" = yes ]; then
    expect_step "setnodump,$O/f" ok
    expect_step "getflags,$O/f" "ok d"
    [ "$(xp_ "getflags,$O/f")" = "ok -" ] || fail_ "the no-dump flag of $O/f could not be cleared"
fi
[ "$have_chr" = yes ] && expect_step "open-w,$O/nullclone" ok
pass_ "without --fs-readonly the bind$([ "$have_flags" = yes ] && echo ', FS_IOC_SETFLAGS')$([ "$have_chr" = yes ] && echo ', the device node') work"
