# SPDX-License-Identifier: MIT

dist_doc_DATA = \
	docs/guide.md \
	docs/threat-model.md \
	docs/internals.md \
	docs/profile-format.md \
	docs/performance.md \
	docs/json-schema.md
