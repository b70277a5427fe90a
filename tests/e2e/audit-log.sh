#!/bin/sh
# SPDX-License-Identifier: MIT
# The event log and the report against docs/json-schema.md
# (tests/e2e/py/check_log.py), for every record type (start, event, exit)
# and every verdict: denied and allowed events (enforce mode, --trace=all)
# and audited ones (--audit). --audit lets the program do what the policy
# would deny (the file is written, the program runs, ctypes imports), but
# the always-refused calls stay refused (ptrace: "denied", category
# sandbox-escape, in the audit log); alone it audits against block-all's
# guards. --trace=all adds "[hermetic] allowed" lines without a reason;
# --log with the text format holds the trace lines; the HTML report is
# well-formed and holds every address, program and file of the JSON
# report of the same run; --quiet leaves the summary out.
#
# The outside address is 203.0.113.1 (TEST-NET-3): the audited run only
# tries to connect to its port 9 and sends nothing. Every file written
# lives below $T.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"
require_python_

TR=$(cd "$T" && pwd -P) || framework_failure_ "cannot resolve $T"
mkdir "$TR/allowed" "$TR/outside" || framework_failure_ "mkdir"
AP="$PY/audit_probe.py"
CHECK="$PY/check_log.py"
STEPS="connect,203.0.113.1,9 connect,127.0.0.1,1 write,$TR/outside/f \
write,$TR/allowed/g run,/bin/true ctypes ptrace"
GUARDS="--no-network --allow-localhost --no-subprocess --fs-readonly \
--allow-write $TR/allowed --block-native"

# verdict_count LOG VERDICT CATEGORY: events of that verdict and category
verdict_count() {
    "$PYTHON3" -c '
import json, sys
n = sum(1 for l in open(sys.argv[1]) for r in [json.loads(l)]
        if r["type"] == "event" and r["verdict"] == sys.argv[2]
        and r["category"] == sys.argv[3])
print(n)' "$@"
}

# --- enforce mode, --trace=all: denied and allowed events
run_h --trace=all $GUARDS --log "$T/e.jsonl" --log-format=json \
    --report "$T/e.json" -- "$PYTHON3" "$AP" $STEPS
expect_rc 0
expect_step connect,203.0.113.1,9 EPERM
expect_step connect,127.0.0.1,1 ECONNREFUSED
expect_step "write,$TR/outside/f" EPERM
expect_step "write,$TR/allowed/g" "ok written"
expect_step run,/bin/true EPERM
expect_step ctypes ImportError
[ ! -e "$TR/outside/f" ] || fail_ "$TR/outside/f was written in enforce mode"
p=$(run_pid)
expect_err "^\[hermetic\] blocked connect host=203\.0\.113\.1:9 reason=no-network pid=$p\$"
expect_err "^\[hermetic\] allowed connect host=127\.0\.0\.1:1 pid=$p\$"
expect_err "^\[hermetic\] allowed openat path=$(re_ "$TR/allowed/g") pid=$p\$"
expect_err "^\[hermetic\] blocked openat path=$(re_ "$TR/outside/f") reason=fs-readonly pid=$p\$"
"$PYTHON3" "$CHECK" log "$T/e.jsonl" >"$T/check" || { cat "$T/check"; fail_ "the enforce log does not follow the schema"; }
"$PYTHON3" "$CHECK" report "$T/e.json" >>"$T/check" || { cat "$T/check"; fail_ "the enforce report does not follow the schema"; }
for vc in "denied network 1" "denied filesystem 1" "allowed network 1" \
    "allowed filesystem 1"; do
    set -- $vc
    n=$(verdict_count "$T/e.jsonl" "$1" "$2")
    [ "$n" = "$3" ] || fail_ "enforce log: $n $1 $2 events, expected $3"
done
for vc in "denied subprocess" "denied native-code"; do
    set -- $vc
    n=$(verdict_count "$T/e.jsonl" "$1" "$2")
    [ "$n" -ge 1 ] || fail_ "enforce log: no $1 $2 event"
