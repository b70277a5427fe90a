#!/bin/sh
# SPDX-License-Identifier: MIT
# A sockaddr checked at the seccomp stop must be the one the kernel uses:
# a thread flips the connect() buffer between an allowed loopback address
# and an outside one. With the hold (hermetic's default) no connect may ever
# reach the outside address; with the hold off (HERMETIC_TEST_NO_FREEZE, a
# test-only knob) the same program does reach it, which shows the test can
# see the race. UDP connects send nothing, so nothing leaves the machine.
. "${top_srcdir:-.}/tests/e2e/lib.sh"
require_python_

P="$SECPY/race_sockaddr.py"
port=45678

run_h --no-network --allow-localhost -- "$PYTHON3" "$P" "$port" 3
expect_rc 0
read -r _ allowed _ denied _ outside <"$T/out" || framework_failure_ "no counts"
echo "with the hold: allowed $allowed, denied $denied, outside $outside"
[ "$outside" = 0 ] || fail_ "$outside connects reached the outside address"
[ "$allowed" -gt 100 ] && [ "$denied" -gt 100 ] ||
    framework_failure_ "the race did not run both ways (allowed $allowed, denied $denied)"

HERMETIC_TEST_NO_FREEZE=1 run_h --no-network --allow-localhost -- "$PYTHON3" "$P" "$port" 3
expect_rc 0
read -r _ allowed _ denied _ outside <"$T/out" || framework_failure_ "no counts"
echo "without the hold: allowed $allowed, denied $denied, outside $outside"
[ "$outside" -gt 0 ] ||
    fail_ "without the hold no connect reached the outside address: the test cannot see the race"
pass_ "the hold closed the race ($outside outside connects without it, 0 with it)"
