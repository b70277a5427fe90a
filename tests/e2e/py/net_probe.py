"""Network probe for the net-*.sh e2e tests: performs the steps named on
the command line, each in a fresh socket, and prints one line per step

    STEP -> RESULT

where RESULT is "ok" (with details after it for some steps) or the errno
name the step failed with (EPERM, ENOENT, EINPROGRESS...). A failing step
does not stop the others, and the exit status is 0 unless the program
itself is broken, so the tests can assert on the exit status hermetic
passes through. The first line is "pid=N", the process id, so that a test
can match the pid= of hermetic's trace lines.

A step is OP,ARG,ARG... (commas, since IPv6 addresses hold colons). A
HOST with a colon is IPv6 (an AF_INET6 socket), otherwise IPv4.

  tcp,HOST,PORT          blocking TCP connect (bounded by a timeout)
  tcp-nb,HOST,PORT       non-blocking TCP connect: prints the errno of
                         connect(), EINPROGRESS when the kernel tried
  tcp-fastopen,HOST,PORT sendto(MSG_FASTOPEN) on an unconnected TCP socket
                         (which connects it), waiting for the handshake
  udp-sendto,HOST,PORT   one datagram with sendto()
  udp-connect,HOST,PORT  connect() then send() one datagram
  udp-peer,HOST,PORT     connect() and getpeername() only: sends nothing
  udp-sendmsg,HOST,PORT  one datagram with sendmsg() and a destination
  udp-sendmmsg,HOST,PORT[,HOST2,PORT2]
                         one sendmmsg() call (libc, through ctypes) with two
                         datagrams, the second to HOST2,PORT2 if given
  bind-tcp,HOST,PORT     bind a TCP socket
  bind-udp,HOST,PORT     bind a UDP socket
  listen-accept,FAM,FILE[,SECS]
                         listen() on a TCP socket never bound (FAM 4 or 6:
                         the kernel binds it to the wildcard address on an
                         ephemeral port), write its port
                         to FILE, and wait SECS (default 10) for one
                         connection: prints "ok from=ADDR" or TIMEOUT
  self-server,HOST       a TCP server on HOST:0 in this process accepting a
                         connection from this process
  socket,FAMILY,TYPE,PROTO
                         socket() only; numbers or socket module names
  unix,PATH              connect a SOCK_STREAM unix socket (@NAME: abstract)
  unix-dgram,PATH        sendto() a datagram to a unix socket (@NAME too)
  socketpair             a unix socketpair, one byte through it
  unix-own,PATH          bind and listen on a unix socket (@NAME: abstract),
                         then connect to it from this process, from a
                         forked child and from a new python3 running this
                         probe: "ok self=R fork=R exec=R accepted=N"
  unix-squat,PATH        bind a unix socket where another one is already
                         bound, then connect there: "bind=R connect=R"
  chdir,DIR              change directory (for relative unix paths)
  symlink,TARGET,LINK    create a symbolic link
  gai,NAME,PORT          socket.getaddrinfo(NAME, PORT)
  uncaught,HOST,PORT     a TCP connect whose error is not caught: Python
                         prints the traceback and exits 1
  exit,N                 exit with status N now
"""
import ctypes
import ctypes.util
import errno
import os
import select
import socket
import struct
import subprocess
import sys

TIMEOUT = 10


def family_of(host):
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def unix_addr(name):
    return "\0" + name[1:] if name.startswith("@") else name


def raw_sockaddr(host, port):
    """The bytes of a struct sockaddr_in or sockaddr_in6."""
    if ":" in host:
        return struct.pack("=H", socket.AF_INET6) + struct.pack(
            "!HI", port, 0) + socket.inet_pton(socket.AF_INET6, host) + \
            struct.pack("=I", 0)
    return struct.pack("=H", socket.AF_INET) + struct.pack("!H", port) + \
        socket.inet_pton(socket.AF_INET, host) + bytes(8)


class Iovec(ctypes.Structure):
    _fields_ = [("iov_base", ctypes.c_void_p), ("iov_len", ctypes.c_size_t)]


