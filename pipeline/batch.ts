// The batch runner (an edge: all file I/O lives here and in cli.ts). Expands
// paths, directories and globs; reads each input; extracts, validates and
// writes one JSON-LD file per article atomically; reports bad inputs with
// their path and reason and goes on.
import fg from 'fast-glob';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { extract } from './pipeline.js';
import { formatOf, readArticles, type ReadResult } from './read.js';
import type { ExtractOptions } from './types.js';

export interface InputFile {
  path: string; // as the user can recognise it
  /** directory the output mirrors from */
  base: string;
}

export interface Expansion {
  files: InputFile[];
  skipped: string[]; // unknown extensions
  missing: string[]; // arguments that matched nothing
}

const INPUT_GLOB = '**/*.{txt,json,jsonl,TXT,JSON,JSONL}';

function isGlob(arg: string): boolean {
  return fg.isDynamicPattern(arg);
}

/** Inputs named by paths, directories and globs, in a stable order. */
export function expandInputs(args: string[], accept: (p: string) => boolean = (p) => formatOf(p) !== null): Expansion {
  const files: InputFile[] = [];
  const skipped: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const push = (path: string, base: string) => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    if (accept(path)) files.push({ path, base });
    else skipped.push(path);
  };
  for (const arg of args) {
    if (isGlob(arg)) {
      const base = fg.generateTasks([arg])[0]?.base ?? '.';
      const hits = fg.sync(arg, { onlyFiles: true, dot: false }).sort();
      if (!hits.length) missing.push(arg);
      for (const h of hits) push(h, base);
      continue;
    }
    let st;
    try {
      st = statSync(arg);
    } catch {
      missing.push(arg);
      continue;
    }
    if (st.isDirectory()) {
      const all = fg.sync('**/*', { cwd: arg, onlyFiles: true, dot: false }).sort();
      for (const rel of all) push(join(arg, rel), arg);
    } else push(arg, dirname(arg));
  }
  void INPUT_GLOB;
  return { files, skipped, missing };
}

/** Where the output of an input (and of line k of a .jsonl input) goes. */
export function outputPath(file: InputFile, outDir: string, line?: number): string {
  const rel = relative(file.base, file.path);
  const stem = rel.slice(0, rel.length - extname(rel).length);
  return line !== undefined ? join(outDir, stem, `${line}.jsonld`) : join(outDir, `${stem}.jsonld`);
}

/** Writes a file atomically: a temporary file beside it, then rename. */
export function writeAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${createHash('md5').update(path).digest('hex').slice(0, 6)}`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export interface Failure {
  path: string;
  line?: number;
  reason: string;
}

export interface BatchSummary {
  articles: number;
  written: number;
  failed: Failure[];
  skipped: string[];
  entities: Record<string, number>;
  seconds: number;
}

export interface ExtractJob extends ExtractOptions {
  outDir: string | '-';
  onDocument?: (line: string) => void; // for --out -
  onFailure?: (f: Failure) => void;
  onProgress?: (done: number, total: number, bytes: number) => void;
}

const KIND_OF: Record<string, string> = {
  Person: 'people', Country: 'places', City: 'places', AdministrativeArea: 'places', Place: 'places', Continent: 'places', BodyOfWater: 'places', Landform: 'places',
  TemporalExpression: 'dates', DefinedTerm: 'areas', Legislation: 'documents', CreativeWork: 'documents',
};
function countKinds(graph: Record<string, unknown>[], into: Record<string, number>): void {
  for (const n of graph) {
    const t = String(n['@type']);
    if (t === 'NewsArticle') continue;
    const k = KIND_OF[t] ?? (/Organization|Corporation|NGO|Bank|Party/.test(t) ? 'organizations' : 'other');
    into[k] = (into[k] ?? 0) + 1;
  }
}

/** Processes the articles of one input's read results; returns how many were written. */
function processArticles(file: InputFile, results: ReadResult[], job: ExtractJob, summary: BatchSummary, lineOutputs: boolean): void {
  for (const r of results) {
    if (!r.ok) {
      const f = { path: file.path, line: r.line, reason: r.reason };
      summary.failed.push(f);
      job.onFailure?.(f);
      continue;
    }
    summary.articles++;
    let out;
    try {
      out = extract(r.article, job);
    } catch (e) {
      const f = { path: file.path, line: r.line, reason: `extraction failed: ${e instanceof Error ? e.message : e}` };
      summary.failed.push(f);
      job.onFailure?.(f);
      continue;
    }
    if (out.problems.length) {
      const f = { path: file.path, line: r.line, reason: `output does not validate: ${out.problems.slice(0, 3).join('; ')}` };
      summary.failed.push(f);
      job.onFailure?.(f);
      continue;
    }
    countKinds(out.document['@graph'], summary.entities);
    if (job.outDir === '-') job.onDocument?.(JSON.stringify(out.document));
    else writeAtomic(outputPath(file, job.outDir, lineOutputs ? r.line : undefined), JSON.stringify(out.document, null, 1) + '\n');
    summary.written++;
  }
}

export function runExtract(files: InputFile[], job: ExtractJob): BatchSummary {
  const t0 = performance.now();
  const summary: BatchSummary = { articles: 0, written: 0, failed: [], skipped: [], entities: {}, seconds: 0 };
  let bytes = 0;
  files.forEach((file, i) => {
    let data: Buffer;
    try {
      data = readFileSync(file.path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const f = { path: file.path, reason: code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? e})` };
      summary.failed.push(f);
      job.onFailure?.(f);
      return;
    }
    bytes += data.length;
    const format = formatOf(file.path)!;
    processArticles(file, readArticles(data, format), job, summary, format === 'jsonl');
    job.onProgress?.(i + 1, files.length, bytes);
  });
  summary.seconds = (performance.now() - t0) / 1000;
  return summary;
}

/** Articles from standard input (JSON Lines), for `aznews extract -`. */
export function runExtractStdin(bytes: Uint8Array, job: ExtractJob): BatchSummary {
  const t0 = performance.now();
  const summary: BatchSummary = { articles: 0, written: 0, failed: [], skipped: [], entities: {}, seconds: 0 };
  processArticles({ path: 'stdin.jsonl', base: '.' }, readArticles(bytes, 'jsonl'), job, summary, true);
  summary.seconds = (performance.now() - t0) / 1000;
  return summary;
}
