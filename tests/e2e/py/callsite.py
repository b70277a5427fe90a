"""Call-site fixture for the py-callsite*.sh and py-backtrace.sh e2e tests:
one denied action in the place SCENARIO names, so that a test can check
the " at FILE:LINE in QUALNAME" part of hermetic's trace line.

usage: callsite.py SCENARIO

Each line making the denied call ends with "# MARK:SCENARIO" (the tests
find it with grep -n). The denied call is a TCP connect to 203.0.113.1:9
(TEST-NET-3; under --no-network it is refused before any packet leaves)
unless said otherwise; its socket has a short timeout, so that a run
without hermetic stays fast.

  module   at the module level of this script (<module>)
  nested   in a nested function (outer.<locals>.inner; inner before 3.11)
  method   in a method (Client.fetch; fetch before 3.11)
  thread   in a threading.Thread worker (thread_worker)
  nogil    in a worker thread (nogil_worker) while the main thread spins
           in pure Python holding the GIL: the connect runs with the GIL
           released and held by another thread
  import   at the module level of callsite_mod.py, during its import
  ctypes   libc's connect() called through ctypes (via_ctypes), the
           socket made in Python and its sockaddr_in with ctypes
  fork     in a child of os.fork() (fork_child), which then _exits
  exec     subprocess.run(["/bin/false"]) in spawn(): its exec (in the
           child forked by _posixsubprocess) is the denied call
  unicode  in fünf_函数() of modülé_函数.py, which the test copies from
           callsite_uni.py next to this script
  deep     250 calls of dive() deep, then the connect in the innermost
  twice    two connects from one line at module level (for the tests of
           interpreters without call sites)

Prints "pid=N" first; then "tid=N" (thread, nogil) or "child pid=N"
(fork); then "denied SCENARIO" when the call failed with EPERM, "error
SCENARIO: ERRNO" when it failed otherwise, "connected SCENARIO" (or "ran
exec STATUS") when it went through. Exits 0 (2 for a bad SCENARIO).
Runs on Python 3.6 and later.
"""
import errno
import os
import socket
import sys
import threading
import time

ADDR = ("203.0.113.1", 9)
SCENARIO = sys.argv[1] if len(sys.argv) > 1 else ""


def new_socket():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(0.5)
    return s


def said(name, e):
    if isinstance(e, OSError) and e.errno == errno.EPERM:
        print("denied %s" % name, flush=True)
    elif isinstance(e, OSError) and e.errno:
        print("error %s: %s" % (name, errno.errorcode.get(e.errno, e.errno)), flush=True)
    else:
        print("error %s: %s" % (name, type(e).__name__), flush=True)


def native_id():
    # threading.get_native_id() is 3.8+; the older ones only need to run
    f = getattr(threading, "get_native_id", None)
    return f() if f else -1


def connected(name):
    print("connected %s" % name, flush=True)


def outer():
    def inner():
        s = new_socket()
        try:
            s.connect(ADDR)  # MARK:nested
            connected("nested")
        except OSError as e:
            said("nested", e)
        finally:
            s.close()

    inner()


class Client:
    def fetch(self):
        s = new_socket()
        try:
            s.connect(ADDR)  # MARK:method
            connected("method")
        except OSError as e:
            said("method", e)
        finally:
            s.close()


def scenario_nested():
    outer()


def scenario_method():
    Client().fetch()  # CALL:method


def thread_worker():
    print("tid=%d" % native_id(), flush=True)
    s = new_socket()
    try:
        s.connect(ADDR)  # MARK:thread
        connected("thread")
    except OSError as e:
        said("thread", e)
    finally:
        s.close()


def scenario_thread():
    t = threading.Thread(target=thread_worker)
    t.start()
    t.join()


def nogil_worker(state):
    try:
        print("tid=%d" % native_id(), flush=True)
        s = new_socket()
        try:
            s.connect(ADDR)  # MARK:nogil
            connected("nogil")
        except OSError as e:
            said("nogil", e)
        finally:
            s.close()
    finally:
        state["done"] = True


def scenario_nogil():
    state = {}
    t = threading.Thread(target=nogil_worker, args=(state,))
    t.start()
    # spin in pure Python (nothing here releases the GIL by itself) until
    # the worker is done: while its connect is stopped, this thread holds
    # the GIL; bounded, so that a lost worker cannot hang the test
    n = 0
    deadline = time.monotonic() + 20
    while not state.get("done"):
        n += 1
        if n % 65536 == 0 and time.monotonic() > deadline:
            print("nogil: the worker did not finish", flush=True)
            break
    t.join(20)


def scenario_import():
    import callsite_mod  # noqa: F401


def via_ctypes():
    import ctypes
    import struct

    class sockaddr_in(ctypes.Structure):
        _fields_ = [
            ("sin_family", ctypes.c_ushort),
            ("sin_port", ctypes.c_uint16),
            ("sin_addr", ctypes.c_uint32),
            ("sin_zero", ctypes.c_char * 8),
        ]

    libc = ctypes.CDLL(None, use_errno=True)
    sa = sockaddr_in(
        socket.AF_INET,
        socket.htons(ADDR[1]),
        struct.unpack("=I", socket.inet_aton(ADDR[0]))[0],
    )
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)  # a run without hermetic: EINPROGRESS at once
    try:
        ctypes.set_errno(0)
        r = libc.connect(s.fileno(), ctypes.byref(sa), ctypes.sizeof(sa))  # MARK:ctypes
        e = ctypes.get_errno()
        if r == 0:
            connected("ctypes")
        else:
            said("ctypes", OSError(e, os.strerror(e)))
    finally:
        s.close()


def scenario_ctypes():
    via_ctypes()


def fork_child():
    print("child pid=%d" % os.getpid(), flush=True)
    s = new_socket()
    try:
        s.connect(ADDR)  # MARK:fork
        connected("fork")
    except OSError as e:
        said("fork", e)
    finally:
        s.close()


def scenario_fork():
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try:
            fork_child()
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    print("child status %d" % status, flush=True)


def spawn():
    import subprocess

    try:
        r = subprocess.run(["/bin/false"])  # MARK:exec
        print("ran exec %d" % r.returncode, flush=True)
    except OSError as e:
        said("exec", e)


def scenario_exec():
    spawn()


def scenario_unicode():
    import importlib

    mod = importlib.import_module("modülé_函数")
    mod.fünf_函数()


def dive(n):
    if n > 0:
        return dive(n - 1)  # RECURSE:deep
    s = new_socket()
    try:
        s.connect(ADDR)  # MARK:deep
        connected("deep")
    except OSError as e:
        said("deep", e)
    finally:
        s.close()


def scenario_deep():
    dive(250)


print("pid=%d" % os.getpid(), flush=True)

if SCENARIO == "module":
    s = new_socket()
    try:
        s.connect(ADDR)  # MARK:module
        connected("module")
    except OSError as e:
        said("module", e)
    finally:
        s.close()
elif SCENARIO == "twice":
    for i in range(2):
        s = new_socket()
        try:
            s.connect(ADDR)  # MARK:twice
            connected("twice")
        except OSError as e:
            said("twice", e)
        finally:
            s.close()
elif "scenario_" + SCENARIO in globals():
    globals()["scenario_" + SCENARIO]()  # DISPATCH
else:
    print(__doc__, file=sys.stderr)
    sys.exit(2)
sys.exit(0)
