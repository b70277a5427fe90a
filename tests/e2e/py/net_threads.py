"""N threads connect to HOST:PORT at the same moment (a barrier releases
them together), for the net-threads.sh e2e test.

usage: net_threads.py HOST PORT N

Prints "pid=P", one "thread I tid=T -> RESULT" line per thread (RESULT is
ok or the errno name), then "ok=K EPERM=M other=O". Exits 0 when every
thread finished, 1 if one did not.
"""
import errno
import os
import socket
import sys
import threading

host, port, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
family = socket.AF_INET6 if ":" in host else socket.AF_INET
barrier = threading.Barrier(n)
results = [None] * n
tids = [0] * n


def worker(i):
    tids[i] = threading.get_native_id()
    s = socket.socket(family, socket.SOCK_STREAM)
    try:
        s.settimeout(10)
        barrier.wait(10)
        s.connect((host, port))
        results[i] = "ok"
    except OSError as e:
        results[i] = errno.errorcode.get(e.errno, str(e))
    finally:
        s.close()


print("pid=%d" % os.getpid(), flush=True)
threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
for t in threads:
    t.start()
for t in threads:
    t.join(30)
for i, r in enumerate(results):
    print("thread %d tid=%d -> %s" % (i, tids[i], r))
ok = results.count("ok")
eperm = results.count("EPERM")
print("ok=%d EPERM=%d other=%d" % (ok, eperm, n - ok - eperm))
sys.exit(0 if None not in results else 1)
