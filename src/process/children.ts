import type { ChildProcess } from 'node:child_process';

// Every child the run starts (docker calls, event streams, test runs): a cancelled job must not leave one
// running. Each leads its own process group (spawned detached), so stopping it stops what it started too:
// the test command's processes, or the real docker CLI behind a `docker` wrapper script on PATH.
const children = new Set<ChildProcess>();
// The connections the run holds to the engine's API itself (the prune's): they end with the children.
const connections = new Set<{ destroy(): void }>();

/** Remembers a child, which leads its own process group, until it closes. */
export function track(child: ChildProcess): void {
  children.add(child);
  child.once('close', () => children.delete(child));
}

/** Remembers open connections (an http Agent) until the returned function is called. */
export function trackConnections(agent: { destroy(): void }): () => void {
  connections.add(agent);
  return () => connections.delete(agent);
}

/** SIGKILL to a child's whole process group. */
export function killChild(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL'); // the group is gone already
  }
}

export function killTracked(): void {
  for (const child of children) killChild(child);
  children.clear();
  for (const agent of connections) agent.destroy();
  connections.clear();
}
