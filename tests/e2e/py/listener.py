"""A loopback listener for the e2e tests; it runs outside hermetic and
counts what reaches it, so a test can prove whether a connection or a
datagram arrived.

usage: listener.py tcp|udp 4|6 PORTFILE COUNTFILE
"""
import os
import socket
import sys

proto, fam, portfile, countfile = sys.argv[1:5]
family = socket.AF_INET6 if fam == "6" else socket.AF_INET
host = "::1" if fam == "6" else "127.0.0.1"
kind = socket.SOCK_STREAM if proto == "tcp" else socket.SOCK_DGRAM
s = socket.socket(family, kind)
s.bind((host, 0))
if proto == "tcp":
    s.listen(64)
count = 0


def publish(path, value):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(value))
    os.replace(tmp, path)


publish(countfile, 0)
publish(portfile, s.getsockname()[1])
while True:
    if proto == "tcp":
        c, _ = s.accept()
        c.close()
    else:
        s.recvfrom(65536)
    count += 1
    publish(countfile, count)
