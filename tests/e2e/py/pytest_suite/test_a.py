"""Module-level tests and a parametrized one, of which only the remote-2
case touches the network (the line marked MARK:fetch); run under hermetic
--no-network its connect gets PermissionError, which the test expects."""
import pytest

from conftest import OUTSIDE


def test_add():
    assert 1 + 1 == 2


def test_upper():
    assert "abc".upper() == "ABC"


@pytest.mark.parametrize("where,n", [("local", 1), ("remote", 2), ("local", 3)])
def test_fetch(where, n, sock):
    if where == "remote":
        with pytest.raises(PermissionError):
            sock.connect(OUTSIDE)  # MARK:fetch
    else:
        assert n in (1, 3)
