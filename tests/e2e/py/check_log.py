"""Check hermetic's JSON output against docs/json-schema.md.

usage: check_log.py log FILE.jsonl      a --log-format=json event log
       check_log.py report FILE.json    a --report JSON document
       check_log.py html FILE.html JSON the HTML report: well-formed, and
                                        every address, program and file of
                                        the JSON report in it

Prints one line per problem and exits 1 if there was any; else prints a
summary ("log: 1 start, 7 events (denied 2, audited 3, allowed 2), 1
exit") and exits 0. Unknown keys are allowed (readers must ignore them);
missing keys, wrong types and values outside the documented sets are not.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET

S, I, N, B, A, O = str, int, (int, float), bool, list, dict
NUL = type(None)
CATEGORIES = {"network", "subprocess", "filesystem", "native-code",
              "import", "sandbox-escape"}
VERDICTS = {"denied", "audited", "allowed"}
REASONS = {"no-network", "cloud-metadata", "no-subprocess", "fs-readonly",
           "read-outside-root", "block-native", "deny-import",
           "not-allowed-domain",
           "unfrozen-threads", "sandbox-escape", "unknown-syscall",
           "unreadable-stop", "unexpected-stop"}
DETAIL_KEYS = {"host", "name", "unix", "netlink", "path", "family", "type",
               "protocol", "fd", "flags", "abi", "nr", "persona", "note"}
PROTOCOLS = {"tcp", "udp", "raw", "sctp", "stream", "dgram", "seqpacket",
             "other"}
OPERATIONS = {"created", "written", "deleted", "renamed", "linked",
              "attributes", "read"}
TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")

problems = []


def bad(where, msg):
    problems.append("%s: %s" % (where, msg))


def keys(where, obj, spec):
    """spec: key -> type or tuple of types."""
    if not isinstance(obj, dict):
        bad(where, "not an object")
        return False
    for k, t in spec.items():
        if k not in obj:
            bad(where, "missing key %r" % k)
        elif isinstance(obj[k], bool) and t in (I, N) or \
                not isinstance(obj[k], t):
            bad(where, "key %r is %r, not %s" % (k, obj[k], t))
    return True


def strings(where, v):
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        bad(where, "not an array of strings: %r" % (v,))


def one_of(where, v, allowed, null_ok=False):
    if v is None and null_ok:
        return
    if v not in allowed:
        bad(where, "%r is not one of %s" % (v, sorted(allowed)))


def site(where, s, null_ok=True):
    if s is None and null_ok:
        return
    keys(where, s, {"file": S, "line": I, "function": S})


def counts(where, c):
    if keys(where, c, {"denied": O, "audited": O, "allowed": O}):
        for v in VERDICTS:
            for cat, n in c[v].items():
                one_of("%s.%s" % (where, v), cat, CATEGORIES)
                if not isinstance(n, int) or n <= 0:
                    bad(where, "count %r for %s" % (n, cat))


def status(where, st):
    keys(where, st, {"code": (I, NUL), "signal": (I, NUL)})


def policy(where, p):
    keys(where, p, {k: B for k in (
        "no_network", "allow_localhost", "allow_unix_all", "no_subprocess",
        "fs_readonly", "block_native", "no_environment", "audit")})
    for k in ("allow_unix", "allow_exec", "allow_write", "allow_read",
              "deny_import", "keep_env"):
        strings("%s.%s" % (where, k), p.get(k))
    if not isinstance(p.get("read_root"), (str, NUL)):
        bad(where, "read_root")


def head(where, r):
    keys(where, r, {"type": S, "schema": I, "time": S, "elapsed": N})
    if r.get("schema") != 1:
        bad(where, "schema %r" % r.get("schema"))
    if not TIME.match(str(r.get("time"))):
        bad(where, "time %r" % r.get("time"))


def event(where, r):
    keys(where, r, {"seq": I, "pid": I, "tid": I, "exe": (S, NUL),
                    "syscall": S, "category": S, "verdict": S,
                    "reason": (S, NUL), "details": O,
                    "protocol": (S, NUL), "argv": (A, NUL),
                    "site": (O, NUL), "frames": A, "test": (S, NUL)})
    one_of(where + ".category", r.get("category"), CATEGORIES)
    one_of(where + ".verdict", r.get("verdict"), VERDICTS)
    if r.get("verdict") == "allowed":
        if r.get("reason") is not None:
            bad(where, "an allowed event with a reason")
    else:
        one_of(where + ".reason", r.get("reason"), REASONS)
    for k, v in (r.get("details") or {}).items():
        one_of(where + ".details", k, DETAIL_KEYS)
        if not isinstance(v, str):
            bad(where, "details.%s is not a string" % k)
    one_of(where + ".protocol", r.get("protocol"), PROTOCOLS, True)
    if r.get("argv") is not None:
        strings(where + ".argv", r["argv"])
    site(where + ".site", r.get("site"))
    for i, f in enumerate(r.get("frames") or []):
        site("%s.frames[%d]" % (where, i), f, False)
    if len(r.get("frames") or []) > 64:
        bad(where, "more than 64 frames")


def check_log(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    recs = []
    for n, line in enumerate(lines, 1):
        try:
            recs.append(json.loads(line))
        except ValueError as e:
            bad("line %d" % n, "not JSON: %s" % e)
    types = [r.get("type") for r in recs]
    if not types or types[0] != "start" or types[-1] != "exit" or \
            types.count("start") != 1 or types.count("exit") != 1:
        bad(path, "records are not start, events, exit: %s" % types)
    verdicts = {}
    for n, r in enumerate(recs, 1):
        where = "line %d (%s)" % (n, r.get("type"))
        head(where, r)
        if r.get("type") == "start":
            keys(where, r, {"hermetic": S, "argv": A, "target": A,
                            "mode": S, "policy": O, "features": O})
            strings(where + ".argv", r.get("argv"))
            strings(where + ".target", r.get("target"))
            one_of(where + ".mode", r.get("mode"), {"enforce", "audit"})
            policy(where + ".policy", r.get("policy") or {})
            keys(where + ".features", r.get("features"),
                 {"seccomp": B, "ptrace": B, "landlock_abi": I,
                  "landlock": (S, NUL)})
        elif r.get("type") == "event":
            event(where, r)
            if r.get("seq") != types[:n].count("event"):
                bad(where, "seq %r out of order" % r.get("seq"))
            verdicts[r.get("verdict")] = verdicts.get(r.get("verdict"), 0) + 1
        elif r.get("type") == "exit":
            keys(where, r, {"status": O, "exit_status": I, "killed": I,
                            "pycache": I, "events": I, "counts": O,
                            "duration": N})
            status(where + ".status", r.get("status"))
            counts(where + ".counts", r.get("counts"))
            if r.get("events") != types.count("event"):
                bad(where, "events %r, but %d event records" % (
                    r.get("events"), types.count("event")))
            total = {v: sum(r["counts"][v].values()) for v in VERDICTS} \
                if isinstance(r.get("counts"), dict) else {}
            for v in VERDICTS:
                if total.get(v, 0) != verdicts.get(v, 0):
                    bad(where, "counts.%s %r, but %d such events" % (
                        v, total.get(v), verdicts.get(v, 0)))
        else:
            bad(where, "unknown record type")
    return "log: %d start, %d events (%s), %d exit" % (
        types.count("start"), types.count("event"),
        ", ".join("%s %d" % kv for kv in sorted(verdicts.items())),
        types.count("exit"))


ROW_KEYS = {"count": I, "denied": I, "audited": I, "allowed": I,
            "category": S, "reason": (S, NUL), "first_site": (O, NUL),
            "tests": A, "tests_truncated": B}
SECTIONS = {
    "network": {"host": (S, NUL), "address": S, "port": (I, NUL),
                "protocol": (S, NUL)},
    "programs": {"path": S, "argv": (A, NUL)},
    "files": {"path": S, "operations": A},
    "native": {"path": S},
    "dns": {"name": S, "type": (S, NUL)},
    "other": {"syscall": S},
}


def check_report(path):
    with open(path, encoding="utf-8") as f:
        r = json.load(f)
    keys("report", r, {"schema": I, "hermetic": S, "time": S, "argv": A,
                       "target": A, "mode": S, "status": O,
                       "exit_status": I, "killed": I, "policy": O,
                       "counts": O, "tests": A,
                       **{k: A for k in SECTIONS}})
    if r.get("schema") != 1:
        bad("report", "schema %r" % r.get("schema"))
    one_of("report.mode", r.get("mode"), {"enforce", "audit"})
    status("report.status", r.get("status"))
    policy("report.policy", r.get("policy") or {})
    counts("report.counts", r.get("counts"))
    rows = 0
    for sec, spec in SECTIONS.items():
        last = None
        for i, row in enumerate(r.get(sec) or []):
            where = "%s[%d]" % (sec, i)
            keys(where, row, {**ROW_KEYS, **spec})
            one_of(where + ".category", row.get("category"), CATEGORIES)
            one_of(where + ".reason", row.get("reason"), REASONS, True)
            site(where + ".first_site", row.get("first_site"))
            strings(where + ".tests", row.get("tests"))
            if row.get("count") != sum(row.get(v, 0) for v in VERDICTS):
                bad(where, "count is not denied + audited + allowed")
            if last is not None and row.get("count", 0) > last:
                bad(where, "rows not sorted by count")
            last = row.get("count", 0)
            if sec == "files":
                for op in row.get("operations") or []:
                    one_of(where + ".operations", op, OPERATIONS)
            if sec == "network":
                one_of(where + ".protocol", row.get("protocol"),
                       PROTOCOLS | {"unix"}, True)
            rows += 1
    for i, t in enumerate(r.get("tests") or []):
        if keys("tests[%d]" % i, t, {"id": S, "counts": O}):
            for cat in t["counts"]:
                one_of("tests[%d].counts" % i, cat, CATEGORIES)
    return "report: %d rows, %d tests" % (rows, len(r.get("tests") or []))


def text_of(root):
    return "".join(root.itertext())


def check_html(path, json_path):
    with open(path, encoding="utf-8") as f:
        page = f.read()
    try:
        root = ET.fromstring(page)
    except ET.ParseError as e:
        bad(path, "not well-formed: %s" % e)
        return "html: not well-formed"
    if root.tag != "html" or root.find("body") is None:
        bad(path, "no html/body")
    if root.findall(".//script") or re.search(r"(src|href)=", page):
        bad(path, "a script or an external asset")
    text = text_of(root)
    with open(json_path, encoding="utf-8") as f:
        r = json.load(f)
    want = [row["address"] for row in r["network"]] + \
        [row["path"] for row in r["programs"]] + \
        [row["path"] for row in r["files"]] + \
        [row["path"] for row in r["native"]] + \
        [t["id"] for t in r["tests"]]
    for w in want:
        if w not in text:
            bad(path, "%r of the JSON report is not in the page" % w)
    return "html: well-formed, %d entries of the JSON report found" % len(want)


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "log":
        summary = check_log(path)
    elif kind == "report":
        summary = check_report(path)
    elif kind == "html":
        summary = check_html(path, sys.argv[3])
    else:
        sys.exit("usage: check_log.py log|report|html FILE [JSON]")
    for p in problems:
        print("PROBLEM:", p)
    if problems:
        sys.exit(1)
    print(summary)


main()
