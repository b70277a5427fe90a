"""Copy stdin to stdout byte for byte, then write "proc_echo: N bytes" to
stderr; exit 0."""
import sys

n = 0
while True:
    b = sys.stdin.buffer.read1(65536)
    if not b:
        break
    sys.stdout.buffer.write(b)
    n += len(b)
sys.stdout.buffer.flush()
sys.stderr.write("proc_echo: %d bytes\n" % n)
