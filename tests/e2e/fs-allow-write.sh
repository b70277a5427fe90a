#!/bin/sh
# SPDX-License-Identifier: MIT
# --fs-readonly --allow-write DIR: below DIR the program creates, writes,
# renames, links, makes directories and symbolic links, truncates, chmods
# and deletes as usual (by absolute and relative paths, through a
# symbolic link inside, and by reopening a descriptor through
# /proc/self/fd/N and /dev/fd/N); a sibling that only shares the prefix
# (allowed2) is not below it. Every way out is denied and the files
# outside stay as they were: a symbolic link inside pointing outside (to a
# file, to a directory, dangling), allowed/../outside, a dirfd of the
# outside directory, /proc/self/fd/N and /dev/fd/N of a descriptor opened
# read-only outside, /dev/fd/0 and /dev/stdout once such a descriptor is
# dup2()ed onto 0 or 1, a rename out of DIR and into it, a hard link of an
# outside file into DIR and of a file of DIR outside, a symbolic link made
# outside. With the Landlock wall on, the kernel may be the one that says
# no (EACCES); with HERMETIC_TEST_NO_LANDLOCK=1 the ptrace checks alone
# must deny each with EPERM and a trace line. DIR may be given through a
# symbolic link, with a trailing slash, or relative to hermetic's working
# directory.
#
# Every file touched lives below $T: "outside" is $T/outside.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"
require_python_

FP="$PY/fs_probe.py"
SNAP="$PY/fs_snap.py"
TR=$(cd "$T" && pwd -P) || framework_failure_ "cannot resolve $T"
A="$TR/allowed"
O="$TR/outside"

setup_() {
    rm -rf "$A" "$O" "$TR/allowed2" &&
        mkdir "$A" "$A/dir2" "$O" "$TR/allowed2" &&
        printf 'orig\n' >"$A/keep" &&
        printf 'orig\n' >"$A/gone" &&
        printf 'orig\n' >"$A/trunc" &&
        printf 'orig\n' >"$A/mover" &&
        printf 'orig\n' >"$A/reopen" &&
        printf 'orig\n' >"$A/reopen2" &&
        printf 'orig\n' >"$O/f" &&
        printf 'orig\n' >"$O/g" &&
        chmod 644 "$A/keep" || framework_failure_ "cannot set up $T"
    "$PYTHON3" "$SNAP" "$O" >"$T/outside.before" &&
        "$PYTHON3" "$SNAP" "$TR/allowed2" >"$T/allowed2.before" ||
        framework_failure_ "snapshot"
}

# What works below the allowed directory (in this order).
INSIDE="open-creat-w,$A/new
open-w,$A/keep
rename,$A/new,$A/renamed
replace,$A/mover,$A/moved
link,$A/moved,$A/hardlink
mkdir,$A/dir
mkdir-at,$A,dir3
rmdir,$A/dir2
symlink,renamed,$A/link
open-append,$A/link
truncate,$A/trunc
chmod,$A/keep
unlink,$A/gone
reopen-fd,$A/reopen
reopen-devfd,$A/reopen2
chdir,$A
open-creat-w,relative"

# The ways out: STEP|PATH of the trace line ("?" when which name the line
# gives is hermetic's choice). The symbolic links they use are made first
# (they are inside, and point below $T).
LINKS="symlink,$O/f,$A/to-f
symlink,$O,$A/to-dir
symlink,$O/created,$A/dangling"
ESCAPES="open-w,$A/to-f|$O/f
open-creat-w,$A/to-dir/new|$O/new
open-creat-w,$A/dangling|$O/created
open-w,$A/../outside/f|$O/f
mkdir,$A/../outside/newdir|$O/newdir
open-at,$O,f|$O/f
reopen-fd,$O/f|$O/f
reopen-devfd,$O/f|?
dup-stdin,$O/f|?
dup-stdout,$O/f|?
rename,$A/keep,$O/moved-out|$O/moved-out
rename,$O/g,$A/stolen|$O/g
link,$O/f,$A/hard|$O/f
link,$A/moved,$O/hard-out|$O/hard-out
symlink,$A/keep,$O/sym-out|$O/sym-out
open-creat-w,$TR/allowed2/f|$TR/allowed2/f"

steps=$(printf '%s\n%s\n%s\n' "$INSIDE" "$LINKS" "$ESCAPES" | sed 's/|.*//')

