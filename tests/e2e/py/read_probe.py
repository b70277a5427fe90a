"""Reading probe for tests/e2e/fs-read-root.sh (copied into the read root
by the test, so that the script itself lives below ROOT): performs the
steps named on the command line and prints one line per step

    STEP -> RESULT

where RESULT is "ok" followed by what was read, or the errno name the step
failed with (EPERM, EACCES, ENOENT...). A failing step does not stop the
others and the exit status is 0. The first line is "pid=N".

Steps (OP,ARG; the tests' paths hold no commas):
  read,PATH        open(PATH).read(), the first line printed
  read-at,DIR,NAME os.open(NAME, dir_fd=DIR opened O_RDONLY), then read
  list,PATH        os.listdir(PATH), the sorted names printed
  exec,PATH        subprocess.run([PATH]) (its exit status printed)
  import,NAME      importlib.import_module(NAME); its __file__'s base name
  child-python     run sys.executable -c 'import json, decimal' in a child
  stdlib           import json, decimal, sqlite3, hashlib, email.message,
                   asyncio, ssl and use hashlib and sqlite3
"""
import errno
import importlib
import os
import subprocess
import sys


def first_line(data):
    return data.splitlines()[0] if data else ""


def step(op, args):
    if op == "read":
        with open(args[0]) as f:
            return first_line(f.read())
    if op == "read-at":
        d = os.open(args[0], os.O_RDONLY)
        try:
            fd = os.open(args[1], os.O_RDONLY, dir_fd=d)
        finally:
            os.close(d)
        with os.fdopen(fd) as f:
            return first_line(f.read())
    if op == "list":
        return " ".join(sorted(os.listdir(args[0])))
    if op == "exec":
        return "status=%d" % subprocess.run([args[0]]).returncode
    if op == "import":
        m = importlib.import_module(args[0])
        return os.path.basename(m.__file__)
    if op == "child-python":
        r = subprocess.run([sys.executable, "-c",
                            "import json, decimal; print('child', 1)"],
                           capture_output=True, text=True)
        return "status=%d %s" % (r.returncode, r.stdout.strip())
    if op == "stdlib":
        import asyncio  # noqa: F401
        import decimal
        import email.message  # noqa: F401
        import hashlib
        import json
        import sqlite3
        import ssl  # noqa: F401
        db = sqlite3.connect(":memory:")
        n = db.execute("select 6 * 7").fetchone()[0]
        return "%s %s %s" % (hashlib.sha256(b"x").hexdigest()[:8], n,
                             json.dumps(str(decimal.Decimal("1.5"))))
    raise SystemExit("read_probe: unknown step " + op)


def main():
    print("pid=%d" % os.getpid(), flush=True)
    for spec in sys.argv[1:]:
        op, *args = spec.split(",")
        try:
            res = "ok " + str(step(op, args))
        except ImportError as e:
            cause = e.__cause__ or e.__context__
            res = "ImportError" + (
                " " + errno.errorcode.get(cause.errno, "?")
                if isinstance(cause, OSError) and cause.errno else "")
        except OSError as e:
            res = errno.errorcode.get(e.errno, str(e.errno))
        print("%s -> %s" % (spec, res.rstrip()), flush=True)


main()
