# Every guard hermetic enforces: no network, no subprocesses, no environment
#
# Grows as guards land (the filesystem and native-code guards are not in
# this version yet). Loopback is not allowed; add allow-localhost for that.
no-network
no-subprocess
no-environment