# The checks of the two main runs do not stop at the first failure, so
# that the log shows every case that went wrong: soft_ CHECK... runs a
# check (an expect_* or fail_) in a subshell and prints its FAIL line;
# the test fails at the end. test_ MSG CMD... and is_ MSG GOT WANT are
# checks for soft_.
nfail=0
soft_() {
    ( "$@" ) >"$T/soft" 2>&1 && return 0
    grep '^FAIL: ' "$T/soft"
    nfail=$((nfail + 1))
    mode_failed=yes
}
test_() { _m=$1; shift; "$@" || fail_ "$_m"; }
is_() { [ "$2" = "$3" ] || fail_ "$1 (got '$2', expected '$3')"; }

for mode in landlock no-landlock; do
    setup_
    case $mode in
    landlock) set -- env HERMETIC_DEBUG=1 ;;
    *) set -- env HERMETIC_DEBUG=1 HERMETIC_TEST_NO_LANDLOCK=1 ;;
    esac
    # shellcheck disable=SC2086
    run_ "$@" "$HERMETIC" --trace --fs-readonly --allow-write "$A" -- "$PYTHON3" "$FP" $steps
    expect_rc 0 "exit status ($mode)"
    case $mode in
    landlock) expect_err '^hermetic: debug: filesystem walls: ptrace checks; Landlock on ' ;;
    *) expect_err '^hermetic: debug: filesystem walls: ptrace checks; Landlock off \(HERMETIC_TEST_NO_LANDLOCK\)' ;;
    esac
    pid=$(run_pid)

    # --- inside: every step works, and did what it says
    mode_failed=
    for s in $INSIDE $LINKS; do
        soft_ expect_step "$s" ok
    done
    soft_ test_ "$mode: $A/new was not created and renamed" [ -f "$A/renamed" ]
    soft_ test_ "$mode: $A/new is still there after the rename" [ ! -e "$A/new" ]
    soft_ is_ "$mode: $A/keep was not written" "$(cat "$A/keep" 2>&1)" Xrig
    soft_ is_ "$mode: $A/keep was not chmodded" "$(stat -c %a "$A/keep" 2>&1)" 600
    soft_ test_ "$mode: os.replace did not make $A/moved" [ -f "$A/moved" ]
    soft_ test_ "$mode: os.replace left $A/mover" [ ! -e "$A/mover" ]
    soft_ is_ "$mode: $A/hardlink is not a hard link of $A/moved" "$(stat -c %h "$A/moved" 2>&1)" 2
    soft_ test_ "$mode: mkdir did not happen" [ -d "$A/dir" ]
    soft_ test_ "$mode: mkdirat did not happen" [ -d "$A/dir3" ]
    soft_ test_ "$mode: rmdir did not happen" [ ! -e "$A/dir2" ]
    soft_ is_ "$mode: $A/link is not the symbolic link made" "$(readlink "$A/link")" renamed
    soft_ is_ "$mode: $A/renamed was not written, then appended to through $A/link" "$(cat "$A/renamed" 2>&1)" XX
    soft_ test_ "$mode: $A/trunc was not truncated" [ ! -s "$A/trunc" ]
    soft_ test_ "$mode: $A/gone was not deleted" [ ! -e "$A/gone" ]
    soft_ is_ "$mode: $A/reopen was not written through /proc/self/fd" "$(cat "$A/reopen" 2>&1)" Xrig
    soft_ is_ "$mode: $A/reopen2 was not written through /dev/fd" "$(cat "$A/reopen2" 2>&1)" Xrig
    soft_ is_ "$mode: $A/relative was not created by its relative path" "$(cat "$A/relative" 2>&1)" X

    # --- the ways out
    n=0
    printf '%s\n' "$ESCAPES" >"$T/escapes"
    while IFS='|' read -r s path; do
        case $mode in
        landlock) soft_ expect_step_re "$s" 'EPERM|EACCES' ;;
        *) soft_ expect_step "$s" EPERM ;;
        esac
        if [ "$mode" = no-landlock ] && [ "$path" != "?" ]; then
            soft_ expect_err "^\[hermetic\] blocked [a-z0-9]+ path=$(re_ "$path") reason=fs-readonly pid=$pid\$"
        fi
        n=$((n + 1))
    done <"$T/escapes"
    "$PYTHON3" "$SNAP" "$O" >"$T/outside.after" || framework_failure_ "snapshot"
    if ! cmp -s "$T/outside.before" "$T/outside.after"; then
        diff "$T/outside.before" "$T/outside.after"
        soft_ fail_ "$mode: $O changed"
    fi
    "$PYTHON3" "$SNAP" "$TR/allowed2" >"$T/allowed2.after" || framework_failure_ "snapshot"
    soft_ test_ "$mode: $TR/allowed2 changed" cmp -s "$T/allowed2.before" "$T/allowed2.after"
    soft_ test_ "$mode: a rename out of $A happened" [ -f "$A/keep" ]
    soft_ test_ "$mode: a rename into $A happened" [ ! -e "$A/stolen" ]
    soft_ test_ "$mode: a hard link into $A was made" [ ! -e "$A/hard" ]
    if [ "$mode" = no-landlock ]; then
        soft_ expect_trace_lines $n
        soft_ expect_summary "blocked $n actions ($n filesystem)"
    fi
    if [ -n "$mode_failed" ]; then
        show_
    else
        pass_ "$mode: changes below --allow-write work, $n ways out denied, $O unchanged"
    fi
