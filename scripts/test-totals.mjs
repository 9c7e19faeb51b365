// Prints a line per run (unit, e2e on each engine profile) with its failed tests, then the plain closing
// line CI reads, counting every run: "tests: N passed, N failed, N skipped".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const dir = process.argv[2];
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const file of readdirSync(dir).sort((a, b) =>
  a === 'unit.json' ? -1 : b === 'unit.json' ? 1 : a.localeCompare(b),
)) {
  const name = file.replace(/\.(json|failed)$/, '').replace(/^e2e-(.*)$/, 'e2e on profile $1');
  if (file.endsWith('.failed')) {
    if (!existsSync(path.join(dir, file.replace(/\.failed$/, '.json'))))
      console.log(`  ${name}: did not run (${readFileSync(path.join(dir, file), 'utf8').trim()})`);
    totals.failed += 1;
    continue;
  }
  const results = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const skipped = (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
  // A failed hook (beforeAll, afterAll) fails its file while its tests count as skipped: one failure at least.
  const failed = Math.max(results.numFailedTests, results.success === false ? 1 : 0);
  totals.passed += results.numPassedTests;
  totals.failed += failed;
  totals.skipped += skipped;
  // Not "N passed, N failed" alone on a line: only the closing line is to be read as the totals.
  console.log(`  ${name} — ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
  for (const suite of results.testResults ?? []) {
    for (const test of suite.assertionResults ?? []) {
      if (test.status === 'failed') {
        console.log(`    failed on ${name}: ${path.relative(process.cwd(), suite.name)} > ${test.fullName}`);
        for (const line of why(test.failureMessages)) console.log(`      ${line}`);
      }
    }
    if (suite.status === 'failed' && !(suite.assertionResults ?? []).some((test) => test.status === 'failed'))
      console.log(
        `    failed on ${name}: ${path.relative(process.cwd(), suite.name)} (${suite.message || 'a hook failed'})`,
      );
  }
}

/** The first lines of a failure, without colour codes: CI keeps only the end of the log, so the cause goes here. */
function why(messages = []) {
  return stripVTControlCharacters(messages.join('\n'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, 12)
    .map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line));
}

console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
