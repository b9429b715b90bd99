// What the commands share: usage errors (exit 2) and the bare "-" argument.
export const EXIT_USAGE = 2;

/** Prints a usage error and exits 2 (CONTRACT.md §1). */
export function fail(msg: string): never {
  process.stderr.write(`aznews: ${msg}\n`);
  process.exit(EXIT_USAGE);
}

// yargs swallows a bare "-"; it stands for stdin (inputs) or stdout (--out), so it is passed through as a token
export const DASH = '\u0000-';
export const undash = (a: string) => (a === DASH ? '-' : a);
