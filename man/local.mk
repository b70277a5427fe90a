# SPDX-License-Identifier: MIT

man_MANS = man/hermetic.1 man/hermetic-profile.5
EXTRA_DIST += man/hermetic.1.in man/hermetic-profile.5.in
