#!/usr/bin/env bash
# Runs the action on the bundled example against a local registry (see scripts/run-example.mjs), on the
# engine profile ENGINE_PROFILE names (default: buildkit; see scripts/engine-profile.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
environment=$(bash scripts/engine-profile.sh start "${ENGINE_PROFILE:-buildkit}")
eval "$environment"
cp /bin/busybox examples/hello-service/busybox
node scripts/run-example.mjs
