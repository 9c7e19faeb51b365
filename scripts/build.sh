#!/usr/bin/env bash
# Builds the committed bundles into OUT (default dist/): the action, the resolve action
# (resolve/action.yml runs ../dist/resolve/index.js), the CLI and the resolve CLI; into dist/ it also
# writes action.yml's inputs and outputs from src/loop/action-spec.js. npm run build and
# scripts/check-dist.sh both run this, so they cannot drift apart.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
rm -rf "$out" # ncc adds chunks but never removes the ones an earlier build left
# Source maps are written, not registered at start-up: registering them costs every run ~45 ms.
bundle() { npx ncc build "$1" -o "$2" --source-map --no-source-map-register --license licenses.txt; }
bundle src/action/index.ts "$out"
bundle src/action/resolve.ts "$out/resolve"
bundle src/cli/index.ts "$out/cli"
bundle src/cli/resolve.ts "$out/resolve-cli"
if [ "$out" = dist ]; then node scripts/action-yml.mjs; fi
