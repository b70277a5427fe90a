#!/bin/sh
# SPDX-License-Identifier: MIT
# --fs-readonly denies every system call that changes the filesystem. Each
# case below is one change (an open that may write, creat, unlink(at),
# rmdir, mkdir(at), rename(at,at2), link(at), symlink(at), truncate,
# ftruncate and fallocate on an inherited read-write descriptor, chmod,
# fchmod, fchmodat, fchmodat2, chown, fchown, lchown, fchownat, utime,
# utimes, futimesat, utimensat (with a path, a dirfd, and a descriptor
# alone), mknod(at), the xattr calls, mount and umount2), made from real
# Python (the os module, ctypes where it has no wrapper) on a file in a
# directory of its own below $T. Under --fs-readonly every one fails with
# EPERM, hermetic prints a "blocked SYSCALL path=RESOLVED reason=
# fs-readonly" line for it, and the directory is the same afterwards
# (existence, content, mode, owner, times including the ctime, xattrs,
# links), with the Landlock wall on (the default) and off
# (HERMETIC_TEST_NO_LANDLOCK=1: the ptrace checks alone). Without the
# flag the same program makes every change, which shows each case changes
# something. Reading (open, stat, listdir) works under the flag.
#
# Every file touched lives below $T; the only symbolic link points to a
# file next to it.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"
require_python_

FP="$PY/fs_probe.py"
SNAP="$PY/fs_snap.py"
TR=$(cd "$T" && pwd -P) || framework_failure_ "cannot resolve $T"
W="$TR/w"

# The cases, one a line: NAME STEP SYSCALL-ERE PATH-IN-THE-LINE
# WITHOUT-THE-FLAG [x: needs xattrs] (PATH "-": the line has none).
# @ stands for the case's own directory $W/NAME, which holds f (a file,
# "orig", mode 644, xattr user.keep), sub/ (an empty directory) and l (a
# symbolic link to f). WITHOUT THE FLAG is the ERE of the step's result
# with the guard off, and "ok" cases must change the directory; "same"
# means ok with nothing to see (O_RDONLY|O_APPEND opens, writes nothing).
# The SYSCALL ERE allows the *at forms where the C library may pick them.
# ftruncate and fallocate use descriptors 3 and 4, opened read-write by
# the shell before hermetic starts (so the open is not what is denied).
cat >"$T/cases" <<'EOF'
open-w         open-w,@/f          openat?                    @/f   ok
open-rw        open-rw,@/f         openat?                    @/f   ok
open-creat     open-creat,@/new    openat?                    @/new ok
open-creat-w   open-creat-w,@/new  openat?                    @/new ok
open-excl      open-excl,@/new     openat?                    @/new ok
open-trunc     open-trunc,@/f      openat?                    @/f   ok
open-append    open-append,@/f     openat?                    @/f   ok
open-append-ro open-append-ro,@/f  openat?                    @/f   same
open-symlink   open-w,@/l          openat?                    @/f   ok
open-at        open-at,@,new       openat                     @/new ok
open-raw       open-raw,@/f        open                       @/f   ok
creat          creat,@/new         creat                      @/new ok
ftruncate      ftruncate,3         ftruncate                  @/f   ok
fallocate      fallocate,4         fallocate                  @/f   ok
fchmod         fchmod,@/f          fchmod                     @/f   ok
fchown         fchown,@/f          fchown                     @/f   ok
fsetxattr      fsetxattr,@/f       fsetxattr                  @/f   ok           x
fremovexattr   fremovexattr,@/f    fremovexattr               @/f   ok           x
futimens       futimens,@/f        utimensat                  @/f   ok
unlink         unlink,@/f          unlink(at)?                @/f   ok
unlink-at      unlink-at,@,f       unlinkat                   @/f   ok
unlink-symlink unlink,@/l          unlink(at)?                @/l   ok
rmdir          rmdir,@/sub         rmdir|unlinkat             @/sub ok
rmdir-at       rmdir-at,@,sub      unlinkat                   @/sub ok
mkdir          mkdir,@/new         mkdir(at)?                 @/new ok
mkdir-at       mkdir-at,@,new      mkdirat                    @/new ok
rename         rename,@/f,@/new    rename(at2?)?              @/f   ok
replace        replace,@/f,@/sub/f rename(at2?)?              @/f   ok
rename-at      rename-at,@,f,new   renameat2?                 @/f   ok
renameat2      renameat2,@/f,@/new renameat2                  @/f   ok
link           link,@/f,@/new      link(at)?                  @/f   ok
link-at        link-at,@,f,new     linkat                     @/f   ok
symlink        symlink,f,@/new     symlink(at)?               @/new ok
symlink-at     symlink-at,@,f,new  symlinkat                  @/new ok
truncate       truncate,@/f        truncate                   @/f   ok
chmod          chmod,@/f           chmod|fchmodat2?           @/f   ok
chmod-symlink  chmod,@/l           chmod|fchmodat2?           @/f   ok
chmod-at       chmod-at,@,f        fchmodat2?                 @/f   ok
fchmodat2      fchmodat2,@/f       fchmodat2                  @/f   ok
chown          chown,@/f           chown|fchownat             @/f   ok
lchown         lchown,@/l          lchown|fchownat            @/l   ok
chown-at       chown-at,@,f        fchownat                   @/f   ok
utime          utime-raw,@/f       utime                      @/f   ok
utimes         utimes-raw,@/f      utimes                     @/f   ok
futimesat      futimesat,@,f       futimesat                  @/f   ok
utimensat      utimensat,@/f       utimensat                  @/f   ok
utimensat-at   utimensat-at,@,f    utimensat                  @/f   ok
mknod          mknod-raw,@/new     mknod                      @/new ok
mkfifo         mkfifo,@/new        mknod(at)?                 @/new ok
mkfifo-at      mkfifo-at,@,new     mknodat                    @/new ok
mknod-reg      mknod-reg,@/new     mknod(at)?                 @/new ok
setxattr       setxattr,@/f        setxattr(at)?              @/f   ok           x
lsetxattr      lsetxattr,@/f       lsetxattr|setxattrat       @/f   ok           x
removexattr    removexattr,@/f     removexattr(at)?           @/f   ok           x
lremovexattr   lremovexattr,@/f    lremovexattr|removexattrat @/f   ok           x
mount          mount,@/sub         mount                      -     ENOENT|EPERM
umount         umount,@/sub        umount2?                   -     EINVAL|EPERM
EOF

