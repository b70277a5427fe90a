# SPDX-License-Identifier: MIT

EXTRA_DIST += bench/run bench/workloads/imports.py
