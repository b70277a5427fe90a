"""Open and read every file below SRC (bench/run makes 10,000 small ones),
then write N files into DST (an --allow-write directory under hermetic).

usage: files.py SRC DST N
"""
import os
import sys

src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
total = 0
for d, _, names in os.walk(src):
    for name in names:
        with open(os.path.join(d, name), "rb") as f:
            total += len(f.read())
for i in range(n):
    with open(os.path.join(dst, "out%d" % i), "w") as f:
        f.write("x" * 64)
print(total)
