// Preloaded into the action's node process by the peak-RSS benchmark (NODE_OPTIONS=--import=<this file>):
// when the process exits, it appends its VmHWM (the kernel's peak resident set size) to BENCH_RSS_FILE.
import { appendFileSync, readFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file !== undefined && file !== '') {
  process.on('exit', () => {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (field) => Number(new RegExp(`^${field}:\\s+([0-9]+) kB$`, 'm').exec(status)?.[1] ?? Number.NaN);
    appendFileSync(
      file,
      `${JSON.stringify({ pid: process.pid, post: process.env.STATE_isPost === 'true', script: process.argv[1] ?? '', hwmKb: kb('VmHWM'), rssKb: kb('VmRSS') })}\n`,
    );
  });
}
