// `aznews extract`: articles → JSON-LD files (or JSON Lines on stdout), on
// worker threads, resumable, with a progress bar on a terminal.
import cliProgress from 'cli-progress';
import { availableParallelism } from 'node:os';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { BYTES_PER_THREAD, DEFAULT_MAX_ARTICLE_BYTES, expandInputs, inputBytes, runBatch, type BatchSummary, type ExtractJob, type Failure, type Shard } from '../batch.js';
import { fail, undash } from './common.js';

/** The default's input per worker thread, for the help and --verbose */
const MIB_PER_THREAD = `${BYTES_PER_THREAD / 1024 / 1024} MiB`;

/** A path as it can be shown on one line of stderr (control characters escaped). */
export function printable(p: string): string {
  // eslint-disable-next-line no-control-regex
  return p.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

export function failureLine(f: Failure): string {
  return `aznews: ${printable(f.path)}${f.line !== undefined && !f.reason.startsWith('line') ? `:${f.line}` : ''}: ${f.reason}\n`;
}

export function summaryLine(s: BatchSummary, verbose = false): string {
  const kinds = Object.entries(s.entities)
    .sort()
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const rate = s.seconds > 0 ? `, ${(s.bytes / 1e6 / s.seconds).toFixed(2)} MB/s` : '';
  const rss = verbose ? `, ${s.threads} worker thread(s), peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB` : '';
  return `aznews: ${s.written}/${s.articles} articles written${kinds ? ` (${kinds})` : ''}, ${s.upToDate} skipped (up to date), ${s.failed} failed, ${s.seconds.toFixed(2)} s${rate}${rss}\n`;
}

function checkDate(d: unknown): string | undefined {
  if (d === undefined) return undefined;
  const s = String(d);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) fail(`--reference-date must be YYYY-MM-DD, got "${s}"`);
  return s;
}

function checkShard(v: unknown): Shard | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(String(v));
  const shard = m ? { index: Number(m[1]), count: Number(m[2]) } : null;
  if (!shard || shard.count < 1 || shard.index < 1 || shard.index > shard.count) fail(`--shard must be K/N with 1 ≤ K ≤ N (e.g. 2/8), got "${v}"`);
  return shard;
}

function checkNumber(name: string, v: unknown, fallback: number, min: number, integer = false): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) fail(`--${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}, got "${v}"`);
  return n;
}

/** A progress bar on stderr: articles, MB/s and (when the total is known) ETA. */
function progressBar(totalInput: number | null) {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: totalInput
        ? 'aznews {bar} {percentage}% | {articles} articles | {speed} MB/s | ETA {eta_formatted}'
        : 'aznews {articles} articles | {mb} MB | {speed} MB/s | {duration_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 200,
      fps: 5,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  const t0 = performance.now();
  bar.start(totalInput || 1, 0, { articles: 0, speed: '0.00', mb: '0.0' });
  return {
    update(s: BatchSummary) {
      const secs = (performance.now() - t0) / 1000;
      const payload = { articles: s.articles + s.failed, speed: secs > 0 ? (s.bytes / 1e6 / secs).toFixed(2) : '0.00', mb: (s.bytes / 1e6).toFixed(1) };
      bar.update(totalInput ? Math.min(s.bytes, totalInput) : 0, payload);
    },
    /** writes a message above the bar */
    log(msg: string) {
      process.stderr.write(`\r\x1b[K${msg}`);
    },
    stop() {
      bar.stop();
    },
  };
}