# Does the filesystem of $T take user.* extended attributes?
if "$PYTHON3" -c 'import os, sys; os.setxattr(sys.argv[1], "user.hermetic", b"1")' "$T" 2>"$T/xattr.err"; then
    have_xattr=yes
else
    have_xattr=no
    echo "note: the xattr cases are skipped: the filesystem of $T takes no user.* xattrs ($(tail -n 1 "$T/xattr.err"))"
fi

if [ "$have_xattr" = yes ]; then
    cp "$T/cases" "$T/cases.tab"
else
    grep -v ' x$' "$T/cases" >"$T/cases.tab"
fi

# setup_: a fresh $W with one directory per case, and its snapshot.
setup_() {
    rm -rf "$W" && mkdir "$W" "$W/reads" || framework_failure_ "mkdir $W"
    printf 'orig\n' >"$W/reads/f"
    while read -r name _rest; do
        mkdir "$W/$name" "$W/$name/sub" &&
            printf 'orig\n' >"$W/$name/f" &&
            chmod 644 "$W/$name/f" &&
            ln -s f "$W/$name/l" || framework_failure_ "cannot set up $W/$name"
    done <"$T/cases.tab"
    if [ "$have_xattr" = yes ]; then
        "$PYTHON3" -c '
import os, sys
for d in os.listdir(sys.argv[1]):
    os.setxattr(os.path.join(sys.argv[1], d, "f"), "user.keep", b"k")' "$W" ||
            framework_failure_ "cannot set the xattrs"
    fi
    "$PYTHON3" "$SNAP" "$W" >"$T/before" || framework_failure_ "snapshot"
}

# snap_of FILE NAME: the lines of case NAME in snapshot FILE.
snap_of() { grep -E "^$(re_ "$2")(/| )" "$1"; }

# The steps of every case, with @ replaced; read steps at the end.
steps=
while read -r name step _rest; do
    steps="$steps $(printf '%s' "$step" | sed "s|@|$W/$name|g")"
