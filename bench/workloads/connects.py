"""N loopback TCP connects to a listener in the same process; with
THREADS > 1, idle threads share the address space (so hermetic holds them
at each inspected connect).

usage: connects.py N THREADS
"""
import socket
import sys
import threading

n = int(sys.argv[1])
threads = int(sys.argv[2])
stop = threading.Event()
idle = [threading.Thread(target=stop.wait) for _ in range(threads - 1)]
for t in idle:
    t.start()
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1024)
addr = srv.getsockname()
for _ in range(n):
    c = socket.socket()
    c.connect(addr)
    a, _ = srv.accept()
    a.close()
    c.close()
stop.set()
for t in idle:
    t.join()
