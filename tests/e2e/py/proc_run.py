#!/usr/bin/env python3
"""Run a command with subprocess.run and report what happened.

usage: proc_run.py CMD [ARGS...]

Prints "pid N" (this process's id) first, then "status S" when the
command ran, or "denied ERRNO" when starting it raised PermissionError.
Exit status: 0 the command ran and exited 0; 10 PermissionError (EPERM);
12 PermissionError with another errno; 13 the command ran and failed.

The first line is a #!/usr/bin/env python3 line so that a test can copy
this file without its .py suffix and run it directly.
"""
import errno
import os
import subprocess
import sys

print("pid %d" % os.getpid(), flush=True)
try:
    r = subprocess.run(sys.argv[1:])
except PermissionError as e:
    print("denied %s" % errno.errorcode.get(e.errno), flush=True)
    sys.exit(10 if e.errno == errno.EPERM else 12)
print("status %d" % r.returncode, flush=True)
sys.exit(0 if r.returncode == 0 else 13)
