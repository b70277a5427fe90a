"""Imported by callsite.py (scenario import): connects at its module
level, so the denied call happens during the import (<module> of this
file, under importlib's frozen frames)."""
import errno
import socket

_s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
_s.settimeout(0.5)
try:
    _s.connect(("203.0.113.1", 9))  # MARK:import
    print("connected import", flush=True)
except OSError as _e:
    if _e.errno == errno.EPERM:
        print("denied import", flush=True)
    else:
        print("error import: %s" % errno.errorcode.get(_e.errno, type(_e).__name__), flush=True)
finally:
    _s.close()
