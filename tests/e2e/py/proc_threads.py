"""Eight threads doing real work (hashing); prints one line per thread
and "threads ok" when every result is what a single thread computes.
Exit status 0 when all agree, 1 otherwise."""
import hashlib
import os
import sys
import threading

N = 8
ROUNDS = 20000
results = [None] * N


def work(i):
    h = hashlib.sha256(b"seed %d" % i)
    for _ in range(ROUNDS):
        h = hashlib.sha256(h.digest())
    results[i] = (threading.get_native_id(), h.hexdigest())


def expected(i):
    h = hashlib.sha256(b"seed %d" % i)
    for _ in range(ROUNDS):
        h = hashlib.sha256(h.digest())
    return h.hexdigest()


print("pid %d" % os.getpid(), flush=True)
threads = [threading.Thread(target=work, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join(60)
ok = True
tids = set()
for i in range(N):
    if results[i] is None or results[i][1] != expected(i):
        print("thread %d: wrong or missing result" % i)
        ok = False
    else:
        tids.add(results[i][0])
        print("thread %d: ok" % i)
if len(tids) != N or os.getpid() in tids:
    print("expected %d distinct threads, saw %d" % (N, len(tids)))
    ok = False
print("threads ok" if ok else "threads FAILED")
sys.exit(0 if ok else 1)
