# Test suites: no network but loopback (test servers, IDE adapters)
#
# Use: hermetic --profile pytest -- pytest -q
no-network
allow-localhost
