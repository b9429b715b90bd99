// Loads the Azerbaijani language data files (TSV/JSON beside this file).
// Files a later helper has not written yet load as empty lists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANG_DIR } from '../../paths.js';

const AZ = join(LANG_DIR, 'az');

export function azPath(rel: string): string {
  return join(AZ, rel);
}

/** Rows of a TSV file (header and '#' lines skipped, cells trimmed). */
export function readTsv(rel: string): string[][] {
  const p = azPath(rel);
  if (!existsSync(p)) return [];
  return readFileSync(p, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t').map((c) => c.trim()));
}

export function readJson<T>(rel: string): T {
  return JSON.parse(readFileSync(azPath(rel), 'utf8')) as T;
}