done

# --- --allow-write through a symbolic link, and with a trailing slash
ln -s allowed "$TR/alias" || framework_failure_ "ln -s"
for aw in "$TR/alias" "$A/" "$TR/alias/"; do
    setup_
    run_ "$HERMETIC" --trace --fs-readonly --allow-write "$aw" -- "$PYTHON3" "$FP" \
        "open-creat-w,$A/a" "open-creat-w,$TR/alias/b" "open-creat-w,$O/c"
    expect_rc 0 "exit status (--allow-write $aw)"
    expect_step "open-creat-w,$A/a" ok
    expect_step "open-creat-w,$TR/alias/b" ok
    expect_step "open-creat-w,$O/c" EPERM
    [ "$(cat "$A/a")$(cat "$A/b")" = XX ] || fail_ "--allow-write $aw: the files below it were not written"
    [ ! -e "$O/c" ] || fail_ "--allow-write $aw: $O/c was made"
    expect_err "^\[hermetic\] blocked openat path=$(re_ "$O/c") reason=fs-readonly pid=$(run_pid)\$"
    expect_trace_lines 1
done
pass_ "--allow-write through a symbolic link and with a trailing slash"

# --- a relative --allow-write, from hermetic's working directory
setup_
for mode in landlock no-landlock; do
    case $mode in
    landlock) set -- env HERMETIC_DEBUG=1 ;;
    *) set -- env HERMETIC_DEBUG=1 HERMETIC_TEST_NO_LANDLOCK=1 ;;
    esac
    (cd "$TR" && run_ "$@" "$HERMETIC" --trace --fs-readonly --allow-write allowed -- \
        "$PYTHON3" "$FP" "open-creat-w,$A/rel-$mode" "open-creat-w,$O/rel-$mode" \
        "chdir,$TR" "open-creat-w,allowed/rel2-$mode" "open-creat-w,outside/rel2-$mode"
    echo "$rc" >"$T/rc") || exit $?
    rc=$(cat "$T/rc")
    expect_rc 0 "exit status (relative, $mode)"
    case $mode in
    landlock) expect_err '^hermetic: debug: filesystem walls: ptrace checks; Landlock on ' ;;
    esac
    expect_step "open-creat-w,$A/rel-$mode" ok
    expect_step "chdir,$TR" ok
    expect_step "open-creat-w,allowed/rel2-$mode" ok
    [ "$(cat "$A/rel-$mode")" = X ] && [ "$(cat "$A/rel2-$mode")" = X ] ||
        fail_ "relative --allow-write ($mode): the files below it were not written"
    case $mode in
    landlock) r='EPERM|EACCES' ;;
    *) r=EPERM ;;
    esac
    expect_step_re "open-creat-w,$O/rel-$mode" "$r"
    expect_step_re "open-creat-w,outside/rel2-$mode" "$r"
    [ ! -e "$O/rel-$mode" ] && [ ! -e "$O/rel2-$mode" ] ||
        fail_ "relative --allow-write ($mode): a file was made outside it"
    expect_err "^\[hermetic\] blocked openat path=$(re_ "$O/rel-$mode") reason=fs-readonly pid=$(run_pid)\$"
    expect_err "^\[hermetic\] blocked openat path=$(re_ "$O/rel2-$mode") reason=fs-readonly pid=$(run_pid)\$"
    expect_trace_lines 2
    pass_ "relative --allow-write allowed ($mode): resolved from hermetic's working directory"
done

[ "$nfail" = 0 ] || { echo "FAIL: $nfail checks failed (see above)"; exit 1; }
