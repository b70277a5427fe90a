#!/bin/sh
# SPDX-License-Identifier: MIT
# Run the whole e2e and security suites once more as an unprivileged user,
# since that is how most people run hermetic. make check usually runs as
# root in CI: this test creates a system user (hermetic-e2e) and runs every
# other test script as that user, on copies of the binary and the tests in
# a world-readable directory (the build tree may live under /root).
# Run as a non-root user, the suite itself was already unprivileged, so
# this test skips.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${HERMETIC:=$top_srcdir/hermetic}"
: "${PYTHON3:=/usr/bin/python3}"

[ "$(id -u)" = 0 ] ||
    { echo "SKIP: already unprivileged (uid $(id -u)): the suite ran as this user"; exit 77; }
command -v setpriv >/dev/null ||
    { echo "SKIP: setpriv (util-linux) is missing, cannot switch users"; exit 77; }

user=hermetic-e2e
if ! id "$user" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin "$user" ||
        { echo "FRAMEWORK FAILURE: cannot create user $user"; exit 99; }
fi
uid=$(id -u "$user")
gid=$(id -g "$user")

W=$(mktemp -d /tmp/hermetic-unpriv.XXXXXX) || exit 99
trap 'rm -rf "$W"' EXIT
mkdir -p "$W/src" "$W/home"
cp "$HERMETIC" "$W/hermetic"
for d in tests profiles man examples; do
    cp -R "$top_srcdir/$d" "$W/src/$d"
done
find "$W/src" -name '*.o' -delete
chown "$uid:$gid" "$W/home"
chmod -R a+rX "$W"

pass=0 skip=0 fail=0 failed=
for t in "$W"/src/tests/e2e/*.sh "$W"/src/tests/security/*.sh; do
    name=${t#"$W"/src/}
    case $name in
    tests/e2e/lib.sh | tests/e2e/unprivileged.sh) continue ;;
    esac
    out=$(cd "$W/home" && setpriv --reuid="$uid" --regid="$gid" --clear-groups \
        env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$W/home" \
        TMPDIR=/tmp LANG=C.UTF-8 HERMETIC="$W/hermetic" PYTHON3="$PYTHON3" \
        top_srcdir="$W/src" HERMETIC_PROFILE_PATH="$W/src/profiles" \
        sh "$t" 2>&1)
    rc=$?
    case $rc in
    0) pass=$((pass + 1)); echo "PASS (uid $uid): $name" ;;
    77) skip=$((skip + 1)); echo "SKIP (uid $uid): $name: $(echo "$out" | grep SKIP | tail -n 1)" ;;
    *) fail=$((fail + 1)); failed="$failed $name"
       echo "FAIL (uid $uid, exit $rc): $name"; echo "$out" | sed 's/^/    /' ;;
    esac
done
echo "as $user (uid $uid): $pass passed, $skip skipped, $fail failed"
[ "$fail" = 0 ] || { echo "FAIL:$failed"; exit 1; }
[ "$pass" -gt 0 ] || { echo "FRAMEWORK FAILURE: no test ran"; exit 99; }
exit 0
