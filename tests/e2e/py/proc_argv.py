"""Print sys.argv[1:] as one JSON line; exit 0."""
import json
import sys

print(json.dumps(sys.argv[1:]))
