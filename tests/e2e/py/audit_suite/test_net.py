"""The fixture suite of audit-pytest.sh: two tests that try to connect to an
outside address (TEST-NET-3, a connect attempt only: nothing is sent), one
of them parametrized so that only its [b] case does, and tests that touch
nothing. Every test passes whether the connect is denied or not."""
import json
import socket

import pytest

OUTSIDE = ("203.0.113.1", 9)


def try_connect():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(2)
    try:
        # connect_ex returns an errno (EPERM when denied, a timeout or a
        # refusal when not) rather than raising: any result will do.
        return s.connect_ex(OUTSIDE)
    except (OSError, socket.timeout):
        return None
    finally:
        s.close()


def test_ping():
    try_connect()


@pytest.mark.parametrize("where", ["a", "b"])
def test_fetch(where):
    if where == "b":
        try_connect()
    assert where in ("a", "b")


def test_sum():
    assert sum(range(10)) == 45


def test_json():
    assert json.loads(json.dumps({"k": [1, 2]})) == {"k": [1, 2]}
