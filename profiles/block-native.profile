# No native extensions or FFI (the seed's block-native; not supported yet)
block-native
