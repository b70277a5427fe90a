"""A module with a non-ASCII function name, for callsite.py (scenario
unicode): the tests copy it to modülé_函数.py next to callsite.py, so that
both the file name and the function name of the call site are not ASCII."""
import errno
import socket


def fünf_函数():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(0.5)
    try:
        s.connect(("203.0.113.1", 9))  # MARK:unicode
        print("connected unicode", flush=True)
    except OSError as e:
        if e.errno == errno.EPERM:
            print("denied unicode", flush=True)
        else:
            print("error unicode: %s" % errno.errorcode.get(e.errno, type(e).__name__), flush=True)
    finally:
        s.close()
