import type { ChildProcess } from 'node:child_process';

// Long-lived children (event streams, log followers, test runs) that a cancelled job must not leave running.
const children = new Map<ChildProcess, { readonly group: boolean }>();

/** Remembers a child until it closes; `group`: it leads its own process group (kill the group). */
export function track(child: ChildProcess, group: boolean): void {
  children.set(child, { group });
  child.once('close', () => children.delete(child));
}

export function killTracked(): void {
  for (const [child, { group }] of children) {
    try {
      if (group && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  children.clear();
}
