"""Wait for a signal: SIGTERM, SIGINT and SIGHUP are caught, the handler
writes the signal's name to MARKER and exits 5.

usage: proc_signal.py PIDFILE MARKER

PIDFILE receives this process's id once the handlers are in place.
Without a signal within 30 s: exit 9.
"""
import os
import signal
import sys
import time

pidfile, marker = sys.argv[1], sys.argv[2]


def handler(sig, frame):
    with open(marker, "w") as f:
        f.write(signal.Signals(sig).name + "\n")
    sys.exit(5)


for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(s, handler)
with open(pidfile + ".tmp", "w") as f:
    f.write("%d\n" % os.getpid())
os.rename(pidfile + ".tmp", pidfile)
deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    time.sleep(0.05)
sys.exit(9)
