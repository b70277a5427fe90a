"""Filesystem probe for the fs-*.sh e2e tests: performs the steps named on
the command line and prints one line per step

    STEP -> RESULT

where RESULT is "ok" (with what was read after it for the reading steps)
or the errno name the step failed with (EPERM, EACCES, ENOENT...), or
"n/a" when this machine has no such system call (the legacy ones on
architectures other than x86_64). A failing step does not stop the others
and the exit status is 0, so that the tests can assert on each step and on
the exit status hermetic passes through. The first line is "pid=N", to
match the pid= of hermetic's trace lines.

A step is OP,ARG,ARG... (commas: the tests' paths hold none). The steps
that open a file for writing write one byte "X" when the open succeeds,
so that a change shows on disk. DIR,NAME steps open DIR read-only and pass
its descriptor as dir_fd (the *at system calls, relative to a dirfd).

Opens (os.open, openat; then a write when the mode allows):
  open-w,PATH          O_WRONLY            open-rw,PATH      O_RDWR
  open-creat,PATH      O_RDONLY|O_CREAT (creates, writes nothing)
  open-creat-w,PATH    O_WRONLY|O_CREAT    open-excl,PATH  ...|O_EXCL
  open-trunc,PATH      O_RDONLY|O_TRUNC (Linux truncates)
  open-append,PATH     O_WRONLY|O_APPEND
  open-append-ro,PATH  O_RDONLY|O_APPEND (flags that may write; changes
                       nothing even when it opens)
  open-at,DIR,NAME     O_WRONLY|O_CREAT relative to a dirfd
  open-raw,PATH        the legacy open(2), O_WRONLY (x86_64)
  creat,PATH           creat(2) (x86_64)
Writes to what is already there:
  write-fd,FD          os.write(FD, b"X") on an inherited descriptor
  ftruncate,FD         os.ftruncate(FD, 0) on an inherited descriptor
  fallocate,FD         os.posix_fallocate(FD, 0, 65536), inherited FD
  fchmod,PATH          os.fchmod on a descriptor opened O_RDONLY, 0o600
  fchown,PATH          os.fchown on an O_RDONLY descriptor, own uid/gid
  fsetxattr,PATH       os.setxattr(fd, "user.probe", ...) on O_RDONLY
  fremovexattr,PATH    os.removexattr(fd, "user.keep") on O_RDONLY
  futimens,PATH        os.utime(fd): utimensat(fd, NULL) on O_RDONLY
Paths:
  unlink,PATH  unlink-at,DIR,NAME  rmdir,PATH  rmdir-at,DIR,NAME (unlinkat
  with AT_REMOVEDIR)  mkdir,PATH  mkdir-at,DIR,NAME
  rename,OLD,NEW  replace,OLD,NEW (os.replace)  rename-at,DIR,OLD,NEW
  renameat2,OLD,NEW (through syscall(2), flags 0)
  link,OLD,NEW  link-at,DIR,OLD,NEW  symlink,TARGET,LINK
  symlink-at,DIR,TARGET,LINK
  truncate,PATH (to 0)
  chmod,PATH (0o600)  chmod-at,DIR,NAME  fchmodat2,PATH (raw, flags 0)
  chown,PATH  lchown,PATH  chown-at,DIR,NAME (own uid and gid)
  utime-raw,PATH  utimes-raw,PATH  futimesat,DIR,NAME (x86_64)
  utimensat,PATH  utimensat-at,DIR,NAME  (all set the times to 1, 1)
  mknod-raw,PATH (a FIFO, x86_64)  mkfifo,PATH (mknodat)
  mkfifo-at,DIR,NAME  mknod-reg,PATH (os.mknod, a regular file)
  setxattr,PATH  lsetxattr,PATH  (user.probe)  removexattr,PATH
  lremovexattr,PATH  (user.keep)
  mount,TARGET   mount(2), a bind mount of TARGET/no-such-source (which
                 does not exist) on TARGET: the kernel says ENOENT to
                 root when it lets it through, and mounts nothing
  umount,TARGET  umount2(2) of a directory that is no mount point: EINVAL
Others:
  read,PATH        open for reading, prints "ok TEXT" (the first line)
  stat,PATH        os.stat                 listdir,PATH   os.listdir
  reopen-fd,PATH   open PATH read-only, then /proc/self/fd/N for writing
  reopen-devfd,PATH  the same through /dev/fd/N (a symbolic link to
                   /proc/self/fd)
  dup-stdin,PATH   open PATH read-only as descriptor 0 (dup2), then
                   /dev/fd/0 for writing; stdin is restored
  dup-stdout,PATH  open PATH read-only as descriptor 1 (dup2), then
                   /dev/stdout for writing; stdout is restored
  print            print() to stdout and stderr
  devnull          open /dev/null for writing, write
  dev-stdout       open("/dev/stdout", "w") and write
  dev-stderr       open("/dev/stderr", "w") and write
  echo             copy stdin to stdout (a pipe), print the byte count
  chdir,DIR        change directory (for relative paths)
"""
import ctypes
import errno
import os
import platform
import stat
import sys

