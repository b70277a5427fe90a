# Every guard hermetic enforces: no network, no subprocesses, no environment,
# no change to the filesystem, no native code from outside the system's and
# the interpreter's library directories
#
# Grows as guards land. Loopback is not allowed; add allow-localhost for
# that.
no-network
no-subprocess
no-environment
fs-readonly
block-native
