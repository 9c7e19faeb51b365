import { runCommand } from '../process/run.js';
import { ACTION_NAMING, type InputNaming } from '../shared/field-parser.js';
import { SHA_PATTERN } from '../shared/vocabulary.js';

export interface Commit {
  readonly sha: string;
  /** Committer time (RFC 3339) when git knows the commit, else now: the image's `created` label. */
  readonly created: string;
  readonly source: 'input' | 'git' | 'GITHUB_SHA';
}

async function gitLog(context: string, revision: string): Promise<{ sha: string; created: string } | undefined> {
  try {
    const result = await runCommand('git', ['-C', context, 'log', '-1', '--format=%H%n%cI', revision, '--'], {
      silent: true,
    });
    const [sha = '', created = ''] = result.stdout.trim().split('\n');
    return result.exitCode === 0 && SHA_PATTERN.test(sha)
      ? { sha, created: new Date(created).toISOString() }
      : undefined;
  } catch {
    return undefined; // no git on the machine
  }
}

/**
 * The commit the image is built from: the `sha` input, else the commit checked out in the context's
 * work tree (what is really built on pull requests and dispatches of other refs), else GITHUB_SHA.
 */
export async function resolveCommit(
  shaInput: string,
  context: string,
  githubSha: string | undefined,
  naming: InputNaming = ACTION_NAMING,
): Promise<Commit> {
  if (shaInput !== '') {
    return {
      sha: shaInput,
      created: (await gitLog(context, shaInput))?.created ?? new Date().toISOString(),
      source: 'input',
    };
  }
  const head = await gitLog(context, 'HEAD');
  if (head !== undefined) return { ...head, source: 'git' };
  if (githubSha !== undefined && SHA_PATTERN.test(githubSha))
    return { sha: githubSha, created: new Date().toISOString(), source: 'GITHUB_SHA' };
  throw new Error(
    `${naming.subject('sha')} is empty, the context is not in a git work tree, and GITHUB_SHA is ${githubSha === undefined ? 'unset' : `"${githubSha}"`}; expected a full commit sha (40 lowercase hex characters).`,
  );
}
