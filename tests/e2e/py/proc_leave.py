"""Start COUNT `sleep 60` children, write their pids to PIDFILE (one
line, space-separated) and exit 4 without waiting for them.

usage: proc_leave.py PIDFILE COUNT
"""
import os
import subprocess
import sys

pidfile, count = sys.argv[1], int(sys.argv[2])
children = [subprocess.Popen(["sleep", "60"]) for _ in range(count)]
with open(pidfile + ".tmp", "w") as f:
    f.write(" ".join(str(p.pid) for p in children) + "\n")
os.rename(pidfile + ".tmp", pidfile)
sys.exit(4)
