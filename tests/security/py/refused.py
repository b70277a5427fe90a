"""One sandbox-escape technique per run, for tests/security/refused.sh.

usage: refused.py TECHNIQUE

Prints "ok VALUE" when the technique worked, "errno N" when the kernel (or
hermetic) refused it. Techniques that change the process (installing a
filter, unsharing, cloning) run in a throwaway child.
"""
import ctypes
import mmap
import os
import signal
import struct
import sys
import time

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long

NR = {
    "ptrace": 101, "process_vm_readv": 310, "process_vm_writev": 311,
    "io_uring_setup": 425, "bpf": 321, "userfaultfd": 323, "unshare": 272,
    "setns": 308, "pidfd_open": 434, "pidfd_getfd": 438,
    "name_to_handle_at": 303, "open_by_handle_at": 304, "seccomp": 317,
    "prctl": 157, "personality": 135, "clone": 56, "getpid": 39,
}


def sc(name, *args):
    ctypes.set_errno(0)
    r = libc.syscall(ctypes.c_long(NR[name]),
                     *[ctypes.c_long(a) if isinstance(a, int) else a
                       for a in args])
    return r, ctypes.get_errno()


def report(r, err):
    print(f"errno {err}" if r == -1 else f"ok {r}")


def in_child(fn):
    """Run fn in a forked child; relay its one-line verdict."""
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(rfd)
        try:
            r, err = fn()
            line = f"errno {err}" if r == -1 else f"ok {r}"
        except Exception as e:  # noqa: BLE001 - report anything
            line = f"error {e}"
        os.write(wfd, line.encode())
        os._exit(0)
    os.close(wfd)
    out = os.read(rfd, 200).decode()
    os.waitpid(pid, 0)
    print(out)


def t_ptrace():
    # attach to a child of ours: allowed to any parent without hermetic
    pid = os.fork()
    if pid == 0:
        time.sleep(5)
        os._exit(0)
    r, err = sc("ptrace", 16, pid, 0, 0)       # PTRACE_ATTACH
    if r == 0:
        os.waitpid(pid, 0)
        sc("ptrace", 17, pid, 0, 0)            # PTRACE_DETACH
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    report(r, err)


def t_io_uring_setup():
    params = ctypes.create_string_buffer(120)
    report(*sc("io_uring_setup", 4, params))


class IoVec(ctypes.Structure):
    _fields_ = [("base", ctypes.c_void_p), ("len", ctypes.c_size_t)]


def _vm(name):
    src = ctypes.create_string_buffer(b"x" * 8)
    dst = ctypes.create_string_buffer(8)
    local = IoVec(ctypes.addressof(dst if name.endswith("readv") else src), 8)
    remote = IoVec(ctypes.addressof(src if name.endswith("readv") else dst), 8)
    report(*sc(name, os.getpid(), ctypes.byref(local), 1,
               ctypes.byref(remote), 1, 0))


def t_process_vm_writev():
    _vm("process_vm_writev")


def t_process_vm_readv():
    _vm("process_vm_readv")


def t_x32():
    # getpid (39) with the x32 bit: there is no x32 on this kernel, so the
    # kernel itself answers ENOSYS without hermetic
    report(*sc_raw(0x40000000 | 39))


def sc_raw(nr):
    ctypes.set_errno(0)
    r = libc.syscall(ctypes.c_long(nr))
    return r, ctypes.get_errno()


