# SPDX-License-Identifier: MIT

TESTS += tests/build/cross-aarch64.sh
EXTRA_DIST += tests/build/cross-aarch64.sh
