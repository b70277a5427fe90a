"""A thread rewrites a sockaddr while another connects with it, for
tests/security/race-sockaddr.sh.

usage: race_sockaddr.py LOOPBACK_PORT SECONDS

The main thread connects UDP sockets (no packet is sent by a UDP connect)
with libc connect() through ctypes, passing a buffer that a second thread
keeps flipping between 127.0.0.1:PORT (allowed with --allow-localhost) and
203.0.113.9:PORT (outside). After each connect that succeeds, getpeername()
says where the kernel connected. Prints counts:
    allowed N denied N outside N
"outside" counts connects the kernel made to the outside address: hermetic
checked one address and the kernel used another.
"""
import ctypes
import socket
import struct
import sys
import threading
import time

libc = ctypes.CDLL(None, use_errno=True)
port = int(sys.argv[1])
seconds = float(sys.argv[2])

inside = struct.pack("<H", socket.AF_INET) + struct.pack(">H", port) + \
    socket.inet_aton("127.0.0.1") + bytes(8)
outside = struct.pack("<H", socket.AF_INET) + struct.pack(">H", port) + \
    socket.inet_aton("203.0.113.9") + bytes(8)
buf = ctypes.create_string_buffer(inside, 16)
addr = ctypes.addressof(buf)
stop = False


def flip():
    a, b = inside, outside
    while not stop:
        ctypes.memmove(addr, a, 16)
        ctypes.memmove(addr, b, 16)


t = threading.Thread(target=flip, daemon=True)
t.start()
counts = {"allowed": 0, "denied": 0, "outside": 0}
end = time.monotonic() + seconds
while time.monotonic() < end:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    r = libc.connect(s.fileno(), buf, 16)
    if r == 0:
        peer = s.getpeername()[0]
        counts["allowed" if peer == "127.0.0.1" else "outside"] += 1
    else:
        counts["denied"] += 1
    s.close()
stop = True
t.join()
print(" ".join(f"{k} {v}" for k, v in counts.items()))
