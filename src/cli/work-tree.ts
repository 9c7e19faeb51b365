import { runCommand } from '../process/run.js';

/**
 * How many files in the context differ from the commit checked out (`git status --porcelain`, untracked
 * files included, ignored ones not); undefined outside a git work tree. A developer's checkout often has
 * some: the image would then hold them under HEAD's sha.
 */
export async function uncommittedChanges(context: string): Promise<number | undefined> {
  const status = await runCommand(
    'git',
    ['-C', context, 'status', '--porcelain', '--untracked-files=normal', '--', '.'],
    {
      silent: true,
    },
  ).catch(() => undefined);
  if (status === undefined || status.exitCode !== 0) return undefined;
  return status.stdout.split('\n').filter((line) => line.trim() !== '').length;
}
