#!/bin/sh
# SPDX-License-Identifier: MIT
# The command line: a missing "--" is exit 125 with a message saying to add
# it; unknown options and bad values are 125; --version prints
# "hermetic X.Y.Z"; --help exits 0; --no-code-exec and
# --no-interpreter-mutation are refused (no system-call boundary);
# --allow-domain and --allow-host without --no-network and malformed rules
# are refused with the rule named; --fs-readonly= with an empty root, --allow-read without a root and --allow-write without
# --fs-readonly are refused; --fs-readonly runs
# the target, whose write fails unless below an --allow-write directory;
# --block-native runs the target (no longer "not supported yet"), alone
# and with the other guards; --deny-import runs the target (no longer "not
# supported yet") and refuses a NAME that is not a module name with 125;
# --seal is accepted. A refused command line never starts the target (its
# marker is absent).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$E2E/proc-helpers.inc"
require_python_

ran="$T/ran"
prog="open('$ran', 'w').close()"

# refused: exit 125, a message, and the target did not run
refused_() {
    rm -f "$ran"
    run_h "$@"
    expect_rc 125 "exit status of hermetic $*"
    [ ! -s "$T/out" ] || fail_ "hermetic $* wrote to stdout"
    expect_no_file "$ran" "the target's marker (hermetic $*)"
}

# -- missing "--"
refused_ "$PYTHON3" -c "$prog"
expect_err_is "hermetic: missing '--' before the target: write 'hermetic [OPTIONS] -- $PYTHON3 ...'"
refused_ --no-network "$PYTHON3" -c "$prog"
expect_err "^hermetic: missing '--' before the target: write 'hermetic \[OPTIONS\] -- "
refused_
expect_err "^hermetic: missing '--' before the target"
refused_ --trace
expect_err "^hermetic: missing '--'"
refused_ --
expect_err_is "hermetic: no target after '--'; try 'hermetic --help'"
pass_ "a missing '--' (or target) is 125 with a message saying to add it"

# -- unknown options, bad values
refused_ --bogus -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: unknown or ambiguous option '--bogus'; try 'hermetic --help'"
refused_ -x -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: unknown option '-x'; try 'hermetic --help'"
refused_ --trace=yes -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --trace=yes: the value can only be 'all' (also actions allowed after a look)"
refused_ --log-format=xml --log "$T/l" -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --log-format=xml: give text or json"
refused_ --log-format=json -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --log-format needs --log FILE (or --log - for standard error)"
refused_ --report "$T/no/such/dir/r.json" -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --report $T/no/such/dir/r.json: No such file or directory"
refused_ --log "$T/no/such/dir/l" -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --log $T/no/such/dir/l: No such file or directory"
refused_ --allow-exec
expect_err "^hermetic: option '--allow-exec' needs a value"
refused_ --allow-unix=relative/path -- "$PYTHON3" -c "$prog"
expect_err '^hermetic: --allow-unix=relative/path: give an absolute socket path'
pass_ "unknown options and bad values are 125"

# -- --version, --help
run_h --version
expect_rc 0
version=$(sed -n 's/^AC_INIT(\[hermetic\], *\[\([^]]*\)\].*/\1/p' "$top_srcdir/configure.ac" 2>/dev/null)
[ -z "$version" ] || expect_out_is "hermetic $version"
expect_out '^hermetic [0-9]+\.[0-9]+\.[0-9]+$'
expect_err_empty
run_h --help
expect_rc 0
expect_out '^usage: hermetic \[OPTIONS\] -- TARGET \[ARGS\.\.\.\]$'
expect_err_empty
cp "$T/out" "$T/help"
run_h -h
expect_rc 0
cmp -s "$T/help" "$T/out" || fail_ "-h and --help differ"
# --help needs no target
run_h --help --no-network
expect_rc 0
pass_ "--version prints 'hermetic X.Y.Z', --help exits 0"

# -- refused: no system-call boundary
for f in --no-code-exec --no-interpreter-mutation; do
    refused_ $f -- "$PYTHON3" -c "$prog"
    expect_err "^hermetic: $f cannot be enforced at the system-call boundary"
done
pass_ "--no-code-exec and --no-interpreter-mutation are refused with the reason"

# -- --allow-domain and --allow-host: checked rules, only with --no-network
refused_ --allow-domain x -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --allow-domain needs --no-network: without it every host may be reached"
refused_ --allow-host 10.0.0.1 -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --allow-host needs --no-network: without it every host may be reached"
refused_ --no-network --allow-domain 'exa mple.com' -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --allow-domain exa mple.com: not a host name (letters, digits, '-', '_' and dots)"
refused_ --no-network --allow-host 10.0.0.0/33 -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --allow-host 10.0.0.0/33: not an IP address or CIDR"
refused_ --no-network --allow-host db.example:70000 -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --allow-host db.example:70000: the port must be a number from 1 to 65535, or a range N-M"
refused_ --no-network --allow-host 10.1.2.3/8 -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --allow-host 10.1.2.3/8: address bits set below the prefix length"
pass_ "bad --allow-domain and --allow-host rules are 125 with the rule named"