done
# the site of the denied connect is the probe's connect line
"$PYTHON3" - "$T/e.jsonl" "$AP" <<'EOF' || fail_ "the connect event's site"
import json, sys
ev = [r for r in map(json.loads, open(sys.argv[1])) if r["type"] == "event"
      and r["syscall"] == "connect" and r["verdict"] == "denied"][0]
line = [i for i, l in enumerate(open(sys.argv[2]), 1)
        if "rc = s.connect_ex(" in l][0]
assert ev["site"]["line"] == line and ev["site"]["file"].endswith(
    "audit_probe.py"), ev["site"]
assert ev["details"] == {"host": "203.0.113.1:9"}, ev["details"]
assert ev["protocol"] == "tcp" and ev["exe"], ev
EOF
pass_ "enforce: $(tr '\n' ';' <"$T/check")"

# --- audit mode, alone (block-all's guards): audited, ptrace still denied
run_h --audit --trace --log "$T/a.jsonl" --log-format=json \
    --report "$T/a.json" -- "$PYTHON3" "$AP" $STEPS
expect_rc 0
expect_step "write,$TR/outside/f" "ok written"
expect_step run,/bin/true "ok status=0"
expect_step ctypes "ok imported"
expect_step ptrace EPERM
[ -e "$TR/outside/f" ] || fail_ "audit mode kept $TR/outside/f from being written"
p=$(run_pid)
expect_err "^\[hermetic\] audit connect host=203\.0\.113\.1:9 reason=no-network pid=$p\$"
expect_err "^\[hermetic\] audit openat path=$(re_ "$TR/outside/f") reason=fs-readonly pid=$p\$"
expect_err "^\[hermetic\] blocked ptrace .*reason=sandbox-escape pid=$p\$"
expect_err '^hermetic: audit: [0-9]+ actions would have been blocked \('
expect_err '^  [0-9]+ (network|subprocess|filesystem|native-code) at [^ ]*audit_probe\.py:[0-9]+ in step$'
"$PYTHON3" "$CHECK" log "$T/a.jsonl" >"$T/check" || { cat "$T/check"; fail_ "the audit log does not follow the schema"; }
"$PYTHON3" "$CHECK" report "$T/a.json" >>"$T/check" || { cat "$T/check"; fail_ "the audit report does not follow the schema"; }
for c in network subprocess filesystem native-code; do
    n=$(verdict_count "$T/a.jsonl" audited $c)
    [ "$n" -ge 1 ] || fail_ "audit log: no audited $c event"
    n=$(verdict_count "$T/a.jsonl" denied $c)
    [ "$n" = 0 ] || fail_ "audit log: $n denied $c events"
done
n=$(verdict_count "$T/a.jsonl" denied sandbox-escape)
[ "$n" -ge 1 ] || fail_ "audit log: the refused ptrace is not a denied sandbox-escape event"
grep -q '"mode":"audit"' "$T/a.jsonl" || fail_ "the start record does not say audit"
pass_ "audit: $(tr '\n' ';' <"$T/check")"

# --- the HTML report of the same run holds every entry of the JSON one
rm -f "$TR/outside/f"
run_h --audit --report "$T/a.html" -- "$PYTHON3" "$AP" $STEPS
expect_rc 0
rm -f "$TR/outside/f"
run_h --audit --report "$T/a2.json" -- "$PYTHON3" "$AP" $STEPS
expect_rc 0
"$PYTHON3" "$CHECK" html "$T/a.html" "$T/a2.json" >"$T/check" || { cat "$T/check"; fail_ "the HTML report"; }
pass_ "$(cat "$T/check")"

# --- the text log is the trace lines; --quiet leaves the summary out
rm -f "$TR/outside/f"
run_h --quiet --no-network --log "$T/t.log" -- "$PYTHON3" "$AP" connect,203.0.113.1,9
expect_rc 0
expect_step connect,203.0.113.1,9 EPERM
grep -Eq "^\[hermetic\] blocked connect host=203\.0\.113\.1:9 reason=no-network at [^ ]*audit_probe\.py:[0-9]+ in step pid=$(run_pid)\$" "$T/t.log" ||
    { cat "$T/t.log"; fail_ "the text log lacks the trace line"; }
[ ! -s "$T/err" ] || fail_ "--quiet, no --trace: stderr is not empty"
pass_ "text log, --quiet"
