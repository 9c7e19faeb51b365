#!/usr/bin/env bash
# The whole gate: engine and registry up, lint (eslint + actionlint), types, dist/ current, then every
# unit and end-to-end test. `npm test` runs this; so does .ci/run after `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-engine.sh
npm run --silent lint
npm run --silent typecheck
bash scripts/check-dist.sh

results=.vitest-results.json
rm -f "$results"
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$results" || status=$?
if [ -f "$results" ]; then
  node scripts/test-totals.mjs "$results"
fi
exit "$status"