def t_int80():
    # i386 getpid (20) through int 0x80 from this 64-bit process
    code = bytes([0xb8, 20, 0, 0, 0,  # mov eax, 20
                  0xcd, 0x80,          # int 0x80
                  0xc3])               # ret
    buf = mmap.mmap(-1, mmap.PAGESIZE,
                    prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
    buf.write(code)
    addr = ctypes.addressof(ctypes.c_char.from_buffer(buf))
    fn = ctypes.CFUNCTYPE(ctypes.c_int)(addr)
    r = fn()
    print(f"errno {-r}" if r < 0 else f"ok {r}")


def t_bpf():
    # BPF_MAP_CREATE of a tiny array map
    attr = struct.pack("IIII", 2, 4, 4, 1) + bytes(128 - 16)
    buf = ctypes.create_string_buffer(attr, len(attr))
    report(*sc("bpf", 0, buf, len(attr)))


def t_userfaultfd():
    report(*sc("userfaultfd", os.O_CLOEXEC))


def t_unshare():
    in_child(lambda: sc("unshare", 0x10000000))  # CLONE_NEWUSER


def t_setns():
    fd = os.open("/proc/self/ns/uts", os.O_RDONLY)
    in_child(lambda: sc("setns", fd, 0x04000000))  # CLONE_NEWUTS


def t_pidfd_getfd():
    pidfd, err = sc("pidfd_open", os.getpid(), 0)
    if pidfd < 0:
        print(f"error pidfd_open {err}")
        return
    report(*sc("pidfd_getfd", pidfd, 0, 0))


def t_open_by_handle_at():
    handle = ctypes.create_string_buffer(128 + 8)
    struct.pack_into("I", handle, 0, 128)
    mount_id = ctypes.c_int()
    r, err = sc("name_to_handle_at", -100, b"/etc/hostname", handle,
                ctypes.byref(mount_id), 0)
    if r < 0:
        print(f"error name_to_handle_at {err}")
        return
    mfd = os.open("/", os.O_RDONLY)
    report(*sc("open_by_handle_at", mfd, handle, os.O_RDONLY))


def t_seccomp_listener():
    def install():
        libc.prctl(38, 1, 0, 0, 0)                      # NO_NEW_PRIVS
        insn = struct.pack("HBBI", 0x06, 0, 0, 0x7fff0000)  # RET ALLOW
        prog_buf = ctypes.create_string_buffer(insn, len(insn))
        prog = struct.pack("HxxxxxxQ", 1, ctypes.addressof(prog_buf))
        pbuf = ctypes.create_string_buffer(prog, len(prog))
        return sc("seccomp", 1, 1 << 3, pbuf)           # NEW_LISTENER
    in_child(install)


def t_dumpable():
    in_child(lambda: sc("prctl", 4, 0, 0, 0, 0))         # PR_SET_DUMPABLE 0


def t_personality():
    in_child(lambda: sc("personality", 0x0008))          # PER_LINUX32


def _clone(flags):
    def do():
        r, err = sc("clone", flags | signal.SIGCHLD, 0, 0, 0, 0)
        if r == 0:
            os._exit(0)         # the child: leave at once
        if r > 0:
            os.waitpid(r, 0)
        return r, err
    in_child(do)


def t_clone_untraced():
    _clone(0x00800000)


def t_clone_newuser():
    _clone(0x10000000)


def t_supervisor_mem():
    # read the parent's memory: hermetic under hermetic, a plain process
    # without it
    ppid = os.getppid()
    try:
        with open(f"/proc/{ppid}/mem", "rb") as f:
            maps = open(f"/proc/{ppid}/maps").readline()
            start = int(maps.split("-")[0], 16)
            f.seek(start)
            print(f"ok {len(f.read(16))}")
    except OSError as e:
        print(f"errno {e.errno}")


def t_supervisor_signal():
    try:
        os.kill(os.getppid(), 0)
        print("ok 0")
    except OSError as e:
        print(f"errno {e.errno}")


def t_landlock_abi():
    # not a technique: the Landlock ABI of this kernel, for the test script
    r, _ = sc_raw3(444, 0, 0, 1)
    print(f"abi {max(r, 0)}")


def sc_raw3(nr, a, b, c):
    ctypes.set_errno(0)
    r = libc.syscall(ctypes.c_long(nr), ctypes.c_long(a), ctypes.c_long(b),
                     ctypes.c_long(c))
    return r, ctypes.get_errno()


globals()["t_" + sys.argv[1]]()
