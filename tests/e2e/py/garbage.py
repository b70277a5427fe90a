"""Garbage fixture for the py-garbage.sh e2e test: the program corrupts the
interpreter structures that hermetic reads to find the call site, makes a
denied connect while they are corrupt, and puts them back, so that the
test can check that hermetic neither crashes, nor hangs, nor prints a
frame that is not there.

usage: garbage.py MODE

With ctypes, the program finds its own thread state
(PyThreadState_Get) and in it the word hermetic starts the frame walk
from:
  3.8-3.10   tstate->frame                  (offset 24)
  3.11       tstate->cframe->current_frame  (56, then 8)
  3.12       tstate->cframe->current_frame  (56, then 0)
  3.13       tstate->current_frame          (72)
It checks that the word holds the running frame (3.8-3.10: the frame
object of sys._getframe(); 3.11+: an interpreter frame whose code is the
running function's), then, with everything made beforehand, runs

    cell.value = bad                     # one STORE_ATTR
    r = connect(fd, addr, size)          # one CALL: libc connect() by ctypes
    cell.value = orig                    # one STORE_ATTR

so that no Python frame is pushed or popped and no Python code runs (the
garbage collector is off) while the word is bad. MODE says what "bad" is:

  control     the real frame itself (the word written is the one that was
              there): the trace line must name corrupt_and_connect() at
              the connect line, which shows that the run does reach the
              word hermetic reads
  null        0
  self        a fake frame (a copy of the real one, in a ctypes buffer)
              whose back/previous pointer points to itself and whose
              code pointer points to garbage that looks like an object (a
              fake ob_type, a fake filename str that claims 2**40
              characters, a fake line table)
  cycle       two such fake frames, each the other's back/previous
  unmapped    the middle of a region that was mmap'ed then munmap'ed
  partial     a fake frame in the last 8 bytes of a mapped page whose
              next page was munmap'ed: reading it comes up short
  misaligned  the real frame's address + 3
  fakecode    a fake frame, its back/previous the real frame, whose code
              pointer points to a byte copy of a real code object, its
              co_filename, co_name (and co_qualname) set to the real str
              objects "evil.py" and "evil_func", co_firstlineno 666 and
              the line table a real bytes object, but its ob_type a copy
              of PyCode_Type, not PyCode_Type itself: hermetic must not
              take it for a code object and must not print "evil.py"

The denied call is libc's connect() of a non-blocking TCP socket to
203.0.113.1:9 (TEST-NET-3), made on the line ending in "# MARK:connect"
in corrupt_and_connect(), which the module level calls on the line ending in
"# MARK:call".

Prints "pid=N", an "info MODE: ..." line with the addresses used, then
"denied MODE" when connect() failed with EPERM ("error MODE: ERRNO" when
it failed otherwise, "connected MODE" when it went through), then
"alive MODE" once Python frames work again. When MODE cannot be done
safely on this interpreter (no offsets for the version, or the offsets do
not match what the running interpreter holds), prints "skip MODE: REASON"
and nothing else. Exits 0 (2 for a bad MODE).
"""
import ctypes
import errno
import gc
import os
import socket
import struct
import sys
import types

MODES = ("control", "null", "self", "cycle", "unmapped", "partial",
         "misaligned", "fakecode")
MODE = sys.argv[1] if len(sys.argv) > 1 else ""
ADDR = ("203.0.113.1", 9)
V = sys.version_info[:2]

# what fakecode tries to make hermetic print
EVIL_FILE = "evil.py"
EVIL_NAME = "evil_func"

# Per version: where the frame word is (ts: offset in the thread state;
# cf: then the offset of current_frame in the _PyCFrame it points to,
# None when ts is the frame word itself), the frame record (back, code,
# instr and its size, owner) and the code object fields
# (../../shared/reference/python-remote-stacks.md section 7).
if V in ((3, 8), (3, 9), (3, 10)):
    L = dict(ts=24, cf=None, back=24, code=32,
             instr=104 if V < (3, 10) else 96, isize=4, owner=None,
             co_firstlineno=40, co_filename=104, co_name=112,
             co_qualname=None, co_linetable=120, co_adaptive=None)
elif V == (3, 11):
    L = dict(ts=56, cf=8, back=48, code=32, instr=56, isize=8, owner=69,
             co_firstlineno=72, co_filename=112, co_name=120,
             co_qualname=128, co_linetable=136, co_adaptive=184)
elif V == (3, 12):
    L = dict(ts=56, cf=0, back=8, code=0, instr=56, isize=8, owner=70,
             co_firstlineno=68, co_filename=112, co_name=120,
             co_qualname=128, co_linetable=136, co_adaptive=192)
elif V == (3, 13):
    L = dict(ts=72, cf=None, back=8, code=0, instr=56, isize=8, owner=70,
             co_firstlineno=68, co_filename=112, co_name=120,
             co_qualname=128, co_linetable=136, co_adaptive=200)