export const extractCommand = {
  command: 'extract <inputs..>',
  describe: 'extract articles (.txt, .json, .jsonl; files, directories, globs, or - for JSON Lines on stdin) into JSON-LD',
  builder: (y: Argv) =>
      y
        .positional('inputs', { type: 'string', array: true, describe: 'files, directories or globs; - reads .jsonl from stdin' })
        .option('out', { type: 'string', demandOption: true, describe: 'output directory, or - for JSON Lines on stdout' })
        .option('reference-date', { type: 'string', describe: 'YYYY-MM-DD for relative dates when an article has no datePublished' })
        .option('workers', {
          type: 'number',
          describe: `worker threads; 0 = in the main thread (default: one per ${MIB_PER_THREAD} of input, up to the machine's cores, here ${availableParallelism()}: each thread first spends seconds compiling the pipeline, so small batches run faster on one)`,
        })
        .option('force', { type: 'boolean', default: false, describe: 're-extract articles whose output is already current' })
        .option('shard', { type: 'string', describe: 'K/N: process only the K-th of N deterministic parts of the inputs (N machines, one archive)' })
        .option('max-article-size', { type: 'number', describe: `largest article (a file or a .jsonl line) in MB; larger ones are reported and skipped (default ${DEFAULT_MAX_ARTICLE_BYTES / 1024 / 1024})` })
        .option('timeout', { type: 'number', describe: 'seconds one article may take on a worker before it is stopped and reported (default 300; 0 = no limit)' })
        .option('quiet', { type: 'boolean', default: false, describe: 'print only errors' })
        .option('verbose', { type: 'boolean', default: false, describe: 'also print every output written or skipped, and the peak memory' })
        .example('$0 extract input --out output', 'every article under input/ into output/ (paths mirrored); a re-run skips what is current')
        .example("$0 extract 'archive/**/*.jsonl' --out out --reference-date 2026-09-29", 'a glob; relative dates resolved against 29 Sep 2026 where an article has no date')
        .example('cat articles.jsonl | $0 extract - --out -', 'a filter: JSON Lines in, JSON Lines out, in input order')
        .example('$0 extract archive --out out --shard 3/8', 'the third of eight machines sharing one archive'),
  handler: async (argv: ArgumentsCamelCase<Record<string, unknown>>) => {
      const inputs = ((argv.inputs ?? []) as unknown[]).map((a) => undash(String(a)));
      const referenceDate = checkDate(argv['reference-date']);
      const outDir = undash(String(argv.out));
      if (!outDir) fail('--out needs a directory, or - for stdout');
      const quiet = !!argv.quiet;
      const verbose = !!argv.verbose;
      if (quiet && verbose) fail('--quiet and --verbose cannot be combined');
      const job: ExtractJob = {
        outDir,
        referenceDate,
        workers: argv.workers === undefined ? undefined : checkNumber('workers', argv.workers, 0, 0, true),
        force: !!argv.force,
        shard: checkShard(argv.shard),
        maxArticleBytes: Math.round(checkNumber('max-article-size', argv['max-article-size'], DEFAULT_MAX_ARTICLE_BYTES / 1024 / 1024, 0.001) * 1024 * 1024),
        timeoutMs: checkNumber('timeout', argv.timeout, 300, 0) * 1000,
      };
      const fromStdin = inputs.length === 1 && inputs[0] === '-';
      if (!fromStdin && inputs.includes('-')) fail('- (stdin) cannot be combined with other inputs');
      let expansion = null;
      if (!fromStdin) {
        expansion = expandInputs(inputs);
        for (const m of expansion.missing) fail(`no such file, directory or matching glob: ${m}`);
        const { skipped } = expansion;
        if (skipped.length) {
          process.stderr.write(`aznews: warning: skipped ${skipped.length} file(s) that are not .txt, .json or .jsonl: ${skipped.slice(0, 5).map(printable).join(', ')}${skipped.length > 5 ? ', …' : ''}\n`);
        }
      }
      if (outDir === '-') process.stdout.on('error', () => {}); // a closed pipe ends the run (see runBatch), quietly
      const bar = !quiet && !verbose && process.stderr.isTTY ? progressBar(expansion ? inputBytes(expansion.files) / (job.shard?.count ?? 1) : null) : null;
      job.onFailure = (f) => (bar ? bar.log(failureLine(f)) : process.stderr.write(failureLine(f)));
      if (bar) job.onProgress = (s) => bar.update(s);
      if (verbose) {
        job.onWritten = (p, upToDate) => process.stderr.write(`aznews: ${upToDate ? 'up to date' : 'wrote'} ${printable(p)}\n`);
        const threads = job.workers !== undefined ? `${job.workers} worker thread(s)` : `up to ${availableParallelism()} worker thread(s), one per ${MIB_PER_THREAD} of input`;
        process.stderr.write(`aznews: ${threads}${expansion ? `, ${expansion.files.length} input file(s)` : ', JSON Lines from stdin'}${job.shard ? `, shard ${job.shard.index}/${job.shard.count}` : ''}\n`);
      }
      let summary: BatchSummary;
      try {
        summary = await runBatch(expansion ? { files: expansion.files, skipped: expansion.skipped } : { stream: process.stdin }, job);
      } finally {
        bar?.stop();
      }
      if (!quiet) process.stderr.write(summaryLine(summary, verbose));
      process.exitCode = summary.failed ? 1 : 0;
    },
} as unknown as CommandModule;
