// Writes the review site (an edge: the file I/O of `aznews report`): one page
// per JSON-LD file, mirroring its path relative to the folder given, and
// index.html. Deterministic: same files in, same bytes out (no clock, no
// absolute paths). Files inside the output folder itself are never read,
// and pages a previous run wrote that are no longer produced are removed.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import { writeAtomic, type InputFile } from '../batch.js';
import { validateDocument } from '../validate.js';
import { GENERATOR } from './html.js';
import { countKinds, renderArticlePage, renderIndex, titleOf, viewOf, type IndexEntry } from './render.js';

export interface ReportSummary {
  articles: number;
  withProblems: number;
  /** the pages written, relative to the output folder (index.html first) */
  pages: string[];
  index: string;
}

const toPosix = (p: string) => p.split(sep).join('/');

/** The files of `files` that are not inside `outDir` (so `report output --out output/review` skips its own pages). */
export function outsideOf(files: InputFile[], outDir: string): InputFile[] {
  const out = resolve(outDir) + sep;
  return files.filter((f) => !(resolve(f.path) + sep).startsWith(out));
}

function pageName(file: InputFile, taken: Set<string>): { rel: string; page: string } {
  const rel = toPosix(relative(file.base, file.path)) || posix.basename(toPosix(file.path));
  const stem = rel.replace(/\.jsonld?$/i, '');
  let page = `${stem}.html`;
  for (let k = 2; taken.has(page.toLowerCase()); k++) page = `${stem}-${k}.html`;
  taken.add(page.toLowerCase());
  return { rel, page };
}

function ours(path: string): boolean {
  try {
    return readFileSync(path, 'utf8').slice(0, 600).includes(`<meta name="generator" content="${GENERATOR}">`);
  } catch {
    return false;
  }
}

function htmlFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...htmlFilesUnder(p));
    else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

/** Writes index.html and one page per file into outDir. */
export function writeReport(files: InputFile[], outDir: string): ReportSummary {
  const taken = new Set<string>(['index.html']);
  const entries: IndexEntry[] = [];
  const pages: string[] = ['index.html'];
  for (const file of outsideOf(files, outDir)) {
    const { rel, page } = pageName(file, taken);
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(file.path, 'utf8'));
    } catch (e) {
      const why = e instanceof SyntaxError ? `not valid JSON: ${e.message}` : `cannot read: ${(e as Error).message}`;
      entries.push({ file: rel, href: null, title: rel, date: null, counts: null, spans: 0, problems: [why] });
      continue;
    }
    let problems: string[];
    try {
      problems = validateDocument(doc);
    } catch (e) {
      problems = [`cannot validate: ${(e as Error).message}`];
    }
    const indexHref = posix.relative(posix.dirname(page), 'index.html');
    writeAtomic(join(outDir, page), renderArticlePage({ doc, file: rel, problems, indexHref }));
    pages.push(page);
    const view = viewOf(doc);
    const date = view.article?.datePublished;
    entries.push({ file: rel, href: page, title: titleOf(doc, rel), date: typeof date === 'string' ? date : null, counts: countKinds(view), spans: view.spans.length, problems });
  }
  const index = join(outDir, 'index.html');
  writeAtomic(index, renderIndex(entries));
  // pages of an earlier run that this run did not write
  const keep = new Set(pages.map((p) => resolve(outDir, p)));
  for (const f of htmlFilesUnder(outDir)) {
    if (!keep.has(resolve(f)) && ours(f)) rmSync(f);
  }
  return { articles: entries.length, withProblems: entries.filter((e) => e.problems.length).length, pages, index };
}
