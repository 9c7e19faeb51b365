import { mkdir, readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Engine } from '../docker/engine.js';
import type { JUnitCounts } from './junit.js';
import type { Reporter } from './reporter.js';

const MAX_ANNOTATIONS = 50;

export interface CollectedReports {
  readonly dir: string;
  /** undefined when no JUnit XML was found. */
  readonly counts: JUnitCounts | undefined;
}

async function xmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.xml'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Copies `source` out of the container (a tar stream through the engine: works on stopped and
 * read-only containers, without volumes) into `dir`, then reads the JUnit XML found there.
 */
export async function collectReports(
  engine: Engine,
  container: string,
  source: string,
  dir: string,
  reporter: Reporter,
): Promise<CollectedReports> {
  await mkdir(dir, { recursive: true });
  // `<dir>/.` copies the directory's content, not the directory, into dir.
  const copied = await engine.copyFromContainer(container, `${source.replace(/\/+$/, '')}/.`, dir);
  if (!copied.ok)
    throw new Error(`Could not copy test reports ${source} out of container ${container}: ${copied.error}`);
  const files = await xmlFiles(dir);
  // The XML parser is loaded only when there are reports to read.
  const { addCounts, parseJUnit } = await import('./junit.js');
  let counts: JUnitCounts | undefined;
  for (const file of files) {
    const xml = await readFile(file, 'utf8');
    if (!/<testsuites?[\s>]/.test(xml)) continue; // not JUnit
    try {
      const parsed = parseJUnit(xml);
      counts = counts === undefined ? parsed : addCounts(counts, parsed);
    } catch (error) {
      reporter.warning(`${file} is not readable JUnit XML: ${(error as Error).message}`);
    }
  }
  if (counts !== undefined) {
    reporter.info(
      `JUnit: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${files.length} XML file(s) in ${dir}).`,
    );
    for (const failure of counts.failures.slice(0, MAX_ANNOTATIONS)) {
      reporter.annotation({
        message: failure.message || 'failed',
        title: `${failure.classname === '' ? '' : `${failure.classname} › `}${failure.name}`,
        file: failure.file,
        line: failure.line,
      });
    }
  }
  return { dir, counts };
}
