"""A listener for the e2e tests (lib.sh start_listener, net-lib.inc): it
runs outside hermetic and counts what reaches it, so a test can prove
whether a connection or a datagram arrived.

usage: listener.py KIND ADDR READYFILE COUNTFILE

KIND is tcp or udp (ADDR is HOST,PORT; a HOST with a colon is IPv6; PORT 0
picks one), or unix or unix-dgram (ADDR is a path, or @NAME for an abstract
socket). READYFILE receives the port (inet) or "ready" (unix) once the
socket is bound; COUNTFILE the number of connections accepted (stream) or
datagrams received so far.
"""
import os
import socket
import sys

kind, addr, readyfile, countfile = sys.argv[1:5]
if kind in ("tcp", "udp"):
    host, port = addr.rsplit(",", 1)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    where = (host, int(port))
elif kind in ("unix", "unix-dgram"):
    family = socket.AF_UNIX
    where = "\0" + addr[1:] if addr.startswith("@") else addr
else:
    raise SystemExit("listener.py: unknown kind %r" % kind)
stream = kind in ("tcp", "unix")
s = socket.socket(family, socket.SOCK_STREAM if stream else socket.SOCK_DGRAM)
if family != socket.AF_UNIX:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(where)
if stream:
    s.listen(64)
count = 0


def publish(path, value):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(value))
    os.replace(tmp, path)


publish(countfile, 0)
publish(readyfile, s.getsockname()[1] if family != socket.AF_UNIX
        else "ready")
while True:
    if stream:
        c, _ = s.accept()
        c.close()
    else:
        s.recvfrom(65536)
    count += 1
    publish(countfile, count)
