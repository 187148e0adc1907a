#!/usr/bin/env bash
# Install Debian's chromium, which the browser test draws the HTML digest with, when
# none is on PATH. `--if-possible` (make test): only where it runs as root or has
# password-less sudo, and a failure is a note, not an error (the test then skips and
# says why). Without it (.ci/run): a failure stops CI.
# ALERTER_INSTALL_BROWSER=0 installs nothing.
set -euo pipefail

for name in chromium chromium-browser google-chrome; do
  command -v "$name" >/dev/null && exit 0
done
exec "$(dirname "$0")/apt_install.sh" ${1:+"$1"} chromium ALERTER_INSTALL_BROWSER \
  "chromium on PATH" "the browser test"
