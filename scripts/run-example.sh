#!/usr/bin/env bash
# Runs the action on the bundled example against a local registry (see scripts/run-example.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-engine.sh
cp /bin/busybox examples/hello-service/busybox
node scripts/run-example.mjs
