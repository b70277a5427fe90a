"""Run a command on a new pseudo-terminal, as a terminal would, and press
Ctrl-C once the command says it is ready; print what it printed and its
exit status. For tests/e2e/proc-ctrl-c.sh.

usage: proc_tty.py READY_WORD CMD [ARGS...]
"""
import os
import pty
import select
import sys
import time

ready, argv = sys.argv[1].encode(), sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
out = b""
sent = False
deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    r, _, _ = select.select([fd], [], [], 0.1)
    if r:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        out += data
    if not sent and ready in out:
        os.write(fd, b"\x03")      # the terminal's INTR character
        sent = True
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode(errors="replace").replace("\r", ""))
print("status", os.waitstatus_to_exitcode(status))
