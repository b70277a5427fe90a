#!/bin/sh
# SPDX-License-Identifier: MIT
# Every long option `hermetic --help` lists is documented in the man page
# source man/hermetic.1.in (roff dashes "\-" read as "-"), as a whole
# option name (--no-env does not count as --no-environment). A stub man
# page fails this test, as it should.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$E2E/proc-helpers.inc"

man="$top_srcdir/man/hermetic.1.in"
[ -f "$man" ] || fail_ "no man page source $man"

run_h --help
expect_rc 0 "exit status of --help"
grep -o -- '--[a-z][a-z0-9-]*' "$T/out" | sed 's/-*$//' | sort -u >"$T/opts"
[ "$(wc -l <"$T/opts" | tr -d ' ')" -ge 20 ] ||
    fail_ "--help lists fewer long options than expected: $(tr '\n' ' ' <"$T/opts")"

# roff: \- \(hy \(en are dashes, \& and \% are zero-width, font changes
# (\fB \fI \fR \fP \f(CW) are markup
sed -e 's/\\-/-/g' -e 's/\\(hy/-/g' -e 's/\\(en/-/g' -e 's/\\&//g' \
    -e 's/\\%//g' -e 's/\\f(..//g' -e 's/\\f\[[^]]*\]//g' -e 's/\\f.//g' \
    "$man" >"$T/man.txt"

missing=
while read -r opt; do
    grep -Eq -- "(^|[^a-z0-9-])$opt([^a-z0-9-]|\$)" "$T/man.txt" ||
        missing="$missing $opt"
done <"$T/opts"
[ -z "$missing" ] || fail_ "options in --help missing from man/hermetic.1.in:$missing"
pass_ "all $(wc -l <"$T/opts" | tr -d ' ') long options of --help are in the man page"
