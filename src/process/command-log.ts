// Where the commands the loop runs, and their output, are shown: each face installs its own (the action's
// log, the CLI's terminal). Until one does, they go to this process's stdout and stderr as the runner shows them.

export interface CommandLog {
  /** A command about to run, as the user could type it (never a secret: values go by env or stdin). */
  readonly command: (line: string) => void;
  /** Output of a running command, as it comes. */
  readonly output: (chunk: Buffer, stream: 'stdout' | 'stderr') => void;
}

const runnerLog: CommandLog = {
  command: (line) => process.stdout.write(`[command]${line}\n`),
  output: (chunk, stream) => (stream === 'stdout' ? process.stdout : process.stderr).write(chunk),
};

let current: CommandLog = runnerLog;

export function setCommandLog(log: CommandLog): void {
  current = log;
}

export function commandLog(): CommandLog {
  return current;
}
