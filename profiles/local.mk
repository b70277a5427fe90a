# SPDX-License-Identifier: MIT

profilesdir = $(pkgdatadir)/profiles
dist_profiles_DATA = \
	profiles/block-all.profile \
	profiles/block-native.profile \
	profiles/exec-deny.profile \
	profiles/fs-readonly.profile \
	profiles/net-hermetic.profile \
	profiles/pytest.profile
EXTRA_DIST += profiles/README.md
