"""Notice being stopped: a sleep loop measures the longest pause between
two turns, until DONEFILE appears (at most 30 s).

usage: proc_stop.py PIDFILE DONEFILE

Writes its pid to PIDFILE, prints "longest pause S" at the end and exits
0 when the longest pause was at least 0.8 s (it was stopped), 4 if not.
"""
import os
import sys
import time

pidfile, donefile = sys.argv[1], sys.argv[2]
with open(pidfile + ".tmp", "w") as f:
    f.write("%d\n" % os.getpid())
os.rename(pidfile + ".tmp", pidfile)
gap = 0.0
last = time.monotonic()
deadline = last + 30
while not os.path.exists(donefile) and time.monotonic() < deadline:
    time.sleep(0.02)
    now = time.monotonic()
    gap = max(gap, now - last)
    last = now
print("longest pause %.2f" % gap)
sys.exit(0 if gap >= 0.8 else 4)
