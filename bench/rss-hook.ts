// Preloaded into the measured `aznews extract` processes (node --import):
// at exit, writes the process's peak RSS and CPU time (all threads, workers
// included — getrusage of the process) to stderr as one tagged JSON line.
import { writeSync } from 'node:fs';

export const TAG = '@@aznews-bench';

process.on('exit', () => {
  const u = process.resourceUsage();
  writeSync(2, `\n${TAG} ${JSON.stringify({ maxRssKb: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 })}\n`);
});
