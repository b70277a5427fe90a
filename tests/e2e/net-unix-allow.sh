#!/bin/sh
# SPDX-License-Identifier: MIT
# --allow-unix=DIR and --allow-unix=PATH name sockets, and the kernel
# resolves the name the program passes to connect(): the rule must hold
# for the socket the kernel reaches, however the program spells it.
#
# Under --no-network --allow-unix=$T/allowed, a socket bound outside
# hermetic in $T/secret must stay out of reach when the program names it
# $T/allowed/../secret/s.sock, or through a symlink inside the allowed
# directory (a program that can write there could make one); without the
# guard both spellings reach it, so the technique is real. And a socket
# that is allowed stays allowed when named relatively to the working
# directory, or with "./" or "//" in the path.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"

require_python_

mkdir "$T/allowed" "$T/secret" || framework_failure_ "mkdir"
start_net_listener secret unix "$T/secret/s.sock" || framework_failure_ "secret listener"
start_net_listener ok unix "$T/allowed/a.sock" || framework_failure_ "allowed listener"
ln -s "$T/secret/s.sock" "$T/allowed/link.sock" || framework_failure_ "ln -s"

DOTDOT="unix,$T/allowed/../secret/s.sock"
LINK="unix,$T/allowed/link.sock"
DIRECT="unix,$T/allowed/a.sock"

# the guard off: both spellings reach the secret socket
run_h --trace -- "$PYTHON3" "$NP" "$DOTDOT" "$LINK"
expect_rc 0
expect_step "$DOTDOT" ok
expect_step "$LINK" ok
expect_no_trace
expect_count 2 secret

# a socket really in the allowed directory is allowed
run_h --trace --no-network --allow-unix="$T/allowed" -- "$PYTHON3" "$NP" "$DIRECT"
expect_rc 0
expect_step "$DIRECT" ok
expect_no_trace
expect_count 1 ok

# leaving the allowed directory by ".." or by a symlink must be denied
run_h --trace --no-network --allow-unix="$T/allowed" -- "$PYTHON3" "$NP" "$DOTDOT" "$LINK"
expect_rc 0
expect_count 2 secret
expect_step "$DOTDOT" EPERM
expect_step "$LINK" EPERM
expect_trace connect "unix=$T/allowed/../secret/s.sock" no-network
expect_trace connect "unix=$T/allowed/link.sock" no-network

# other spellings of an allowed socket are that socket
REL="unix,a.sock"
DOT="unix,$T/allowed/./a.sock"
SLASH="unix,$T/allowed//a.sock"
run_h --trace --no-network --allow-unix="$T/allowed/a.sock" -- "$PYTHON3" "$NP" \
    "chdir,$T/allowed" "$REL" "$DOT" "$SLASH"
expect_rc 0
expect_step "$REL" ok
expect_step "$DOT" ok
expect_step "$SLASH" ok
expect_no_trace
expect_count 4 ok

pass_ "--allow-unix rules hold for the socket the kernel reaches, however it is named"
