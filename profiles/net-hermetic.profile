# No network except loopback (the seed's net-hermetic)
no-network
allow-localhost
