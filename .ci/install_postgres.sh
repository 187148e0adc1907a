#!/usr/bin/env bash
# Install Debian's PostgreSQL server programs (initdb, pg_ctl), with which the tests
# start a throwaway cluster (tests/postgres.py), when none is found. No service is
# started: the tests run their own server in a temporary folder, as the `postgres`
# user when they run as root. `--if-possible`: only where it runs as root or has
# password-less sudo, and a failure is a note (the tests then skip and say why).
# Without it (.ci/run): a failure stops CI. ALERTER_INSTALL_POSTGRES=0 installs nothing.
set -euo pipefail

if command -v pg_ctl >/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  exit 0
fi
exec "$(dirname "$0")/apt_install.sh" ${1:+"$1"} postgresql ALERTER_INSTALL_POSTGRES \
  "PostgreSQL server programs" "the PostgreSQL tests"
