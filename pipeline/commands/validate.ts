// `aznews validate`: JSON-LD files against schemas/ (exit 1 if any is invalid).
import { readFileSync } from 'node:fs';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { expandInputs } from '../batch.js';
import { validateDocument } from '../validate.js';
import { fail } from './common.js';

export const validateCommand = {
  command: 'validate <inputs..>',
  describe: 'validate JSON-LD files against schemas/ (exit 1 if any is invalid)',
  builder: (y: Argv) =>
      y
        .positional('inputs', { type: 'string', array: true, describe: '.jsonld/.json files, directories or globs' })
        .option('quiet', { type: 'boolean', default: false })
        .example('$0 validate output', 'check every .jsonld file under output/'),
  handler: (argv: ArgumentsCamelCase<Record<string, unknown>>) => {
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
} as unknown as CommandModule;
