"""Start a child process by one technique; the child creates MARKER.

usage: proc_spawn.py TECHNIQUE MARKER

TECHNIQUE is one of
  subprocess       subprocess.run(["touch", MARKER])
  system           os.system("touch MARKER")
  posix_spawn      os.posix_spawn(touch, ["touch", MARKER])
  posix_spawnp     os.posix_spawnp("touch", ...): libc searches PATH
  fork_exec        os.fork(), then os.execv(touch) in the child
  multiprocessing  multiprocessing.Process, fork start method; the child
                   (Python code, no exec) creates MARKER
  ctypes           libc system() through ctypes.CDLL(None): native code

The first line is "pid N", this process's id. Exit status:
  0   the child ran and exited 0
  10  the start was refused with PermissionError (EPERM)
  11  system() said the shell could not be started (status 127 << 8)
  12  PermissionError with another errno
  13  the child ran but failed
  2   usage error
"""
import errno
import os
import shutil
import sys

SHELL_FAILED = 127 << 8


def touch_marker(marker):
    with open(marker, "w") as f:
        f.write("child %d\n" % os.getpid())


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    how, marker = sys.argv[1], sys.argv[2]
    print("pid %d" % os.getpid(), flush=True)
    touch = shutil.which("touch") or "/usr/bin/touch"
    try:
        if how == "subprocess":
            import subprocess
            status = subprocess.run(["touch", marker]).returncode
        elif how == "system":
            status = os.system("touch '%s'" % marker)
            if status == SHELL_FAILED:
                print("system: the shell could not be started")
                return 11
        elif how == "posix_spawn":
            pid = os.posix_spawn(touch, ["touch", marker], dict(os.environ))
            status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        elif how == "posix_spawnp":
            pid = os.posix_spawnp("touch", ["touch", marker],
                                  dict(os.environ))
            status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        elif how == "fork_exec":
            pid = os.fork()
            if pid == 0:
                try:
                    os.execv(touch, ["touch", marker])
                finally:
                    os._exit(42)
            status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        elif how == "multiprocessing":
            import multiprocessing
            ctx = multiprocessing.get_context("fork")
            p = ctx.Process(target=touch_marker, args=(marker,))
            p.start()
            p.join(30)
            status = p.exitcode
        elif how == "ctypes":
            import ctypes
            libc = ctypes.CDLL(None)
            status = libc.system(("touch '%s'" % marker).encode())
            if status == SHELL_FAILED:
                print("system: the shell could not be started")
                return 11
        else:
            print("unknown technique %r" % how, file=sys.stderr)
            return 2
    except PermissionError as e:
        print("%s: PermissionError %s" % (how, errno.errorcode.get(e.errno)))
        return 10 if e.errno == errno.EPERM else 12
    print("%s: child status %s" % (how, status))
    return 0 if status == 0 else 13


sys.exit(main())
