import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes `text` to a file beside `file`, then renames it over `file`: a reader never sees half of it, and a
 * failure leaves the old file as it was (and no temporary one).
 */
export async function writeWhole(file: string, text: string): Promise<void> {
  const next = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(next, text);
    await rename(next, file);
  } catch (error) {
    await rm(next, { force: true });
    throw error;
  }
}
