// `aznews extract`: articles → JSON-LD files (or JSON Lines on stdout).
import { readFileSync } from 'node:fs';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { expandInputs, runExtract, runExtractStdin, type BatchSummary, type Failure } from '../batch.js';
import { fail, undash } from './common.js';

function reportFailure(f: Failure): void {
  process.stderr.write(`aznews: ${f.path}${f.line !== undefined && !f.reason.startsWith('line') ? `:${f.line}` : ''}: ${f.reason}\n`);
}

function summaryLine(s: BatchSummary): string {
  const kinds = Object.entries(s.entities)
    .sort()
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return `aznews: ${s.written}/${s.articles} articles written${kinds ? ` (${kinds})` : ''}, ${s.skipped.length} skipped, ${s.failed.length} failed, ${s.seconds.toFixed(2)} s\n`;
}

function checkDate(d: unknown): string | undefined {
  if (d === undefined) return undefined;
  const s = String(d);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) fail(`--reference-date must be YYYY-MM-DD, got "${s}"`);
  return s;
}

export const extractCommand = {
  command: 'extract <inputs..>',
  describe: 'extract articles (.txt, .json, .jsonl; files, directories, globs, or - for JSON Lines on stdin) into JSON-LD',
  builder: (y: Argv) =>
      y
        .positional('inputs', { type: 'string', array: true, describe: 'files, directories or globs; - reads .jsonl from stdin' })
        .option('out', { type: 'string', demandOption: true, describe: 'output directory, or - for JSON Lines on stdout' })
        .option('reference-date', { type: 'string', describe: 'YYYY-MM-DD for relative dates when an article has no datePublished' })
        .option('quiet', { type: 'boolean', default: false, describe: 'print only errors' })
        .example('$0 extract input --out output', 'every article under input/ into output/ (paths mirrored)')
        .example("$0 extract 'archive/**/*.jsonl' --out out --reference-date 2026-09-29", 'a glob; relative dates resolved against 29 Sep 2026 where an article has no date')
        .example('cat articles.jsonl | $0 extract - --out -', 'a filter: JSON Lines in, JSON Lines out'),
  handler: (argv: ArgumentsCamelCase<Record<string, unknown>>) => {
      const inputs = ((argv.inputs ?? []) as unknown[]).map((a) => undash(String(a)));
      const referenceDate = checkDate(argv['reference-date']);
      const outDir = undash(String(argv.out));
      if (!outDir) fail('--out needs a directory, or - for stdout');
      const job = {
        outDir,
        referenceDate,
        onFailure: reportFailure,
        onDocument: (line: string) => process.stdout.write(line + '\n'),
      };
      let summary: BatchSummary;
      if (inputs.length === 1 && inputs[0] === '-') {
        summary = runExtractStdin(readFileSync(0), job);
      } else {
        if (inputs.includes('-')) fail('- (stdin) cannot be combined with other inputs');
        const { files, skipped, missing } = expandInputs(inputs);
        for (const m of missing) fail(`no such file, directory or matching glob: ${m}`);
        if (skipped.length) {
          process.stderr.write(`aznews: warning: skipped ${skipped.length} file(s) that are not .txt, .json or .jsonl: ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''}\n`);
        }
        summary = runExtract(files, job);
        summary.skipped = skipped;
      }
      if (!argv.quiet) process.stderr.write(summaryLine(summary));
      process.exitCode = summary.failed.length ? 1 : 0;
    },
} as unknown as CommandModule;
