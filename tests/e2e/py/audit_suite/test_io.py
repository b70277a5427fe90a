"""The fixture suite of audit-pytest.sh: a test that runs a program, one
that writes a file below $AUDIT_SUITE_OUT (outside every directory the
policy allows), and one that writes only in pytest's tmp_path (allowed).
Each passes whether what it does is denied (PermissionError) or not."""
import os
import subprocess


def test_run_program():
    try:
        subprocess.run(["/bin/true"], check=False)
    except PermissionError:
        pass


def test_write_outside():
    path = os.path.join(os.environ["AUDIT_SUITE_OUT"], "written.txt")
    try:
        with open(path, "w") as f:
            f.write("outside\n")
    except PermissionError:
        pass


def test_tmp_path(tmp_path):
    p = tmp_path / "inside.txt"
    p.write_text("inside\n")
    assert p.read_text() == "inside\n"
