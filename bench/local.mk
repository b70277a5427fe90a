# SPDX-License-Identifier: MIT

EXTRA_DIST += bench/run bench/workloads/imports.py bench/workloads/connects.py \
	bench/workloads/denied.py

bench:
	$(srcdir)/bench/run --hermetic $(abs_top_builddir)/hermetic
.PHONY: bench