else:
    L = None

PAGE = 4096
keep = []  # every buffer the bad pointers lead to stays alive here


def peek(addr):
    return ctypes.c_uint64.from_address(addr).value


def poke(addr, value):
    ctypes.c_uint64.from_address(addr).value = value


def poke32(addr, value):
    ctypes.c_int32.from_address(addr).value = value


def buffer(size, fill=b"\0"):
    """An 8-byte aligned ctypes buffer of size bytes; its address."""
    b = ctypes.create_string_buffer(fill * (size + 8), size + 8)
    keep.append(b)
    a = ctypes.addressof(b)
    return a + (-a % 8)


def copy_of(addr, size, room=0):
    """An aligned buffer holding the size bytes at addr (room bytes more)."""
    a = buffer(max(size, room))
    ctypes.memmove(a, addr, size)
    return a


def line_table(co):
    return co.co_lnotab if V < (3, 10) else co.co_linetable


def skip(reason):
    print("skip %s: %s" % (MODE, reason), flush=True)
    sys.exit(0)


def said(r, e):
    if r == 0:
        print("connected %s" % MODE, flush=True)
    elif e == errno.EPERM:
        print("denied %s" % MODE, flush=True)
    else:
        print("error %s: %s" % (MODE, errno.errorcode.get(e, e)), flush=True)


# --- libc ---------------------------------------------------------------

libc = ctypes.CDLL(None, use_errno=True)
c_connect = libc.connect
c_connect.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_uint32]
c_connect.restype = ctypes.c_int
c_mmap = libc.mmap
c_mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int,
                   ctypes.c_int, ctypes.c_int, ctypes.c_long]
c_mmap.restype = ctypes.c_void_p
c_munmap = libc.munmap
c_munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
c_munmap.restype = ctypes.c_int
c_write = libc.write
c_write.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t]
c_write.restype = ctypes.c_ssize_t
PROT_RW = 0x1 | 0x2
MAP_PRIVATE_ANON = 0x02 | 0x20


def readable(addr, size):
    """Can size bytes at addr be read? Asked of the kernel (write() to a
    pipe fails with EFAULT), so that a wrong guess does not crash."""
    rfd, wfd = os.pipe()
    try:
        return c_write(wfd, addr, size) == size
    finally:
        os.close(rfd)
        os.close(wfd)


def mmap_pages(n):
    a = c_mmap(None, n * PAGE, PROT_RW, MAP_PRIVATE_ANON, -1, 0)
    if a is None or a == ctypes.c_void_p(-1).value:
        skip("mmap failed")
    return a


class sockaddr_in(ctypes.Structure):
    _fields_ = [
        ("sin_family", ctypes.c_ushort),
        ("sin_port", ctypes.c_uint16),
        ("sin_addr", ctypes.c_uint32),
        ("sin_zero", ctypes.c_char * 8),
    ]


# --- the structures -------------------------------------------------------

def frame_slot():
    """The address of the word hermetic starts the frame walk from."""
    get = ctypes.pythonapi.PyThreadState_Get
    get.argtypes = []
    get.restype = ctypes.c_void_p
    ts = get()
    if not ts:
        skip("PyThreadState_Get() returned NULL")
    if L["cf"] is None:
        return ts + L["ts"]
    cframe = peek(ts + L["ts"])
    if not cframe or cframe % 8 or not readable(cframe, 16):
        skip("tstate->cframe (offset %d) is %#x" % (L["ts"], cframe))
    return cframe + L["cf"]


def check_code_offsets(co):
    """Skip unless the code object fields are where L says they are."""
    a = id(co)
    want = [("co_filename", id(co.co_filename)), ("co_name", id(co.co_name)),
            ("co_linetable", id(line_table(co)))]
    if L["co_qualname"] is not None:
        want.append(("co_qualname", id(co.co_qualname)))
    for field, value in want:
        if peek(a + L[field]) != value:
            skip("%s of a code object is not at offset %d here" % (field, L[field]))
    if ctypes.c_int32.from_address(a + L["co_firstlineno"]).value != co.co_firstlineno:
        skip("co_firstlineno is not at offset %d here" % L["co_firstlineno"])
    if peek(a + 8) != id(types.CodeType):
        skip("ob_type of a code object is not at offset 8 here")


