"""Shared by the fixture suite of py-pytest.sh: the one outside address the
two network tests connect to, and a socket that gives up fast when run
without hermetic."""
import socket

import pytest

OUTSIDE = ("203.0.113.1", 9)


@pytest.fixture
def sock():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(0.5)
    yield s
    s.close()
