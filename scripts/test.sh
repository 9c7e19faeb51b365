#!/usr/bin/env bash
# The whole gate: lint (eslint + actionlint), types, dist/ current, the unit tests once, then the whole
# end-to-end suite on each engine profile in turn (scripts/engine-profile.sh). `npm test` runs this; so does
# .ci/run after `npm ci`. ENGINE_PROFILES="buildkit" (a list) runs the e2e tests on those profiles only;
# ENGINE_PROFILES=native on the engine that already answers.
set -euo pipefail
cd "$(dirname "$0")/.."

profiles=$(echo "${ENGINE_PROFILES:-$(bash scripts/engine-profile.sh list)}" | tr ',' ' ')
npm run --silent lint
npm run --silent typecheck
bash scripts/check-dist.sh

results=.vitest-results
rm -rf "$results"
mkdir -p "$results"
status=0
# A run that fails without writing its results (vitest could not start) still counts as failed.
run_vitest() {
  local name=$1
  shift
  if ! npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$results/$name.json"; then
    status=1
    [ -f "$results/$name.json" ] || echo "vitest exited without results" >"$results/$name.failed"
  fi
}
run_vitest unit --project unit
for profile in $profiles; do
  echo
  echo "=== end-to-end tests on engine profile '$profile'"
  if ! environment=$(bash scripts/engine-profile.sh start "$profile"); then
    echo "engine profile '$profile' did not start: its end-to-end tests did not run" | tee "$results/e2e-$profile.failed" >&2
    status=1
    continue
  fi
  eval "$environment"
  run_vitest "e2e-$profile" --project "e2e:$profile"
done
node scripts/test-totals.mjs "$results"
exit "$status"
