#!/usr/bin/env node
// The command line (an edge): one module per command in commands/; exit
// codes 0 all done, 1 some input failed, 2 bad usage (CONTRACT.md §1).
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { DASH, fail } from './commands/common.js';
import { extractCommand } from './commands/extract.js';
import { validateCommand } from './commands/validate.js';
import { reportCommand } from './commands/report.js';
import { evalCommand } from './commands/eval.js';

const args = hideBin(process.argv).map((a) => (a === '-' ? DASH : a));

await yargs(args)
  .scriptName('aznews')
  .usage('$0 <command> [options]\n\nTurns Azerbaijani news articles into validated JSON-LD: people, organizations,\nplaces, documents, dates and cooperation areas, with the text spans that\nsupport them.')
  .command(extractCommand)
  .command(validateCommand)
  .command(reportCommand)
  .command(evalCommand)
  .demandCommand(1, 'name a command: extract, validate, report or eval')
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
