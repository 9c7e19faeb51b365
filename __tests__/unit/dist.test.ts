import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The committed bundles (check-dist keeps them current): what each face loads, and what it must not.
const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');

function bundle(folder: string): string {
  const dir = path.join(DIST, folder);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(path.join(dir, file), 'utf8'))
    .join('\n');
}

describe('the resolve bundles', () => {
  it.each(['resolve', 'resolve-cli'])('dist/%s carries no build, prune, wait or test code', (folder) => {
    const code = bundle(folder);
    expect(code).toContain('function resolveImage(');
    for (const name of ['stampDockerfile', 'buildImage', 'pruneImages', 'waitUntilReady', 'holdContainerTest']) {
      expect(code, name).not.toMatch(new RegExp(`function ${name}\\b`));
    }
  });
});

describe('the CLI bundle', () => {
  it('carries the loop and no @actions/* code: the CLI never speaks to a runner', () => {
    const code = bundle('cli');
    expect(code).toContain('function runLoop(');
    expect(code).not.toMatch(/node_modules\/@actions\//);
    expect(code).not.toContain('::add-mask::');
  });
});