class Msghdr(ctypes.Structure):
    _fields_ = [("msg_name", ctypes.c_void_p),
                ("msg_namelen", ctypes.c_uint32),
                ("msg_iov", ctypes.POINTER(Iovec)),
                ("msg_iovlen", ctypes.c_size_t),
                ("msg_control", ctypes.c_void_p),
                ("msg_controllen", ctypes.c_size_t),
                ("msg_flags", ctypes.c_int)]


class Mmsghdr(ctypes.Structure):
    _fields_ = [("msg_hdr", Msghdr), ("msg_len", ctypes.c_uint)]


def sendmmsg(sock, dests):
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6",
                       use_errno=True)
    n = len(dests)
    vec = (Mmsghdr * n)()
    keep = []
    for i, (host, port) in enumerate(dests):
        name = ctypes.create_string_buffer(raw_sockaddr(host, port))
        data = ctypes.create_string_buffer(b"mmsg%d" % i)
        iov = Iovec(ctypes.cast(data, ctypes.c_void_p), len(data) - 1)
        keep += [name, data, iov]
        vec[i].msg_hdr.msg_name = ctypes.cast(name, ctypes.c_void_p)
        vec[i].msg_hdr.msg_namelen = len(name) - 1
        vec[i].msg_hdr.msg_iov = ctypes.pointer(iov)
        vec[i].msg_hdr.msg_iovlen = 1
    libc.sendmmsg.argtypes = [ctypes.c_int, ctypes.POINTER(Mmsghdr),
                              ctypes.c_uint, ctypes.c_int]
    rc = libc.sendmmsg(sock.fileno(), vec, n, 0)
    if rc < 0:
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e))
    return "ok n=%d" % rc


def const(names):
    """A number, or socket module names joined with |."""
    value = 0
    for name in names.split("|"):
        try:
            value |= int(name, 0)
        except ValueError:
            value |= getattr(socket, name)
    return value


def attempt(fn):
    try:
        fn()
        return "ok"
    except OSError as e:
        return errno.errorcode.get(e.errno, str(e.errno))


def unix_own(name):
    addr = unix_addr(name)
    clients = []

    def connect():
        c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        clients.append(c)
        c.settimeout(TIMEOUT)
        c.connect(addr)

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as srv:
        srv.bind(addr)
        srv.listen(8)
        srv.settimeout(TIMEOUT)
        res = {"self": attempt(connect)}
        pid = os.fork()
        if pid == 0:
            r = attempt(connect)
            os._exit(0 if r == "ok" else
                     getattr(errno, r, 255) if r.startswith("E") else 255)
        code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        res["fork"] = "ok" if code == 0 else errno.errorcode.get(code,
                                                                 str(code))
        out = subprocess.run([sys.executable, __file__, "unix," + name],
                             stdout=subprocess.PIPE, text=True,
                             timeout=TIMEOUT).stdout
        res["exec"] = out.splitlines()[-1].split(" -> ")[1] \
            if " -> " in out else "no-output"
        accepted = 0
        for r in res.values():
            if r == "ok":
                conn, _ = srv.accept()
                conn.close()
                accepted += 1
    for c in clients:
        c.close()
    return "ok self=%s fork=%s exec=%s accepted=%d" % (
        res["self"], res["fork"], res["exec"], accepted)


