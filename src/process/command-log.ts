// Where the commands the loop runs, and their output, are shown: each face installs its own (the action's
// log, the CLI's terminal). Until one does, they go to this process's stdout and stderr as the runner shows them.

export interface CommandLog {
  /** A command about to run, as the user could type it (never a secret: values go by env or stdin). */
  readonly command: (line: string) => void;
  /** Output of a running command, as it comes. */
  readonly output: (chunk: Buffer, stream: 'stdout' | 'stderr') => void;
}

/** As the runner shows them: `[command]` marks a command line. */
export const RUNNER_LOG: CommandLog = {
  command: (line) => process.stdout.write(`[command]${line}\n`),
  output: (chunk, stream) => (stream === 'stdout' ? process.stdout : process.stderr).write(chunk),
};

let current: CommandLog = RUNNER_LOG;

export function setCommandLog(log: CommandLog): void {
  current = log;
}

export function commandLog(): CommandLog {
  return current;
}
