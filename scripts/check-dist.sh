#!/usr/bin/env bash
# Fails when the committed dist/ is not what src/ builds to, or action.yml or resolve/action.yml does not list
# the inputs and outputs its spec does: users run them, so they must be current.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/action-yml.mjs --check
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
bash scripts/build.sh "$fresh" >/dev/null
if ! diff -r -q dist "$fresh" >/dev/null; then
  echo "check-dist: dist/ is stale; run 'npm run build' and commit dist/:" >&2
  diff -r -q dist "$fresh" >&2 || true
  exit 1
fi
echo "check-dist: dist/ matches src/; action.yml and resolve/action.yml match their specs"
