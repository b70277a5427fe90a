"""Replace this process with a program: os.execvp(ARGV[0], ARGV).

usage: proc_exec.py PROG [ARGS...]

Prints "pid N" first. When the exec is refused: prints "denied ERRNO"
and exits 10 (EPERM) or 12 (another errno). When it works, the program's
own output and status are what the caller sees.
"""
import errno
import os
import sys

print("pid %d" % os.getpid(), flush=True)
try:
    os.execvp(sys.argv[1], sys.argv[1:])
except PermissionError as e:
    print("denied %s" % errno.errorcode.get(e.errno), flush=True)
    sys.exit(10 if e.errno == errno.EPERM else 12)
