import type { ChildProcess } from 'node:child_process';

// Every child the run starts (docker calls, event streams, test runs): a cancelled job must not leave one running.
const children = new Map<ChildProcess, { readonly group: boolean }>();

/** Remembers a child until it closes; `group`: it leads its own process group (kill the group). */
export function track(child: ChildProcess, group: boolean): void {
  children.set(child, { group });
  child.once('close', () => children.delete(child));
}

/** SIGKILL to a child, or to its whole process group when it leads one. */
export function killChild(child: ChildProcess, group: boolean): void {
  try {
    if (group && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    child.kill('SIGKILL'); // the group is gone already, or there is none
  }
}

export function killTracked(): void {
  for (const [child, { group }] of children) killChild(child, group);
  children.clear();
}
