"""Print the environment, one NAME=VALUE a line, sorted by name."""
import os

for k in sorted(os.environ):
    print("%s=%s" % (k, os.environ[k]))
