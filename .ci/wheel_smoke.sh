#!/usr/bin/env bash
# What a user without the source tree does, from the built wheel: build the wheel and
# the sdist, make a fresh venv with the pip it bundles (not upgraded: Python 3.11's is
# pip 23.2, which is where a missing dependency shows), install the wheel, then
# `alerter init proj` and `cd proj && alerter run --once`, which must write a digest.
# Exits non-zero on any failure. Run by .ci/run; spaCy and the model come from the
# pip cache after the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

PYTHON=${PYTHON:-python3}
BUILD_PYTHON=${BUILD_PYTHON:-.venv/bin/python}   # has `build` (the dev extra)
work=$(mktemp -d "${TMPDIR:-/tmp}/alerter-wheel.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$BUILD_PYTHON" -m build --outdir "$work/dist" . >"$work/build.log" 2>&1 \
  || { cat "$work/build.log"; echo "wheel smoke: the build failed" >&2; exit 1; }
wheel=$(ls "$work"/dist/alerter-*.whl)
ls "$work"/dist/alerter-*.tar.gz >/dev/null
echo "built $(cd "$work/dist" && ls | tr '\n' ' ')"

"$PYTHON" -m venv "$work/venv"
echo "fresh venv: $("$work/venv/bin/python" --version), $("$work/venv/bin/pip" --version | cut -d' ' -f1-2)"
"$work/venv/bin/pip" install --quiet "$wheel" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log"; echo "wheel smoke: pip install failed" >&2; exit 1; }

cd "$work"
"$work/venv/bin/alerter" init proj
# every guide of the source tree, sub-folders too, reaches a project made from the wheel
if [ "$(cd "$root/docs" && find . -name '*.md' | sort)" != "$(cd proj/docs && find . -name '*.md' | sort)" ]; then
  echo "wheel smoke: the project's docs/ differ from the source tree's" >&2
  exit 1
fi
cd proj
"$work/venv/bin/alerter" run --once
digests=$(find out/digests -name '????-??-??.md' | wc -l)
if [ "$digests" -lt 1 ]; then
  echo "wheel smoke: alerter run --once wrote no digest under out/digests" >&2
  exit 1
fi
echo "wheel smoke: ok ($(find out/digests -name '????-??-??.md' | head -1))"
