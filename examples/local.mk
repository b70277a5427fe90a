# SPDX-License-Identifier: MIT

EXTRA_DIST += examples/demo.py
