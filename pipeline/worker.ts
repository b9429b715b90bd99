// One input unit (the bytes of a .txt or .json file, or of one .jsonl line) →
// its JSON-LD document, written to its file (or handed back for stdout): the
// unit of work of the batch runner. Runs in a worker thread (the default
// export is the task function tinypool calls) or in the main thread
// (`--workers 0`); either way the bytes are the same. Decoding, parsing and
// writing happen here too, so the main thread only moves bytes and keeps order.
import { appendFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { Tinypool } from 'tinypool';
import { extract } from './pipeline.js';
import { decodeUtf8, readArticles, readJsonLine, type InputFormat, type ReadResult } from './read.js';

export interface ArticleTask {
  /** the whole file (.txt, .json) or one line of a .jsonl file, without its line break */
  data: Uint8Array;
  format: InputFormat;
  /** 1-based line of a .jsonl input */
  line?: number;
  /** byte offset of `data` in its file (for invalid UTF-8 messages) */
  offset?: number;
  referenceDate?: string;
  /** one line (for `--out -`) instead of the indented file layout */
  compact: boolean;
  /** where to write the document (a directory output); without it the document is handed back */
  out?: OutputTarget;
}

export interface OutputTarget {
  path: string;
  /** the resume key of the input, appended to the output folder's journal once the document is written */
  key?: string;
  journal?: string;
}

export type ArticleResult =
  /** `json` when the task had no output target; otherwise the document was written */
  | { ok: true; json?: string; lineBytes?: Uint8Array; entities: Record<string, number> }
  /** stage "read": the input is not an article; "extract": it is, but no valid document came out; "write": it could not be written */
  | { ok: false; stage: 'read' | 'extract' | 'write'; reason: string; line?: number };

// folders known to exist (output folders and their journals' folders alternate, so more than one)
const madeDirs = new Set<string>();
function ensureDir(dir: string): void {
  if (madeDirs.has(dir)) return;
  mkdirSync(dir, { recursive: true });
  if (madeDirs.size > 1024) madeDirs.clear();
  madeDirs.add(dir);
}

/** Appends one line to a journal: one small O_APPEND write, so lines of several threads do not interleave. */
function appendJournal(path: string, line: string): void {
  ensureDir(dirname(path));
  appendFileSync(path, line); // (opened per line: ≈ 10 µs, and no descriptors left open by finished threads)
}

/** Writes a file atomically: a temporary file beside it (named for this process and thread), then rename. */
export function writeAtomic(path: string, content: string): void {
  ensureDir(dirname(path));
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${threadId}`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    madeDirs.clear();
    throw e;
  }
}

function writeOutput(out: OutputTarget, json: string): void {
  writeAtomic(out.path, json);
  // after the document: a crash in between only means extracting it again
  if (out.journal && out.key) appendJournal(out.journal, `${basename(out.path)}\t${out.key}\n`);
}

const KIND_OF: Record<string, string> = {
  Person: 'people',
  Country: 'places', City: 'places', AdministrativeArea: 'places', Place: 'places', Continent: 'places', BodyOfWater: 'places',
  Landform: 'places', LandmarksOrHistoricalBuildings: 'places', CivicStructure: 'places', Airport: 'places',
  TemporalExpression: 'dates',
  DefinedTerm: 'areas',
  Legislation: 'documents', CreativeWork: 'documents',
};

/** Entities per kind (people, organizations, places, documents, dates, areas) in one graph. */
export function countKinds(graph: Record<string, unknown>[]): Record<string, number> {
  const into: Record<string, number> = {};
  for (const n of graph) {
    const t = String(n['@type']);
    if (t === 'NewsArticle') continue;
    const k = KIND_OF[t] ?? (n.additionalType ? 'documents' : /Organization|Corporation|NGO|Bank|Party|Union/.test(t) ? 'organizations' : 'other');
    into[k] = (into[k] ?? 0) + 1;
  }
  return into;
}

/** The article in one unit, or why there is none. */
export function readUnit(task: Pick<ArticleTask, 'data' | 'format' | 'line' | 'offset'>): ReadResult {
  if (task.format === 'jsonl') {
    const line = task.line ?? 1;
    const d = decodeUtf8(task.data);
    if (!d.ok) return { ok: false, line, reason: `line ${line}: invalid UTF-8 at byte offset ${(task.offset ?? 0) + d.at}` };
    return readJsonLine(d.text, line) ?? { ok: false, line, reason: `line ${line}: blank` };
  }
  const [r] = readArticles(task.data, task.format);
  if (r.ok && task.format === 'txt' && r.article.text.trim() === '') return { ok: false, reason: 'blank file: no article text' };
  return r;
}

export function processTask(task: ArticleTask): ArticleResult {
  const r = readUnit(task);
  if (!r.ok) return { ok: false, stage: 'read', reason: r.reason, line: r.line };
  let out;
  try {
    out = extract(r.article, { referenceDate: task.referenceDate });
  } catch (e) {
    return { ok: false, stage: 'extract', reason: `extraction failed: ${e instanceof Error ? e.message : String(e)}`, line: r.line };
  }
  if (out.problems.length) return { ok: false, stage: 'extract', reason: `output does not validate: ${out.problems.slice(0, 3).join('; ')}`, line: r.line };
  const json = task.compact ? JSON.stringify(out.document) : JSON.stringify(out.document, null, 1) + '\n';
  const entities = countKinds(out.document['@graph']);
  if (!task.out) return { ok: true, json, entities };
  try {
    writeOutput(task.out, json);
  } catch (e) {
    return { ok: false, stage: 'write', reason: `cannot write ${task.out.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, line: r.line };
  }
  return { ok: true, entities };
}

const UTF8_ENCODER = new TextEncoder();

/** The task function of the worker threads: a chunk of units, their results in order (each unit fails alone). */
export default function processTasks(tasks: ArticleTask[]): unknown {
  const results = tasks.map(processTask);
  // documents for stdout go back as UTF-8 lines in one buffer per chunk, which is moved, not copied
  // (cloning the strings into the main thread cost ≈ 4 ms per chunk here); each result gets a view
  // of its own line, and the lines of a chunk lie side by side, so the main thread writes them at once
  const lines: string[] = [];
  for (const r of results) if (r.ok && r.json !== undefined) lines.push(r.json + '\n');
  if (!lines.length) return results;
  // sized first, then encoded in place (encoding the lines joined into one string is ≈ 6× slower)
  const sizes = lines.map((l) => Buffer.byteLength(l));
  const bytes = new Uint8Array(sizes.reduce((n, k) => n + k, 0));
  let at = 0;
  let k = 0;
  for (const r of results) {
    if (r.ok && r.json !== undefined) {
      UTF8_ENCODER.encodeInto(lines[k], bytes.subarray(at));
      r.lineBytes = bytes.subarray(at, at + sizes[k]);
      r.json = undefined;
      at += sizes[k++];
    }
  }
  return Tinypool.move({ [Tinypool.transferableSymbol]: [bytes.buffer], [Tinypool.valueSymbol]: results } as unknown as Parameters<typeof Tinypool.move>[0]);
}
