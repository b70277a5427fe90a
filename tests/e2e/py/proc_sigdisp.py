"""Print how SIGHUP, SIGINT and SIGQUIT are disposed at start-up (as the
kernel says, from /proc/self/status: ignored or not) and whether SIGUSR1
and SIGUSR2 are blocked, then, with PIDFILE
and DONEFILE given, write the pid and sleep until DONEFILE appears (at
most 30 s) and exit 0.

usage: proc_sigdisp.py [PIDFILE DONEFILE]
"""
import os
import signal
import sys
import time

ign = blk = 0
with open("/proc/self/status") as f:
    for line in f:
        if line.startswith("SigIgn:"):
            ign = int(line.split()[1], 16)
        elif line.startswith("SigBlk:"):
            blk = int(line.split()[1], 16)
for s in (signal.SIGHUP, signal.SIGINT, signal.SIGQUIT):
    print("%s %s" % (s.name, "ignored" if ign & (1 << (s - 1)) else
                     "not-ignored"), flush=True)
for s in (signal.SIGUSR1, signal.SIGUSR2):
    print("%s %s" % (s.name, "blocked" if blk & (1 << (s - 1)) else
                     "not-blocked"), flush=True)
if len(sys.argv) == 3:
    pidfile, donefile = sys.argv[1], sys.argv[2]
    with open(pidfile + ".tmp", "w") as f:
        f.write("%d\n" % os.getpid())
    os.rename(pidfile + ".tmp", pidfile)
    deadline = time.monotonic() + 30
    while not os.path.exists(donefile) and time.monotonic() < deadline:
        time.sleep(0.05)
sys.exit(0)
