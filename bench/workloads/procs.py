"""THREADS threads computing a little each while the main thread runs
/bin/true N times, one after the other.

usage: procs.py THREADS N
"""
import subprocess
import sys
import threading

threads, n = int(sys.argv[1]), int(sys.argv[2])


def work():
    s = 0
    for i in range(20000):
        s += i * i
    return s


ts = [threading.Thread(target=work) for _ in range(threads)]
for t in ts:
    t.start()
for _ in range(n):
    subprocess.run(["/bin/true"], check=True)
for t in ts:
    t.join()
