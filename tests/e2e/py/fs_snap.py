"""The state of a directory tree, for the fs-*.sh e2e tests, which run it
outside hermetic before and after a program to see whether anything
changed: one line per entry (the directory itself included), sorted,

    RELPATH TYPE mode=M uid=U gid=G size=S mtime=NS ctime=NS ...

with the content's SHA-256 for a regular file, the target for a symbolic
link, and the user.* extended attributes with their values. The ctime
catches what leaves no other trace (a chown or chmod to the same owner or
mode). Symbolic links are not followed; FIFOs are not opened.

Usage: fs_snap.py DIR
"""
import hashlib
import os
import stat
import sys


def xattrs(path):
    try:
        names = os.listxattr(path, follow_symlinks=False)
    except OSError:
        return "xattr=?"
    out = []
    for n in sorted(names):
        try:
            v = os.getxattr(path, n, follow_symlinks=False)
        except OSError:
            v = b"?"
        out.append("%s=%s" % (n, v.hex()))
    return "xattr=[" + ",".join(out) + "]"


def entry(root, path):
    st = os.lstat(path)
    kind = {stat.S_IFREG: "file", stat.S_IFDIR: "dir", stat.S_IFLNK: "link",
            stat.S_IFIFO: "fifo", stat.S_IFSOCK: "sock"}.get(
                stat.S_IFMT(st.st_mode), "other")
    rel = os.path.relpath(path, root)
    f = [rel, kind, "mode=%o" % stat.S_IMODE(st.st_mode),
         "uid=%d" % st.st_uid, "gid=%d" % st.st_gid, "nlink=%d" % st.st_nlink,
         "size=%d" % st.st_size, "blocks=%d" % st.st_blocks,
         "mtime=%d" % st.st_mtime_ns, "ctime=%d" % st.st_ctime_ns]
    if kind == "file":
        with open(path, "rb") as fh:
            f.append("sha256=" + hashlib.sha256(fh.read()).hexdigest())
    elif kind == "link":
        f.append("target=" + os.readlink(path))
    if kind != "link":
        f.append(xattrs(path))
    return " ".join(f)


def main():
    root = sys.argv[1]
    lines = [entry(root, root)]
    for d, dirs, files in os.walk(root):
        for n in dirs + files:
            lines.append(entry(root, os.path.join(d, n)))
    print("\n".join(sorted(lines)))


if __name__ == "__main__":
    main()
