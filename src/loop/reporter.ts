import type { CommandLog } from '../process/command-log.js';
import type { RunReport } from './run-report.js';

/** An error pinned to a place in the user's code: a failed test case. */
export interface Annotation {
  readonly message: string;
  readonly title: string;
  readonly file?: string;
  readonly line?: number;
}

/**
 * How the loop tells what it does: each face implements it (the action with @actions/core, the CLI with the
 * terminal), so the loop itself never writes to a log, and never imports a face.
 */
export interface Reporter extends CommandLog {
  readonly phaseStarted: (name: string) => void;
  readonly phaseEnded: (name: string, seconds: number, ok: boolean) => void;
  readonly info: (message: string) => void;
  readonly warning: (message: string) => void;
  readonly annotation: (annotation: Annotation) => void;
  /** A titled block shown whole (why a container did not come up). */
  readonly details: (title: string, text: string) => void;
  /** A value that must never be shown (a password, a secret's value): called where it is born. */
  readonly secret: (value: string) => void;
  /** The loop failed; `message` says why in a line or a few. */
  readonly failed: (message: string) => void;
  readonly outputs: (outputs: Readonly<Record<string, string>>) => void;
  readonly summary: (report: RunReport) => Promise<void>;
}
