# Read-only filesystem (the seed's fs-readonly; not supported yet)
fs-readonly
