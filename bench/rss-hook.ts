// Preloaded into the measured `aznews extract` processes (node --import):
// at exit, writes the process's peak RSS and CPU time (all threads, workers
// included — getrusage of the process) to stderr as one tagged JSON line.
// On Linux it also splits the CPU time by thread: the main thread (reads,
// hands off, writes), the threads still alive at exit (V8's platform threads:
// TurboFan compilation and concurrent garbage collection for every isolate),
// and the rest, the threads that have ended by then: the worker threads.
import { readdirSync, readFileSync, writeSync } from 'node:fs';

export const TAG = '@@aznews-bench';

/** CPU ms of the main thread and of the other threads still alive, summed; null where /proc is not there. */
function threadCpuMs(): { main: number; others: number } | null {
  try {
    const ticksMs = 10; // USER_HZ is 100 on Linux
    let main = 0;
    let others = 0;
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[11], [12]: utime, stime
      const ms = (Number(fields[11]) + Number(fields[12])) * ticksMs;
      if (Number(tid) === process.pid) main = ms;
      else others += ms;
    }
    return { main, others };
  } catch {
    return null;
  }
}

process.on('exit', () => {
  const u = process.resourceUsage();
  const threads = threadCpuMs();
  writeSync(2, `\n${TAG} ${JSON.stringify({ maxRssKb: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000, threads })}\n`);
});
