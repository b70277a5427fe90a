"""Probe for tests/e2e/audit-log.sh: performs the steps named on the
command line and prints one line per step, "STEP -> RESULT", where RESULT
is "ok" (with what the step got) or the errno name it failed with. The
first line is "pid=N"; the exit status is 0.

Steps (OP,ARG,...):
  connect,HOST,PORT  a TCP connect (2 s timeout); ok, or the errno name
                     (ECONNREFUSED for a closed port, EPERM if denied)
  write,PATH         create PATH and write "x"
  run,PATH           subprocess.run([PATH]); ok status=N
  ctypes             import ctypes (a native extension module)
  ptrace             ptrace(PTRACE_PEEKDATA, 1) through libc, if ctypes
                     imports: always refused under hermetic
"""
import errno
import os
import socket
import subprocess
import sys


def step(op, args):
    if op == "connect":
        s = socket.socket()
        s.settimeout(2)
        try:
            rc = s.connect_ex((args[0], int(args[1])))
        finally:
            s.close()
        if rc:
            raise OSError(rc, os.strerror(rc))
        return "connected"
    if op == "write":
        with open(args[0], "w") as f:
            f.write("x")
        return "written"
    if op == "run":
        return "status=%d" % subprocess.run([args[0]]).returncode
    if op == "ctypes":
        import ctypes  # noqa: F401
        return "imported"
    if op == "ptrace":
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.ptrace.restype = ctypes.c_long
        r = libc.ptrace(2, 1, None, None)
        if r == -1 and ctypes.get_errno():
            raise OSError(ctypes.get_errno(), "ptrace")
        return "peeked"
    raise SystemExit("audit_probe: unknown step " + op)


def main():
    print("pid=%d" % os.getpid(), flush=True)
    for spec in sys.argv[1:]:
        op, *args = spec.split(",")
        try:
            res = "ok " + step(op, args)
        except ImportError as e:
            res = "ImportError"
        except OSError as e:
            res = errno.errorcode.get(e.errno, str(e.errno))
        print("%s -> %s" % (spec, res), flush=True)


main()