def garbage_object():
    """A buffer that looks like an object but is not a code object: a fake
    ob_type (0x5a bytes), a fake str (compact ASCII, claiming 2**40
    characters) as filename and name, a fake line table (a bytes header
    claiming 128 KiB)."""
    fake_type = buffer(512, b"\x5a")
    fake_str = buffer(128)
    poke(fake_str, 1)                      # ob_refcnt
    poke(fake_str + 8, fake_type)          # ob_type
    poke(fake_str + 16, 1 << 40)           # length
    poke(fake_str + 24, 0xdeadbeef)        # hash
    poke32(fake_str + 32, (1 << 2) | (1 << 5) | (1 << 6))  # kind 1, compact, ascii
    fake_bytes = buffer(64, b"\xff")
    poke(fake_bytes + 16, 1 << 17)         # ob_size: more than is there
    g = buffer(1024, b"\xa5")
    poke(g, 1)
    poke(g + 8, fake_type)
    for field in ("co_filename", "co_name", "co_qualname"):
        if L[field] is not None:
            poke(g + L[field], fake_str)
    poke(g + L["co_linetable"], fake_bytes)
    poke32(g + L["co_firstlineno"], 7)
    return g


def fake_frame(orig, back, code):
    """A copy of the real frame at orig with back and code replaced."""
    f = copy_of(orig, 128, room=256)
    poke(f + L["back"], back)
    poke(f + L["code"], code)
    if L["isize"] == 4:
        poke32(f + L["instr"], 0)          # f_lasti
    else:
        poke(f + L["instr"], code + L["co_adaptive"])
    if L["owner"] is not None:
        ctypes.c_uint8.from_address(f + L["owner"]).value = 0  # owned by the thread
    return f


def evil_template():
    return "a code object to copy"


def make_bad(orig):
    """The bad value of the frame word for MODE."""
    if MODE == "control":
        return orig
    if MODE == "null":
        return 0
    if MODE == "self":
        f = fake_frame(orig, 0, garbage_object())
        poke(f + L["back"], f)
        return f
    if MODE == "cycle":
        g = garbage_object()
        a = fake_frame(orig, 0, g)
        b = fake_frame(orig, a, g)
        poke(a + L["back"], b)
        return a
    if MODE == "unmapped":
        base = mmap_pages(3)
        if c_munmap(base, 3 * PAGE) != 0:
            skip("munmap failed")
        return base + PAGE
    if MODE == "partial":
        base = mmap_pages(2)
        if c_munmap(base + PAGE, PAGE) != 0:
            skip("munmap failed")
        f = base + PAGE - 8
        poke(f, garbage_object())
        return f
    if MODE == "misaligned":
        return orig + 3
    if MODE == "fakecode":
        co = evil_template.__code__
        check_code_offsets(co)
        # a code object in all but its type: a byte copy of PyCode_Type
        # at another address
        fake_type = copy_of(id(types.CodeType), 400)
        c = copy_of(id(co), min(sys.getsizeof(co), 2048), room=512)
        poke(c, 1 << 20)
        poke(c + 8, fake_type)
        poke(c + L["co_filename"], id(EVIL_FILE))
        poke(c + L["co_name"], id(EVIL_NAME))
        if L["co_qualname"] is not None:
            poke(c + L["co_qualname"], id(EVIL_NAME))
        poke(c + L["co_linetable"], id(line_table(co)))
        poke32(c + L["co_firstlineno"], 666)
        return fake_frame(orig, orig, c)
    raise AssertionError(MODE)


def corrupt_and_connect():
    slot = frame_slot()
    if slot % 8:
        skip("the frame word at %#x is not aligned" % slot)
    cell = ctypes.c_uint64.from_address(slot)
    orig = cell.value
    # the word must hold this very frame, or writing it is not safe
    if L["cf"] is None and L["isize"] == 4:
        if orig != id(sys._getframe()):
            skip("tstate->frame (offset %d) is not the running frame" % L["ts"])
    elif (not orig or orig % 8 or not readable(orig, 128)
          or peek(orig + L["code"]) != id(sys._getframe().f_code)):
        skip("the frame word at %#x (%#x) is not the running frame" % (slot, orig))
    bad = make_bad(orig)
    print("info %s: python %d.%d slot=%#x frame=%#x bad=%#x"
          % (MODE, V[0], V[1], slot, orig, bad), flush=True)

    sa = sockaddr_in(socket.AF_INET, socket.htons(ADDR[1]),
                     struct.unpack("=I", socket.inet_aton(ADDR[0]))[0])
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)  # without hermetic: EINPROGRESS at once
    fd = s.fileno()
    addr = ctypes.addressof(sa)
    size = ctypes.sizeof(sa)
    connect = c_connect
    ctypes.set_errno(0)  # also makes ctypes' errno slot of this thread
    gc.collect()
    gc.disable()

    cell.value = bad
    r = connect(fd, addr, size)  # MARK:connect
    cell.value = orig

    e = ctypes.get_errno()
    gc.enable()
    s.close()
    return r, e


def alive():
    return "alive %s" % MODE


if MODE not in MODES:
    print(__doc__, file=sys.stderr)
    sys.exit(2)
print("pid=%d" % os.getpid(), flush=True)
if L is None:
    skip("no offsets for Python %d.%d" % V)
r, e = corrupt_and_connect()  # MARK:call
said(r, e)
print(alive(), flush=True)
sys.exit(0)
