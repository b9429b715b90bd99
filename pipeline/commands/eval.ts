// `aznews eval`: precision, recall and F1 against a gold set, the same numbers
// as ../shared/tools/score.mjs; --min-f1 makes it a CI gate (exit 1 below it).
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { EvalUsageError, formatEval, runEval } from '../eval/run.js';
import { fail } from './common.js';

export const evalCommand = {
  command: 'eval <gold-dir>',
  describe: 'score the extraction against a gold set (inputs/ and gold/): P/R/F1 per kind, misses and extras',
  builder: (y: Argv) =>
    y
      .positional('gold-dir', { type: 'string', describe: 'a folder with inputs/<id>.json and gold/<id>.json' })
      .option('pred', { type: 'string', describe: 'score the <id>.jsonld files of this folder instead of running the extraction' })
      .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON' })
      .option('min-f1', { type: 'number', describe: 'exit 1 when the micro F1 is below this (0–1)' })
      .example('$0 eval ../shared/gold/dev', 'run the pipeline on the dev articles and score it')
      .example('$0 eval my-gold --min-f1 0.8', 'a CI gate: exit 1 when micro F1 < 0.8')
      .example('$0 eval my-gold --pred out --json', 'score existing outputs, as JSON'),
  handler: (argv: ArgumentsCamelCase<Record<string, unknown>>) => {
    const minF1 = argv['min-f1'] as number | undefined;
    if (minF1 !== undefined && !(minF1 >= 0 && minF1 <= 1)) fail(`--min-f1 must be a number from 0 to 1, got ${argv['min-f1']}`);
    let result;
    try {
      result = runEval(String(argv['gold-dir']), { predDir: argv.pred === undefined ? undefined : String(argv.pred) });
    } catch (e) {
      if (e instanceof EvalUsageError) fail(e.message);
      throw e;
    }
    const below = minF1 !== undefined && result.micro.f < minF1;
    if (argv.json) process.stdout.write(JSON.stringify({ ...result, minF1: minF1 ?? null, pass: minF1 === undefined ? null : !below }, null, 2) + '\n');
    else process.stdout.write(formatEval(result));
    if (below) process.stderr.write(`aznews: micro F1 ${result.micro.f.toFixed(3)} is below --min-f1 ${minF1}\n`);
    process.exitCode = below ? 1 : 0;
  },
} as unknown as CommandModule;