def step(spec):
    op, *args = spec.split(",")
    if op in ("tcp", "tcp-nb", "tcp-fastopen", "udp-sendto", "udp-connect",
              "udp-peer", "udp-sendmsg", "udp-sendmmsg", "bind-tcp",
              "bind-udp"):
        host, port = args[0], int(args[1])
        kind = socket.SOCK_STREAM if op.startswith(("tcp", "bind-tcp")) \
            else socket.SOCK_DGRAM
        with socket.socket(family_of(host), kind) as s:
            if op == "tcp":
                s.settimeout(TIMEOUT)
                s.connect((host, port))
            elif op == "tcp-nb":
                s.setblocking(False)
                rc = s.connect_ex((host, port))
                return "ok" if rc == 0 else errno.errorcode[rc]
            elif op == "tcp-fastopen":
                s.setblocking(False)
                try:
                    s.sendto(b"tfo", socket.MSG_FASTOPEN, (host, port))
                except BlockingIOError as e:
                    if e.errno != errno.EINPROGRESS:
                        raise
                    # the handshake goes on: wait for its outcome
                    select.select([], [s], [], TIMEOUT)
                    err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                    if err:
                        raise OSError(err, os.strerror(err))
            elif op == "udp-sendto":
                s.sendto(b"sendto", (host, port))
            elif op == "udp-connect":
                s.connect((host, port))
                s.send(b"connect")
            elif op == "udp-peer":
                s.connect((host, port))
                return "ok peer=%s" % (s.getpeername()[0],)
            elif op == "udp-sendmsg":
                s.sendmsg([b"sendmsg"], [], 0, (host, port))
            elif op == "udp-sendmmsg":
                dests = [(host, port)]
                dests.append((args[2], int(args[3])) if len(args) > 2
                             else (host, port))
                return sendmmsg(s, dests)
            elif op in ("bind-tcp", "bind-udp"):
                s.bind((host, port))
                return "ok port=%d" % s.getsockname()[1]
        return "ok"
    if op == "listen-accept":
        fam = socket.AF_INET6 if args[0] == "6" else socket.AF_INET
        with socket.socket(fam, socket.SOCK_STREAM) as s:
            s.listen(1)
            s.settimeout(float(args[2]) if len(args) > 2 else TIMEOUT)
            tmp = args[1] + ".tmp"
            with open(tmp, "w") as f:
                f.write(str(s.getsockname()[1]))
            os.replace(tmp, args[1])
            conn, peer = s.accept()
            conn.close()
            return "ok from=%s" % (peer[0],)
    if op == "self-server":
        host = args[0]
        with socket.socket(family_of(host), socket.SOCK_STREAM) as srv:
            srv.bind((host, 0))
            srv.listen(1)
            srv.settimeout(TIMEOUT)
            with socket.socket(family_of(host), socket.SOCK_STREAM) as c:
                c.settimeout(TIMEOUT)
                c.connect(srv.getsockname()[:2])
                conn, _ = srv.accept()
                with conn:
                    c.sendall(b"ping")
                    got = conn.recv(4)
            return "ok got=%s" % got.decode()
    if op == "socket":
        with socket.socket(const(args[0]), const(args[1]), const(args[2])):
            return "ok"
    if op in ("unix", "unix-dgram"):
        kind = socket.SOCK_STREAM if op == "unix" else socket.SOCK_DGRAM
        with socket.socket(socket.AF_UNIX, kind) as s:
            s.settimeout(TIMEOUT)
            if op == "unix":
                s.connect(unix_addr(args[0]))
            else:
                s.sendto(b"dgram", unix_addr(args[0]))
        return "ok"
    if op == "socketpair":
        a, b = socket.socketpair()
        with a, b:
            a.sendall(b"x")
            return "ok" if b.recv(1) == b"x" else "lost"
    if op == "unix-own":
        return unix_own(args[0])
    if op == "unix-squat":
        addr = unix_addr(args[0])
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as b, \
                socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as c:
            c.settimeout(TIMEOUT)
            return "bind=%s connect=%s" % (attempt(lambda: b.bind(addr)),
                                          attempt(lambda: c.connect(addr)))
    if op == "chdir":
        os.chdir(args[0])
        return "ok"
    if op == "symlink":
        os.symlink(args[0], args[1])
        return "ok"
    if op == "gai":
        res = socket.getaddrinfo(args[0], int(args[1]),
                                 type=socket.SOCK_STREAM)
        return "ok " + " ".join(sorted({r[4][0] for r in res}))
    raise SystemExit("net_probe.py: unknown step %r" % spec)


def run(spec):
    op, *args = spec.split(",")
    if op == "exit":
        sys.exit(int(args[0]))
    if op == "uncaught":
        socket.create_connection((args[0], int(args[1])), TIMEOUT)
        return "ok"
    try:
        return step(spec)
    except socket.gaierror as e:
        names = [n for n in dir(socket) if n.startswith("EAI_")
                 and getattr(socket, n) == e.errno]
        return "gaierror " + (names[0] if names else str(e.errno))
    except socket.timeout:
        return "TIMEOUT"
    except OSError as e:
        return errno.errorcode.get(e.errno, str(e.errno))


def main():
    print("pid=%d" % os.getpid(), flush=True)
    for spec in sys.argv[1:]:
        print("%s -> %s" % (spec, run(spec)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