libc = ctypes.CDLL(None, use_errno=True)
X86_64 = platform.machine() in ("x86_64", "amd64")
# x86_64 numbers of the legacy calls that glibc and Python no longer use;
# renameat2 and fchmodat2 (which glibc may lack) through syscall(2) too
SYS = {"open": 2, "creat": 85, "mknod": 133, "utime": 132, "utimes": 235,
       "futimesat": 261}
SYS_RENAMEAT2 = {"x86_64": 316, "aarch64": 276}.get(platform.machine())
SYS_FCHMODAT2 = 452
AT_FDCWD = -100


class NotHere(Exception):
    pass


def check(r):
    if r < 0:
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e))
    return r


def raw(name, *args):
    if not X86_64:
        raise NotHere
    return check(libc.syscall(ctypes.c_long(SYS[name]), *args))


def b(path):
    return path.encode()


class Timeval(ctypes.Structure):
    _fields_ = [("sec", ctypes.c_long), ("usec", ctypes.c_long)]


class Utimbuf(ctypes.Structure):
    _fields_ = [("actime", ctypes.c_long), ("modtime", ctypes.c_long)]


def tv2():
    return (Timeval * 2)(Timeval(1, 0), Timeval(1, 0))


def opened_write(path, flags, write=True, **kw):
    fd = os.open(path, flags, 0o644, **kw)
    try:
        if write:
            os.write(fd, b"X")
    finally:
        os.close(fd)


def with_ro(path, fn):
    fd = os.open(path, os.O_RDONLY)
    try:
        fn(fd)
    finally:
        os.close(fd)


