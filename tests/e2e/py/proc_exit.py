"""Exit in a given way.

usage: proc_exit.py exit N | kill SIGNAME
"""
import os
import signal
import sys

if sys.argv[1] == "exit":
    sys.exit(int(sys.argv[2]))
if sys.argv[1] == "kill":
    os.kill(os.getpid(), getattr(signal, sys.argv[2]))
    signal.pause()
sys.exit(2)
