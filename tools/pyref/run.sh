#!/usr/bin/env bash
# Extract wire facts from the published Python client into internal/ops/testdata/python-client-<version>.json.
# Makes a throwaway virtualenv under .cache/pyref (ignored by git), installs the pinned istari-digital-client
# there, and prints what changed against the newest extraction already committed.
#   make pyref                      # the pinned version
#   make pyref PYREF_VERSION=13.4.0  # a newer release: writes a new file, diffs it against the old one
set -euo pipefail
cd "$(dirname "$0")/../.."
version="${PYREF_VERSION:?PYREF_VERSION not set}"
venv="${PYREF_VENV:-.cache/pyref/venv-$version}"
python="${PYTHON:-$(command -v python3.11 || command -v python3)}"
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "istari-digital-client==$version"
fi
out="internal/ops/testdata/python-client-$version.json"
previous="$(ls internal/ops/testdata/python-client-*.json 2>/dev/null | grep -v "python-client-$version.json" | sort -V | tail -n 1 || true)"
if [ -z "$previous" ] && [ -f "$out" ]; then
  cp "$out" "$venv/previous.json"
  previous="$venv/previous.json"
fi
"$venv/bin/python" tools/pyref/extract.py --out "$out" ${previous:+--previous "$previous"}
