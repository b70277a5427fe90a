# SPDX-License-Identifier: MIT
# End-to-end tests of processes, exit statuses, I/O, signals, the
# environment, the command line and profiles (included from
# tests/e2e/local.mk).

PROC_E2E_TESTS = \
	tests/e2e/proc-subprocess.sh \
	tests/e2e/proc-threads.sh \
	tests/e2e/proc-grandchild.sh \
	tests/e2e/proc-allow-exec.sh \
	tests/e2e/proc-exec-path.sh \
	tests/e2e/proc-arming.sh \
	tests/e2e/proc-pyenv-shim.sh \
	tests/e2e/proc-show-argv.sh \
	tests/e2e/proc-exit.sh \
	tests/e2e/proc-io.sh \
	tests/e2e/proc-signals.sh \
	tests/e2e/proc-signal-inherit.sh \
	tests/e2e/proc-environment.sh \
	tests/e2e/cli-options.sh \
	tests/e2e/cli-profiles.sh \
	tests/e2e/cli-manpage.sh

TESTS += $(PROC_E2E_TESTS)

EXTRA_DIST += $(PROC_E2E_TESTS) \
	tests/e2e/proc-helpers.inc \
	tests/e2e/py/proc_argv.py \
	tests/e2e/py/proc_echo.py \
	tests/e2e/py/proc_env.py \
	tests/e2e/py/proc_exec.py \
	tests/e2e/py/proc_exit.py \
	tests/e2e/py/proc_leave.py \
	tests/e2e/py/proc_run.py \
	tests/e2e/py/proc_sigdisp.py \
	tests/e2e/py/proc_signal.py \
	tests/e2e/py/proc_spawn.py \
	tests/e2e/py/proc_stop.py \
	tests/e2e/py/proc_threads.py \
	tests/e2e/py/proc_tree.py \
	tests/e2e/fixtures/proc_callable.py
