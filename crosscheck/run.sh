#!/usr/bin/env bash
# The published Python client against the istaritest fake: installs the pinned istari-digital-client into a
# throwaway virtualenv (.cache/pyref, ignored by git), starts the fake as a process and runs the scenarios.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${PYREF_VERSION:?PYREF_VERSION not set}"
venv="${PYREF_VENV:-.cache/pyref/venv-$version}"
python="${PYTHON:-$(command -v python3.11 || command -v python3 || true)}"
if [ -z "$python" ]; then
  apt-get update -qq && apt-get install -y -qq python3 python3-venv >/dev/null
  python="$(command -v python3)"
fi
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv" || { apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null && "$python" -m venv "$venv"; }
  "$venv/bin/pip" install -q --disable-pip-version-check "istari-digital-client==$version"
fi
work="$(mktemp -d)"
trap 'exec 3>&- 2>/dev/null || true; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
go build -o "$work/fakeserver" ./crosscheck/fakeserver
mkfifo "$work/stdin"
"$work/fakeserver" <"$work/stdin" >"$work/fake.json" &
pid=$!
exec 3>"$work/stdin" # the fake serves until this closes
for _ in $(seq 100); do [ -s "$work/fake.json" ] && break; sleep 0.1; done
CROSSCHECK_FAKE="$work/fake.json" "$venv/bin/python" crosscheck/scenarios.py
# The same composite calls from both clients, request bodies and query strings compared (crosscheck/bodies).
go run ./crosscheck/bodies "$venv/bin/python"
