import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The Marketplace reads the listing from the root action.yml at the release's tag, and refuses a release whose
// metadata it rejects: a fix then needs a release of its own. So the rules are checked before a tag is pushed.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BRANDING_COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'];

interface ActionMetadata {
  name?: unknown;
  description?: unknown;
  author?: unknown;
  branding?: { icon?: unknown; color?: unknown };
  runs?: { using?: unknown };
}

describe.each(['action.yml', 'resolve/action.yml'])('%s', (file) => {
  const metadata = parse(readFileSync(path.join(ROOT, file), 'utf8')) as ActionMetadata;

  it('has a name, an author and a one-line description under 125 characters', () => {
    expect(typeof metadata.name === 'string' && metadata.name.length > 0).toBe(true);
    expect(typeof metadata.author === 'string' && metadata.author.length > 0).toBe(true);
    expect(typeof metadata.description).toBe('string');
    expect(String(metadata.description)).not.toContain('\n');
    expect(String(metadata.description).length).toBeLessThan(125);
  });

  it('has an icon and one of the colours the Marketplace takes', () => {
    expect(typeof metadata.branding?.icon === 'string' && metadata.branding.icon.length > 0).toBe(true);
    expect(BRANDING_COLORS).toContain(metadata.branding?.color);
  });

  it('runs on node24', () => {
    expect(metadata.runs?.using).toBe('node24');
  });
});