def with_dir(d, fn):
    dfd = os.open(d, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fn(dfd)
    finally:
        os.close(dfd)


def step(op, args):
    uid, gid = os.getuid(), os.getgid()
    a = args
    if op == "open-w":
        opened_write(a[0], os.O_WRONLY)
    elif op == "open-rw":
        opened_write(a[0], os.O_RDWR)
    elif op == "open-creat":
        opened_write(a[0], os.O_RDONLY | os.O_CREAT, write=False)
    elif op == "open-creat-w":
        opened_write(a[0], os.O_WRONLY | os.O_CREAT)
    elif op == "open-excl":
        opened_write(a[0], os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    elif op == "open-trunc":
        opened_write(a[0], os.O_RDONLY | os.O_TRUNC, write=False)
    elif op == "open-append":
        opened_write(a[0], os.O_WRONLY | os.O_APPEND)
    elif op == "open-append-ro":
        opened_write(a[0], os.O_RDONLY | os.O_APPEND, write=False)
    elif op == "open-at":
        with_dir(a[0], lambda d: opened_write(
            a[1], os.O_WRONLY | os.O_CREAT, dir_fd=d))
    elif op == "open-raw":
        fd = raw("open", b(a[0]), ctypes.c_int(os.O_WRONLY),
                 ctypes.c_int(0o644))
        try:
            os.write(fd, b"X")
        finally:
            os.close(fd)
    elif op == "creat":
        os.close(raw("creat", b(a[0]), ctypes.c_int(0o644)))
    elif op == "write-fd":
        os.write(int(a[0]), b"X")
    elif op == "ftruncate":
        os.ftruncate(int(a[0]), 0)
    elif op == "fallocate":
        os.posix_fallocate(int(a[0]), 0, 65536)
    elif op == "fchmod":
        with_ro(a[0], lambda fd: os.fchmod(fd, 0o600))
    elif op == "fchown":
        with_ro(a[0], lambda fd: os.fchown(fd, uid, gid))
    elif op == "fsetxattr":
        with_ro(a[0], lambda fd: os.setxattr(fd, "user.probe", b"1"))
    elif op == "fremovexattr":
        with_ro(a[0], lambda fd: os.removexattr(fd, "user.keep"))
    elif op == "futimens":
        with_ro(a[0], lambda fd: os.utime(fd))
    elif op == "unlink":
        os.unlink(a[0])
    elif op == "unlink-at":
        with_dir(a[0], lambda d: os.unlink(a[1], dir_fd=d))
    elif op == "rmdir":
        os.rmdir(a[0])
    elif op == "rmdir-at":
        with_dir(a[0], lambda d: os.rmdir(a[1], dir_fd=d))
    elif op == "mkdir":
        os.mkdir(a[0])
    elif op == "mkdir-at":
        with_dir(a[0], lambda d: os.mkdir(a[1], dir_fd=d))
    elif op == "rename":
        os.rename(a[0], a[1])
    elif op == "replace":
        os.replace(a[0], a[1])
    elif op == "rename-at":
        with_dir(a[0], lambda d: os.rename(a[1], a[2], src_dir_fd=d,
                                           dst_dir_fd=d))
    elif op == "renameat2":
        if SYS_RENAMEAT2 is None:
            raise NotHere
        check(libc.syscall(ctypes.c_long(SYS_RENAMEAT2), AT_FDCWD, b(a[0]),
                           AT_FDCWD, b(a[1]), ctypes.c_uint(0)))
    elif op == "link":
        os.link(a[0], a[1])
    elif op == "link-at":
        with_dir(a[0], lambda d: os.link(a[1], a[2], src_dir_fd=d,
                                         dst_dir_fd=d))
    elif op == "symlink":
        os.symlink(a[0], a[1])
    elif op == "symlink-at":
        with_dir(a[0], lambda d: os.symlink(a[1], a[2], dir_fd=d))
    elif op == "truncate":
        os.truncate(a[0], 0)
    elif op == "chmod":
        os.chmod(a[0], 0o600)
    elif op == "chmod-at":
        with_dir(a[0], lambda d: os.chmod(a[1], 0o600, dir_fd=d))
    elif op == "fchmodat2":
        check(libc.syscall(ctypes.c_long(SYS_FCHMODAT2), AT_FDCWD, b(a[0]),
                           ctypes.c_uint(0o600), ctypes.c_uint(0)))
    elif op == "chown":
        os.chown(a[0], uid, gid)
    elif op == "lchown":
        os.lchown(a[0], uid, gid)
    elif op == "chown-at":
        with_dir(a[0], lambda d: os.chown(a[1], uid, gid, dir_fd=d))
    elif op == "utime-raw":
        t = Utimbuf(1, 1)
        raw("utime", b(a[0]), ctypes.byref(t))
    elif op == "utimes-raw":
        raw("utimes", b(a[0]), tv2())
    elif op == "futimesat":
        with_dir(a[0], lambda d: raw("futimesat", d, b(a[1]), tv2()))
    elif op == "utimensat":
        os.utime(a[0], (1, 1))
    elif op == "utimensat-at":
        with_dir(a[0], lambda d: os.utime(a[1], (1, 1), dir_fd=d))
    elif op == "mknod-raw":
        raw("mknod", b(a[0]), ctypes.c_uint(stat.S_IFIFO | 0o644),
            ctypes.c_ulong(0))
    elif op == "mkfifo":
        os.mkfifo(a[0])
    elif op == "mkfifo-at":
        with_dir(a[0], lambda d: os.mkfifo(a[1], dir_fd=d))
    elif op == "mknod-reg":
        os.mknod(a[0], stat.S_IFREG | 0o644)
    elif op == "setxattr":
        os.setxattr(a[0], "user.probe", b"1")
    elif op == "lsetxattr":
        os.setxattr(a[0], "user.probe", b"1", follow_symlinks=False)
    elif op == "removexattr":
        os.removexattr(a[0], "user.keep")
    elif op == "lremovexattr":
        os.removexattr(a[0], "user.keep", follow_symlinks=False)
    elif op == "mount":
        libc.mount.argtypes = [ctypes.c_char_p] * 3 + [ctypes.c_ulong,
                                                    ctypes.c_void_p]
        ms_bind = 4096
        check(libc.mount(b(a[0] + "/no-such-source"), b(a[0]), None,
                         ms_bind, None))
    elif op == "umount":
        check(libc.umount2(b(a[0]), 0))
    elif op == "read":
        with open(a[0]) as f:
            return "ok " + f.readline().rstrip("\n")
    elif op == "stat":
        os.stat(a[0])
    elif op == "listdir":
        return "ok " + " ".join(sorted(os.listdir(a[0])))
    elif op == "reopen-fd":
        fd = os.open(a[0], os.O_RDONLY)
        try:
            opened_write("/proc/self/fd/%d" % fd, os.O_WRONLY)
        finally:
            os.close(fd)
    elif op == "reopen-devfd":
        fd = os.open(a[0], os.O_RDONLY)
        try:
            opened_write("/dev/fd/%d" % fd, os.O_WRONLY)
        finally:
            os.close(fd)
    elif op in ("dup-stdin", "dup-stdout"):
        target, name = {"dup-stdin": (0, "/dev/fd/0"),
                        "dup-stdout": (1, "/dev/stdout")}[op]
        sys.stdout.flush()
        saved = os.dup(target)
        fd = os.open(a[0], os.O_RDONLY)
        try:
            os.dup2(fd, target)
            opened_write(name, os.O_WRONLY)
        finally:
            os.dup2(saved, target)
            os.close(saved)
            os.close(fd)
    elif op == "print":
        print("printed to stdout", flush=True)
        print("printed to stderr", file=sys.stderr, flush=True)
    elif op == "devnull":
        opened_write("/dev/null", os.O_WRONLY)
    elif op == "dev-stdout":
        with open("/dev/stdout", "w") as f:
            f.write("written to /dev/stdout\n")
    elif op == "dev-stderr":
        with open("/dev/stderr", "w") as f:
            f.write("written to /dev/stderr\n")
    elif op == "echo":
        data = sys.stdin.buffer.read()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return "ok %d bytes" % len(data)
    elif op == "chdir":
        os.chdir(a[0])
    else:
        raise SystemExit("fs_probe: unknown step " + op)
    return "ok"


def main():
    print("pid=%d" % os.getpid(), flush=True)
    for s in sys.argv[1:]:
        op, *args = s.split(",")
        try:
            r = step(op, args)
        except NotHere:
            r = "n/a"
        except OSError as e:
            r = errno.errorcode.get(e.errno, str(e.errno))
        print("%s -> %s" % (s, r), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