done <"$T/cases.tab"
READS="read,$W/reads/f stat,$W/reads/f listdir,$W/reads"
steps="$steps $READS"

# run_all_ MODE: run all steps, with the descriptors 3 and 4 the shell
# opened; MODE is landlock, no-landlock or off.
run_all_() {
    case $1 in
    landlock) set -- env HERMETIC_DEBUG=1 "$HERMETIC" --trace --fs-readonly ;;
    no-landlock) set -- env HERMETIC_DEBUG=1 HERMETIC_TEST_NO_LANDLOCK=1 "$HERMETIC" --trace --fs-readonly ;;
    off) set -- "$HERMETIC" --trace ;;
    esac
    # shellcheck disable=SC2086
    run_ "$@" -- "$PYTHON3" "$FP" $steps 3<>"$W/ftruncate/f" 4<>"$W/fallocate/f"
    "$PYTHON3" "$SNAP" "$W" >"$T/after" || framework_failure_ "snapshot"
}

expect_reads_() {
    expect_step "read,$W/reads/f" "ok orig"
    expect_step "stat,$W/reads/f" ok
    expect_step "listdir,$W/reads" "ok f"
    [ "$(snap_of "$T/before" reads)" = "$(snap_of "$T/after" reads)" ] ||
        fail_ "reading changed $W/reads"
}

# --- under --fs-readonly: Landlock on, then the ptrace checks alone
for mode in landlock no-landlock; do
    setup_
    run_all_ $mode
    expect_rc 0 "exit status ($mode)"
    case $mode in
    landlock) expect_err '^hermetic: debug: filesystem walls: ptrace checks; Landlock on ' ;;
    *) expect_err '^hermetic: debug: filesystem walls: ptrace checks; Landlock off \(HERMETIC_TEST_NO_LANDLOCK\)' ;;
    esac
    pid=$(run_pid)
    n=0
    while read -r name step sc path _off _x; do
        s=$(printf '%s' "$step" | sed "s|@|$W/$name|g")
        if grep -Fxq -- "$s -> n/a" "$T/out"; then
            echo "note: $name skipped: no such system call on $(uname -m)"
            continue
        fi
        expect_step "$s" EPERM
        if [ "$path" = - ]; then
            expect_err "^\[hermetic\] blocked ($sc) reason=fs-readonly pid=$pid\$"
        else
            p=$(printf '%s' "$path" | sed "s|@|$W/$name|g")
            expect_err "^\[hermetic\] blocked ($sc) path=$(re_ "$p") reason=fs-readonly pid=$pid\$"
        fi
        snap_of "$T/before" "$name" >"$T/b1"
        snap_of "$T/after" "$name" >"$T/a1"
        cmp -s "$T/b1" "$T/a1" || { diff "$T/b1" "$T/a1"; fail_ "$name ($mode): the denied call changed $W/$name"; }
        n=$((n + 1))
    done <"$T/cases.tab"
    expect_trace_lines $n
    expect_summary "blocked $n actions ($n filesystem)"
    expect_reads_
    pass_ "$mode: $n changes denied with EPERM and a line each, nothing changed on disk, reading works"
done

# --- without the flag the same steps change the filesystem
setup_
run_all_ off
expect_rc 0 "exit status (no --fs-readonly)"
expect_no_trace
while read -r name step _sc _path off _x; do
    s=$(printf '%s' "$step" | sed "s|@|$W/$name|g")
    grep -Fxq -- "$s -> n/a" "$T/out" && continue
    case $off in
    same) expect_step "$s" ok ;;
    *) expect_step_re "$s" "$off" ;;
    esac
    snap_of "$T/before" "$name" >"$T/b1"
    snap_of "$T/after" "$name" >"$T/a1"
    if [ "$off" = ok ]; then
        ! cmp -s "$T/b1" "$T/a1" || fail_ "$name: '$s' changed nothing in $W/$name even without --fs-readonly: the case proves nothing"
    else
        cmp -s "$T/b1" "$T/a1" || { diff "$T/b1" "$T/a1"; fail_ "$name: '$s' changed $W/$name"; }
    fi
done <"$T/cases.tab"
expect_reads_
pass_ "without --fs-readonly every change is made"
