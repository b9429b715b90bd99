#!/usr/bin/env node
// The command line (an edge): argument parsing, terminal output, exit codes
// (0 all done, 1 some input failed, 2 bad usage — CONTRACT.md §1).
import { readFileSync } from 'node:fs';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { expandInputs, runExtract, runExtractStdin, type BatchSummary, type Failure } from './batch.js';
import { validateDocument } from './validate.js';

const EXIT_USAGE = 2;
// yargs swallows a bare "-"; it stands for stdin (inputs) or stdout (--out), so pass it through as a token
const DASH = '\u0000-';
const args = hideBin(process.argv).map((a) => (a === '-' ? DASH : a));
const undash = (a: string) => (a === DASH ? '-' : a);

function fail(msg: string): never {
  process.stderr.write(`aznews: ${msg}\n`);
  process.exit(EXIT_USAGE);
}

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

await yargs(args)
  .scriptName('aznews')
  .usage('$0 <command> [options]\n\nTurns Azerbaijani news articles into validated JSON-LD: people, organizations, places,\ndocuments, dates and cooperation areas, with the text spans that support them.')
  .command(
    'extract <inputs..>',
    'extract articles (.txt, .json, .jsonl; files, directories, globs, or - for JSON Lines on stdin) into JSON-LD',
    (y) =>
      y
        .positional('inputs', { type: 'string', array: true, describe: 'files, directories or globs; - reads .jsonl from stdin' })
        .option('out', { type: 'string', demandOption: true, describe: 'output directory, or - for JSON Lines on stdout' })
        .option('reference-date', { type: 'string', describe: 'YYYY-MM-DD for relative dates when an article has no datePublished' })
        .option('quiet', { type: 'boolean', default: false, describe: 'print only errors' })
        .example('$0 extract input --out output', 'every article under input/ into output/ (paths mirrored)')
        .example("$0 extract 'archive/**/*.jsonl' --out out --reference-date 2026-09-29", 'a glob; relative dates resolved against 29 Sep 2026 where an article has no date')
        .example('cat articles.jsonl | $0 extract - --out -', 'a filter: JSON Lines in, JSON Lines out'),
    (argv) => {
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
  )
  .command(
    'validate <inputs..>',
    'validate JSON-LD files against schemas/ (exit 1 if any is invalid)',
    (y) =>
      y
        .positional('inputs', { type: 'string', array: true, describe: '.jsonld/.json files, directories or globs' })
        .option('quiet', { type: 'boolean', default: false })
        .example('$0 validate output', 'check every .jsonld file under output/'),
    (argv) => {
      const { files, missing } = expandInputs((argv.inputs ?? []) as string[], (p) => /\.jsonld?$/i.test(p));
      for (const m of missing) fail(`no such file, directory or matching glob: ${m}`);
      if (!files.length) fail('no .jsonld files to validate');
      let bad = 0;
      for (const f of files) {
        let problems: string[];
        try {
          problems = validateDocument(JSON.parse(readFileSync(f.path, 'utf8')));
        } catch (e) {
          problems = [e instanceof SyntaxError ? `not valid JSON: ${e.message}` : `cannot read: ${(e as Error).message}`];
        }
        if (problems.length) {
          bad++;
          for (const p of problems) process.stderr.write(`aznews: ${f.path}: ${p}\n`);
        }
      }
      if (!argv.quiet) process.stderr.write(`aznews: ${files.length - bad}/${files.length} valid\n`);
      process.exitCode = bad ? 1 : 0;
    },
  )
  .demandCommand(1, 'name a command: extract or validate')
  .strict()
  .fail((msg, err, y) => {
    if (err) {
      process.stderr.write(`aznews: ${err.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`${y.help()}\n`);
    fail(msg);
  })
  .help()
  .version()
  .wrap(Math.min(110, process.stdout.columns ?? 100))
  .parseAsync();