# -- --fs-readonly=ROOT needs a root; --allow-read needs a root
refused_ --fs-readonly= -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --fs-readonly=: give the directory reading is limited to, or no '=' to limit only writes"
refused_ --fs-readonly --allow-read "$T" -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --allow-read needs --fs-readonly=ROOT: without a root every path may be read"

# -- --allow-write needs --fs-readonly
refused_ --allow-write "$T" -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --allow-write needs --fs-readonly: without it every path may be written"
refused_ --no-network --allow-write="$T" -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --allow-write needs --fs-readonly: without it every path may be written"
pass_ "--allow-write without --fs-readonly is 125"

# -- --fs-readonly runs the target: a write fails, a read works
rm -f "$ran"
run_h --fs-readonly -- "$PYTHON3" -c "$prog"
expect_rc 1 "exit status of a write under --fs-readonly"
expect_no_file "$ran" "the target's marker (--fs-readonly)"
expect_err 'PermissionError'
expect_err '^hermetic: blocked 1 action \(1 filesystem\)'
printf 'read me\n' >"$T/in"
run_h --fs-readonly -- "$PYTHON3" -c "print(open('$T/in').read(), end='')"
expect_rc 0 "exit status of a read under --fs-readonly"
expect_out_is "read me"
expect_err_empty
# below an --allow-write directory the write works
run_h --fs-readonly --allow-write "$T" -- "$PYTHON3" -c "$prog"
expect_rc 0 "exit status of a write under --allow-write"
expect_file "$ran" "the target's marker (--allow-write)"
expect_err_empty
pass_ "--fs-readonly runs the target; its write fails unless --allow-write allows it"

# -- --block-native runs the target (it was "not supported yet")
rm -f "$ran"
run_h --block-native -- "$PYTHON3" -c "$prog"
expect_rc 0 "exit status under --block-native"
expect_file "$ran" "the target's marker (--block-native)"
expect_err_empty
rm -f "$ran"
run_h --block-native --no-network --no-subprocess --fs-readonly --allow-write "$T" -- "$PYTHON3" -c "$prog"
expect_rc 0 "exit status under --block-native with the other guards"
expect_file "$ran" "the target's marker (--block-native with the other guards)"
expect_err_empty
# still refused with a refused option beside it
refused_ --block-native --allow-domain x -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --allow-domain needs --no-network: without it every host may be reached"
pass_ "--block-native runs the target"

# -- --deny-import runs the target (it was "not supported yet")
rm -f "$ran"
run_h --deny-import x -- "$PYTHON3" -c "$prog"
expect_rc 0 "exit status under --deny-import"
expect_file "$ran" "the target's marker (--deny-import)"
expect_err_empty
rm -f "$ran"
run_h --deny-import=x.y --deny-import _z1 --block-native --no-network --no-subprocess --fs-readonly --allow-write "$T" -- "$PYTHON3" -c "$prog"
expect_rc 0 "exit status under --deny-import with the other guards"
expect_file "$ran" "the target's marker (--deny-import with the other guards)"
expect_err_empty
# a NAME that is not a module name (identifiers joined by dots) is 125
for n in a-b .a a. a..b 1a a.1b 'a b' a/b "$T/x.py" x.py/; do
    refused_ --deny-import "$n" -- "$PYTHON3" -c "$prog"
    expect_err_is "hermetic: --deny-import '$n': not a module name (identifiers joined by dots, such as requests or yaml.cyaml)"
done
# the same as the --NAME=VALUE form, and after a good name
refused_ --deny-import json --deny-import=a-b -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --deny-import 'a-b': not a module name (identifiers joined by dots, such as requests or yaml.cyaml)"
# an empty NAME is a missing value
refused_ --deny-import= -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --deny-import needs a value"
refused_ --deny-import '' -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --deny-import needs a value"
# still refused with a refused option beside it
refused_ --deny-import x --allow-domain x -- "$PYTHON3" -c "$prog"
expect_err_is "hermetic: --allow-domain needs --no-network: without it every host may be reached"
pass_ "--deny-import runs the target; a NAME that is not a module name is 125"

# -- --seal is accepted: the target runs
rm -f "$ran"
run_h --seal -- "$PYTHON3" -c "$prog"
expect_rc 0
expect_file "$ran" "the target's marker (--seal)"
expect_err_empty
# and combines with a guard that still works
rm -f "$T/m"
run_h --seal --no-subprocess -- "$PYTHON3" "$PY/proc_spawn.py" subprocess "$T/m"
expect_rc 10
expect_no_file "$T/m"
pass_ "--seal is accepted"

# -- options after "--" belong to the target
run_h -- "$PYTHON3" "$PY/proc_argv.py" --bogus --version
expect_rc 0
expect_out_is '["--bogus", "--version"]'
pass_ "options after '--' are the target's"
