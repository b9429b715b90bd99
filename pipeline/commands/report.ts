// `aznews report`: a static review site of JSON-LD files — index.html, and one
// page per article with every span highlighted (works from file://, offline).
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { join } from 'node:path';
import { expandInputs } from '../batch.js';
import { outsideOf, writeReport } from '../report/site.js';
import { fail } from './common.js';

export const reportCommand = {
  command: 'report <inputs..>',
  describe: 'write a static HTML review of JSON-LD files: an index and one page per article with the spans highlighted',
  builder: (y: Argv) =>
    y
      .positional('inputs', { type: 'string', array: true, describe: '.jsonld files, directories or globs' })
      .option('out', { type: 'string', demandOption: true, describe: 'folder for index.html and the article pages' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print only errors' })
      .example('$0 report output --out output/review', 'review every .jsonld under output/ (the review folder itself is skipped)'),
  handler: (argv: ArgumentsCamelCase<Record<string, unknown>>) => {
    const out = String(argv.out ?? '');
    if (!out || out === '-') fail('--out needs a directory');
    const { files, missing } = expandInputs((argv.inputs ?? []) as string[], (p) => /\.jsonld$/i.test(p));
    for (const m of missing) fail(`no such file, directory or matching glob: ${m}`);
    if (!outsideOf(files, out).length) fail('no .jsonld files to report');
    const summary = writeReport(files, out);
    if (!argv.quiet) {
      process.stderr.write(`aznews: review of ${summary.articles} article(s) written to ${join(out, 'index.html')}` + (summary.withProblems ? ` (${summary.withProblems} with validation problems)` : '') + '\n');
    }
    process.exitCode = 0;
  },
} as unknown as CommandModule;
