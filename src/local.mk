# SPDX-License-Identifier: MIT

noinst_LIBRARIES += libhermetic.a
libhermetic_a_SOURCES = \
	src/arch.h \
	src/arch/$(ARCH)/arch_defs.h \
	src/arch/$(ARCH)/regs.c \
	src/arch/$(ARCH)/syscallent.h \
	src/cli.c src/cli.h \
	src/compat.h \
	src/context.c src/context.h \
	src/decode/decode.h \
	src/decode/exec.c \
	src/decode/net.c \
	src/decode/path.c \
	src/elfload.c src/elfload.h \
	src/elfread.c src/elfread.h \
	src/pyimage.c src/pyimage.h \
	src/env.c src/env.h \
	src/filter.c src/filter.h \
	src/freeze.c \
	src/fswall.c src/fswall.h \
	src/landlock.h \
	src/fsop.c src/fsop.h \
	src/inspect.c \
	src/inspect_fs.c \
	src/inspect_native.c \
	src/log.c src/log.h \
	src/maps.c src/maps.h \
	src/mem.c src/mem.h \
	src/policy.c src/policy.h \
	src/policy_read.c \
	src/policy_dns.c \
	src/dnsstub.c src/dnsstub.h \
	src/inspect_dns.c \
	src/dns.c src/dns.h \
	src/hostrule.c src/hostrule.h \
	src/aggregate.c src/aggregate.h \
	src/detail.c src/detail.h \
	src/escape.c src/escape.h \
	src/eventlog.c src/eventlog.h \
	src/reportfile.c src/reporthtml.c src/reportfile.h \
	src/sinks.c src/sinks.h \
	src/policy_show.c src/policy_show.h \
	src/readroot.c src/readroot.h \
	src/profile.c src/profile.h \
	src/pystack.c src/pystack.h \
	src/python/callsite.c src/python/callsite.h \
	src/python/frame.h \
	src/python/offsets.c src/python/offsets.h \
	src/python/remote.c src/python/remote.h \
	src/python/runtime.c src/python/runtime.h \
	src/protect.c src/protect.h \
	src/python/linetable.c src/python/linetable.h \
	src/python/pystr.c src/python/pystr.h \
	src/report.c src/report.h \
	src/sockaddr.c src/sockaddr.h \
	src/spawn.c src/spawn.h \
	src/strlist.c src/strlist.h \
	src/sysent.c src/sysent.h \
	src/target.c src/target.h \
	src/tracee.c src/tracee.h \
	src/tracer.c src/tracer.h src/tracer_int.h \
	src/unwind.c src/unwind.h \
	src/xmalloc.c src/xmalloc.h
libhermetic_a_CFLAGS = $(AM_CFLAGS) $(SECCOMP_CFLAGS) $(LIBUNWIND_CFLAGS)

# the other arch's files ship in the tarball too
EXTRA_DIST += \
	src/arch/x86_64/arch_defs.h src/arch/x86_64/regs.c \
	src/arch/x86_64/syscallent.h \
	src/arch/aarch64/arch_defs.h src/arch/aarch64/regs.c \
	src/arch/aarch64/syscallent.h

bin_PROGRAMS += hermetic
hermetic_SOURCES = src/hermetic.c
hermetic_CFLAGS = $(AM_CFLAGS) $(SECCOMP_CFLAGS)
hermetic_LDADD = libhermetic.a $(SECCOMP_LIBS) $(LIBUNWIND_LIBS)
