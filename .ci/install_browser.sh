#!/usr/bin/env bash
# Install Debian's chromium, which the browser test draws the HTML digest with, when
# none is on PATH. `--if-possible` (make test): only where it runs as root or has
# password-less sudo, and a failure is a note, not an error (the test then skips and
# says why). Without it (.ci/run): a failure stops CI.
# ALERTER_INSTALL_BROWSER=0 installs nothing.
set -euo pipefail

lenient=false
[ "${1:-}" = "--if-possible" ] && lenient=true

for name in chromium chromium-browser google-chrome; do
  command -v "$name" >/dev/null && exit 0
done
if [ "${ALERTER_INSTALL_BROWSER:-1}" = "0" ]; then
  echo "note: no chromium on PATH and ALERTER_INSTALL_BROWSER=0: the browser test will skip"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && { ! $lenient || sudo -n true 2>/dev/null; }; then
    sudo="sudo"
  elif $lenient; then
    echo "note: no chromium on PATH, and installing it needs root: the browser test will" \
         "skip (apt-get install --no-install-recommends chromium)"
    exit 0
  fi
fi
if ! command -v apt-get >/dev/null; then
  echo "note: no chromium on PATH and no apt-get to install it with" >&2
  $lenient && exit 0
  exit 1
fi

echo "installing chromium (apt-get) for the browser test"
if $sudo apt-get update -q && $sudo env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends chromium; then
  exit 0
fi
echo "note: could not install chromium: the browser test will skip" >&2
$lenient && exit 0
exit 1
