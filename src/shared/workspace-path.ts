import { lstatSync, realpathSync } from 'node:fs';
import * as path from 'node:path';

// Paths the run writes to (reports, the env file) stay inside the workspace: a committed symbolic link, `..` or
// an absolute path would send them elsewhere on the runner. Checked when the inputs are read, and again just
// before the write, since the tests (on the runner) may have changed the tree meanwhile.

/** A path inside the workspace, as given and resolved; or why not, worded to follow the input's name. */
export type WorkspacePath = { readonly path: string } | { readonly problem: string };

/** `child` is below `parent` (both absolute and normalised), not `parent` itself. */
function below(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** The deepest part of `file` that exists (a link counts, even a broken one), and what follows it. */
export function existingPrefix(file: string): { existing: string; rest: string[] } {
  const rest: string[] = [];
  let existing = file;
  for (;;) {
    try {
      lstatSync(existing);
      return { existing, rest };
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return { existing, rest };
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

/**
 * Where `raw` (relative to the workspace, or absolute) lands: strictly inside the workspace, once every
 * symbolic link on the way that exists has been followed. A path not there yet is fine: it is created inside.
 */
export function workspacePath(workspace: string, raw: string): WorkspacePath {
  const root = path.resolve(workspace);
  const file = path.resolve(root, raw);
  if (file === root) return { problem: `is "${raw}", the workspace itself; expected a path inside it` };
  if (!below(root, file)) return { problem: `is "${raw}", outside the workspace ${root}; expected a path inside it` };
  const { existing, rest } = existingPrefix(file);
  let real: string;
  try {
    real = path.join(realpathSync(existing), ...rest);
  } catch {
    return {
      problem: `is "${raw}", which leads through a broken symbolic link (${existing}); expected a path inside the workspace`,
    };
  }
  if (!below(realOrSelf(root), real))
    return {
      problem: `is "${raw}", which a symbolic link sends to ${real}, outside the workspace ${root}; expected a path inside it`,
    };
  return { path: file };
}

/** workspacePath's path, or an Error naming the input (for the check just before a write). */
export function checkedWorkspacePath(workspace: string, raw: string, subject: string): string {
  const checked = workspacePath(workspace, raw);
  if ('problem' in checked) throw new Error(`${subject} ${checked.problem}.`);
  return checked.path;
}
