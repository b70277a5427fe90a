"""N connects to a closed loopback port, made DEPTH frames deep: bare, each
is refused by the kernel; under hermetic --no-network, each is denied and
(with --trace) reported with its call site.

usage: denied.py N DEPTH
"""
import socket
import sys

n = int(sys.argv[1])
depth = int(sys.argv[2])

probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()  # nothing listens there now


def attempt():
    s = socket.socket()
    try:
        s.connect(("127.0.0.1", port))
    except OSError:
        pass
    s.close()


def nest(k):
    if k > 0:
        return nest(k - 1)
    for _ in range(n):
        attempt()


nest(depth)
