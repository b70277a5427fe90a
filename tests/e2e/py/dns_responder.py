"""A small DNS responder for tests/e2e/net-dns-names.sh.

usage: dns_responder.py LOG READY ADDR... 

Listens on UDP and TCP port 53 of each ADDR (root), appends each query it
gets to LOG as "ADDR NAME TYPE" (and " tcp" over TCP; one line, flushed), writes READY when it
listens, and answers A queries from the table below (AAAA and other types:
no answer, NOERROR; unknown names: NXDOMAIN). Runs until killed.
"""
import select
import socket
import struct
import sys

TABLE = {
    "example.com": "127.0.0.42",
    "www.example.com": "127.0.0.43",
    "evilexample.com": "127.0.0.44",
    "other.test": "127.0.0.45",
}


def name_at(q, i):
    labels = []
    while q[i]:
        labels.append(q[i + 1:i + 1 + q[i]].decode("ascii", "replace"))
        i += 1 + q[i]
    return ".".join(labels), i + 1


def answer(q):
    qid, = struct.unpack(">H", q[:2])
    name, i = name_at(q, 12)
    qtype, = struct.unpack(">H", q[i:i + 2])
    question = q[12:i + 4]
    key = name.lower()
    if key not in TABLE:
        return name, qtype, struct.pack(">HHHHHH", qid, 0x8183, 1, 0, 0, 0) + question
    if qtype != 1:
        return name, qtype, struct.pack(">HHHHHH", qid, 0x8180, 1, 0, 0, 0) + question
    rr = b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 60, 4) + \
        socket.inet_aton(TABLE[key])
    return name, qtype, struct.pack(">HHHHHH", qid, 0x8180, 1, 1, 0, 0) + question + rr


def serve_tcp(listener, addr, out):
    """One TCP connection: length-prefixed queries until it closes."""
    c, _ = listener.accept()
    c.settimeout(3)
    try:
        while True:
            hdr = c.recv(2, socket.MSG_WAITALL)
            if len(hdr) < 2:
                break
            q = c.recv(struct.unpack(">H", hdr)[0], socket.MSG_WAITALL)
            name, qtype, reply = answer(q)
            out.write("%s %s %d tcp\n" % (addr, name, qtype))
            out.flush()
            c.sendall(struct.pack(">H", len(reply)) + reply)
    except (OSError, IndexError, struct.error):
        pass
    c.close()


def main():
    log, ready, addrs = sys.argv[1], sys.argv[2], sys.argv[3:]
    socks, tcp = {}, {}
    for a in addrs:
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((a, 53))
        socks[s] = a
        t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        t.bind((a, 53))
        t.listen(8)
        tcp[t] = a
    with open(ready, "w") as f:
        f.write("ready\n")
    with open(log, "a") as out:
        while True:
            r, _, _ = select.select(list(socks) + list(tcp), [], [])
            for s in r:
                if s in tcp:
                    serve_tcp(s, tcp[s], out)
                    continue
                q, peer = s.recvfrom(4096)
                try:
                    name, qtype, reply = answer(q)
                except (IndexError, struct.error):
                    continue
                out.write("%s %s %d\n" % (socks[s], name, qtype))
                out.flush()
                s.sendto(reply, peer)


main()
