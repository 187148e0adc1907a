#!/usr/bin/env bash
# Install one Debian package that some tests need, for .ci/install_browser.sh and
# .ci/install_postgres.sh (which first check whether it is there already).
#
#   .ci/apt_install.sh [--if-possible] PACKAGE SWITCH WHAT WHO
#
# SWITCH is the environment variable that, set to 0, installs nothing; WHAT names the
# missing programs and WHO the tests that skip without them, in the notes printed.
# `--if-possible` (make test): only as root or with password-less sudo, and a failure
# is a note, not an error (the tests then skip and say why). Without it (.ci/run): a
# failure stops CI.
set -euo pipefail

lenient=false
if [ "${1:-}" = "--if-possible" ]; then
  lenient=true
  shift
fi
package=$1 switch=$2 what=$3 who=$4

if [ "${!switch:-1}" = "0" ]; then
  echo "note: no $what and $switch=0: $who will skip"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && { ! $lenient || sudo -n true 2>/dev/null; }; then
    sudo="sudo"
  elif $lenient; then
    echo "note: no $what, and installing it needs root: $who will skip" \
         "(apt-get install --no-install-recommends $package)"
    exit 0
  fi
fi
if ! command -v apt-get >/dev/null; then
  echo "note: no $what and no apt-get to install it with" >&2
  $lenient && exit 0
  exit 1
fi

echo "installing $package (apt-get) for $who"
if $sudo apt-get update -q && $sudo env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "$package"; then
  exit 0
fi
echo "note: could not install $package: $who will skip" >&2
$lenient && exit 0
exit 1
