"""Load extension module files by path: argv[1] is a directory, then
NAME=FILE pairs; prints "NAME loaded" or "NAME denied" for each."""
import importlib.util
import sys

for pair in sys.argv[2:]:
    name, f = pair.split("=", 1)
    try:
        spec = importlib.util.spec_from_file_location(name,
                                                      sys.argv[1] + "/" + f)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        print(name, "loaded")
    except ImportError:
        print(name, "denied")
