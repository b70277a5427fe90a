# SPDX-License-Identifier: MIT
# The known-bypass catalogue: each technique blocked with its guard on and
# shown to work with it off.

TESTS += tests/security/refused.sh tests/security/race-sockaddr.sh \
	tests/security/supervisor-death.sh tests/security/environ-leak.sh
EXTRA_DIST += tests/security/refused.sh tests/security/race-sockaddr.sh \
	tests/security/supervisor-death.sh tests/security/environ-leak.sh \
	tests/security/py/refused.py \
	tests/security/py/race_sockaddr.py
