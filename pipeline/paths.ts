// Where the package lives, so data files resolve the same from the sources
// (vitest) and from the compiled dist/ (the CLI).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'schemas'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('aznews: cannot find the package root (package.json + schemas/)');
    dir = up;
  }
}

export const ROOT = findRoot();
export const LANG_DIR = join(ROOT, 'pipeline', 'lang');
export const SCHEMA_DIR = join(ROOT, 'schemas');
