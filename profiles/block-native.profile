# No native extensions or FFI from outside the stdlib (the seed's block-native)
block-native
