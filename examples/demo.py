"""hermetic's demo: a script that tries to reach the internet and to run a
program. Run it under hermetic to watch both being denied, with the line:

    hermetic --trace --no-network --no-subprocess -- examples/demo.py
"""
import socket
import subprocess


def fetch(host, port):
    """Open a TCP connection, as an HTTP client would."""
    try:
        with socket.create_connection((host, port), timeout=3):
            return "connected"
    except OSError as e:
        return f"failed: {e.strerror or e}"


def run(argv):
    """Run a program, as a build helper would."""
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=10)
        return f"exit {out.returncode}: {out.stdout.strip()}"
    except OSError as e:
        return f"failed: {e.strerror or e}"


# 198.51.100.7 is a documentation address (TEST-NET-2), standing in for a
# server on the internet; a numeric address needs no DNS lookup.
print("connect to 198.51.100.7:443 ->", fetch("198.51.100.7", 443))
print("run 'uname -s'             ->", run(["uname", "-s"]))
