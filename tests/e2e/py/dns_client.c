/* SPDX-License-Identifier: MIT */
/*
 * A C client for tests/e2e/net-dns-names.sh: resolves NAME with
 * getaddrinfo(3) and connects to PORT at the first IPv4 address. Prints
 * "resolved ADDR" or "gai ERROR", then "connect ok" or "connect ERRNO".
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct addrinfo hints = {.ai_family = AF_INET,
				 .ai_socktype = SOCK_STREAM},
			*res;
	char ip[64];
	int rc, fd;

	if (argc != 3)
		return 2;
	rc = getaddrinfo(argv[1], argv[2], &hints, &res);
	if (rc) {
		printf("gai %s\n",
		       rc == EAI_AGAIN ? "EAI_AGAIN" : gai_strerror(rc));
		return 0;
	}
	inet_ntop(AF_INET, &((struct sockaddr_in *)res->ai_addr)->sin_addr, ip,
		  sizeof(ip));
	printf("resolved %s\n", ip);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(fd, res->ai_addr, res->ai_addrlen) == 0)
		printf("connect ok\n");
	else
		printf("connect %s\n",
		       errno == EPERM ? "EPERM" : strerror(errno));
	close(fd);
	freeaddrinfo(res);
	return 0;
}
