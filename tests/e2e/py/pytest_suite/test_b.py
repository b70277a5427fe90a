"""A class whose test_get method touches the network (the line marked
MARK:get; PermissionError expected under hermetic --no-network), and
tests that do not."""
import pytest

from conftest import OUTSIDE


class TestApi:
    def test_get(self, sock):
        with pytest.raises(PermissionError):
            sock.connect(OUTSIDE)  # MARK:get

    def test_parse(self):
        assert int("42") == 42


def test_join():
    assert "-".join(["a", "b"]) == "a-b"
