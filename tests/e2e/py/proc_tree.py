"""A process tree: at DEPTH > 0 start this program again (DEPTH - 1) with
subprocess and pass its exit status up; at DEPTH 0 connect a TCP socket to
HOST:PORT.

usage: proc_tree.py DEPTH HOST PORT

Each level prints "depth D pid P ppid Q". The leaf prints "connect ok" or
"connect ERRNO" and exits 0 (connected), 20 (EPERM) or 21 (another
error). The connect is blocking with a 10 s timeout.
"""
import errno
import os
import socket
import subprocess
import sys

depth, host, port = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
print("depth %d pid %d ppid %d" % (depth, os.getpid(), os.getppid()),
      flush=True)
if depth > 0:
    r = subprocess.run([sys.executable, sys.argv[0], str(depth - 1), host,
                        str(port)])
    sys.exit(r.returncode)
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.settimeout(10)
try:
    s.connect((host, port))
except OSError as e:
    name = errno.errorcode.get(e.errno, str(e))
    print("connect %s" % name, flush=True)
    sys.exit(20 if e.errno == errno.EPERM else 21)
print("connect ok", flush=True)
s.close()
sys.exit(0)
