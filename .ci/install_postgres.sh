#!/usr/bin/env bash
# Install Debian's PostgreSQL server programs (initdb, pg_ctl), with which the tests
# start a throwaway cluster (tests/postgres.py), when none is found. No service is
# started: the tests run their own server in a temporary folder, as the `postgres`
# user when they run as root. `--if-possible`: only where it runs as root or has
# password-less sudo, and a failure is a note (the tests then skip and say why).
# Without it (.ci/run): a failure stops CI. ALERTER_INSTALL_POSTGRES=0 installs nothing.
set -euo pipefail

lenient=false
[ "${1:-}" = "--if-possible" ] && lenient=true

if command -v pg_ctl >/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  exit 0
fi
if [ "${ALERTER_INSTALL_POSTGRES:-1}" = "0" ]; then
  echo "note: no PostgreSQL server programs and ALERTER_INSTALL_POSTGRES=0: the PostgreSQL" \
       "tests will skip"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && { ! $lenient || sudo -n true 2>/dev/null; }; then
    sudo="sudo"
  elif $lenient; then
    echo "note: no PostgreSQL server programs, and installing them needs root: the" \
         "PostgreSQL tests will skip (apt-get install postgresql)"
    exit 0
  fi
fi
if ! command -v apt-get >/dev/null; then
  echo "note: no PostgreSQL server programs and no apt-get to install them with" >&2
  $lenient && exit 0
  exit 1
fi

echo "installing postgresql (apt-get) for the store tests"
if $sudo apt-get update -q && $sudo env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends postgresql; then
  exit 0
fi
echo "note: could not install postgresql: the PostgreSQL tests will skip" >&2
$lenient && exit 0
exit 1
