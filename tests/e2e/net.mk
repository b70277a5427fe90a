# SPDX-License-Identifier: MIT
# Network end-to-end tests: real python3 programs under the real hermetic,
# checked against listeners running outside it. Included from
# tests/e2e/local.mk (non-recursive: paths are from the top).

TESTS += \
	tests/e2e/net-tcp.sh \
	tests/e2e/net-udp.sh \
	tests/e2e/net-ipv6.sh \
	tests/e2e/net-metadata.sh \
	tests/e2e/net-dns.sh \
	tests/e2e/net-dns-names.sh \
	tests/e2e/net-socket.sh \
	tests/e2e/net-bind.sh \
	tests/e2e/net-listen.sh \
	tests/e2e/net-unix.sh \
	tests/e2e/net-unix-allow.sh \
	tests/e2e/net-unix-procself.sh \
	tests/e2e/net-threads.sh \
	tests/e2e/net-asyncio.sh \
	tests/e2e/net-summary.sh

EXTRA_DIST += \
	tests/e2e/net-lib.inc \
	tests/e2e/py/dns_responder.py \
	tests/e2e/py/dns_client.c \
	tests/e2e/net-tcp.sh \
	tests/e2e/net-udp.sh \
	tests/e2e/net-ipv6.sh \
	tests/e2e/net-metadata.sh \
	tests/e2e/net-dns.sh \
	tests/e2e/net-dns-names.sh \
	tests/e2e/net-socket.sh \
	tests/e2e/net-bind.sh \
	tests/e2e/net-listen.sh \
	tests/e2e/net-unix.sh \
	tests/e2e/net-unix-allow.sh \
	tests/e2e/net-unix-procself.sh \
	tests/e2e/net-threads.sh \
	tests/e2e/net-asyncio.sh \
	tests/e2e/net-summary.sh \
	tests/e2e/py/net_probe.py \
	tests/e2e/py/listener.py \
	tests/e2e/py/net_threads.py \
	tests/e2e/py/net_asyncio.py
