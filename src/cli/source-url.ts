import { runCommand } from '../process/run.js';

/** `git@github.com:acme/app.git`, `https://user:token@github.com/acme/app.git` → `https://github.com/acme/app`. */
export function webUrlOfRemote(remote: string): string | undefined {
  const trimmed = remote.trim();
  const bare = (repository: string): string => repository.replace(/\/+$/, '').replace(/\.git$/, '');
  // scp-like `user@host:path`: no scheme, a colon before the first slash.
  const scp = trimmed.includes('://') ? null : /^(?:[^@/\s]+@)?([^:/\s]+):([^\s]+)$/.exec(trimmed);
  if (scp !== null) {
    const repository = bare(scp[2] ?? '').replace(/^\/+/, '');
    return repository === '' ? undefined : `https://${scp[1] ?? ''}/${repository}`;
  }
  try {
    const url = new URL(trimmed);
    const repository = bare(url.pathname);
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol) || repository.length <= 1) return undefined;
    // Never the credentials a remote URL may hold; the port only of a web address (not ssh's or git's).
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? `${url.protocol}//${url.host}${repository}`
      : `https://${url.hostname}${repository}`;
  } catch {
    return undefined;
  }
}

/**
 * The repository's URL for the OCI source label: as the action says it inside a workflow (GITHUB_REPOSITORY),
 * else the web address of the context's `origin` remote; none for a local-only repository.
 */
export async function sourceUrlOf(env: NodeJS.ProcessEnv, context: string): Promise<string | undefined> {
  if (env.GITHUB_REPOSITORY !== undefined && env.GITHUB_REPOSITORY !== '')
    return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}`;
  const remote = await runCommand('git', ['-C', context, 'remote', 'get-url', 'origin'], { silent: true }).catch(
    () => undefined,
  );
  return remote === undefined || remote.exitCode !== 0 ? undefined : webUrlOfRemote(remote.stdout);
}
