"""A few hundred fast tests, the shape of a unit-test suite: arithmetic,
strings, json, a loopback socket pair now and then."""
import json
import socket

import pytest


@pytest.mark.parametrize("i", range(300))
def test_arith(i):
    assert sum(range(i)) == i * (i - 1) // 2


@pytest.mark.parametrize("i", range(50))
def test_json(i):
    assert json.loads(json.dumps({"i": i, "s": "x" * i}))["i"] == i


@pytest.mark.parametrize("i", range(20))
def test_loopback(i):
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    c = socket.create_connection(srv.getsockname())
    a, _ = srv.accept()
    c.sendall(b"x")
    assert a.recv(1) == b"x"
    for s in (a, c, srv):
        s.close()
