"""N lookups of NAME with getaddrinfo (glibc asks the resolver each time).

usage: lookups.py NAME N
"""
import socket
import sys

name, n = sys.argv[1], int(sys.argv[2])
for _ in range(n):
    socket.getaddrinfo(name, 80, socket.AF_INET, socket.SOCK_STREAM)
