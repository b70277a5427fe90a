# Read-only filesystem: no change to any file (the seed's fs-readonly)
fs-readonly
