// The batch runner (an edge: all file I/O lives here and in cli.ts). Expands
// paths, directories and globs; reads inputs lazily (a .jsonl file or stdin
// line by line); hands each article to a pool of worker threads with a
// bounded number in flight; writes the documents in input order (atomically,
// one file per article, or as JSON Lines on stdout); skips articles whose
// output is current; reports bad inputs with their path and reason and goes on.
import fg from 'fast-glob';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Tinypool } from 'tinypool';
import { LANG_DIR, ROOT, SCHEMA_DIR } from './paths.js';
import { PIPELINE_VERSION } from './pipeline.js';
import { formatOf, type InputFormat } from './read.js';
import { processTask, writeAtomic, type ArticleResult, type ArticleTask } from './worker.js';

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

/** Inputs named by paths, directories and globs, in a stable order. Entries that are not directories
 *  (broken symbolic links, FIFOs) are listed too, so that reading them reports why they cannot be read. */
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
  const list = (pattern: string, cwd?: string): string[] =>
    fg
      .sync(pattern, { cwd, onlyFiles: false, dot: false, objectMode: true })
      .filter((e) => !e.dirent.isDirectory())
      .map((e) => e.path)
      .sort();
  for (const arg of args) {
    let st;
    try {
      st = statSync(arg);
    } catch {
      st = null;
    }
    // a path that exists is taken literally, even with glob characters in its name ([draft] *.txt)
    if (!st && fg.isDynamicPattern(arg)) {
      const base = fg.generateTasks([arg])[0]?.base ?? '.';
      const hits = list(arg);
      if (!hits.length) missing.push(arg);
      for (const h of hits) push(h, base);
      continue;
    }
    if (!st) {
      // a dangling symbolic link named on the command line is an unreadable input, not a usage error
      if (isSymlink(arg)) push(arg, dirname(arg));
      else missing.push(arg);
      continue;
    }
    if (st.isDirectory()) {
      for (const rel of list('**/*', arg)) push(join(arg, rel), arg);
    } else push(arg, dirname(arg));
  }
  return { files, skipped, missing };
}

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Where the output of an input (and of line k of a .jsonl input) goes. */
export function outputPath(file: InputFile, outDir: string, line?: number): string {
  const rel = relative(file.base, file.path);
  const stem = rel.slice(0, rel.length - extname(rel).length);
  return line !== undefined ? join(outDir, stem, `${line}.jsonld`) : join(outDir, `${stem}.jsonld`);
}

export { writeAtomic }; // (it lives with the writer, in worker.ts)

export interface Failure {
  path: string;
  line?: number;
  reason: string;
}

export interface BatchSummary {
  /** articles read in this shard (written + up to date + failed extractions) */
  articles: number;
  written: number;
  /** articles whose output was already current (resumed runs) */
  upToDate: number;
  /** number of failed inputs (files, lines or articles) */
  failed: number;
  /** the first failures (at most 1000, so memory stays bounded) */
  failures: Failure[];
  /** files with other extensions, not read */
  skipped: string[];
  entities: Record<string, number>;
  /** input bytes read */
  bytes: number;
  seconds: number;
  /** the most worker threads the run used (0: it ran in the calling thread) */
  threads: number;
}

export interface Shard {
  /** 1-based */
  index: number;
  count: number;
}

export interface ExtractJob {
  outDir: string | '-';
  referenceDate?: string;
  /** worker threads; 0 runs in the calling thread (default: by the input's size, see threadPlan) */
  workers?: number;
  /** input bytes per worker thread when `workers` is not given (default BYTES_PER_THREAD) */
  bytesPerThread?: number;
  /** re-extract even when the output is current */
  force?: boolean;
  shard?: Shard;
  /** largest article (a .txt/.json file or a .jsonl line) in bytes; default 2 MiB */
  maxArticleBytes?: number;
  /** per-article time limit in ms when running on workers (0: none); default 300 s */
  timeoutMs?: number;
  /** for --out -: where the JSON Lines go (default process.stdout) */
  stdout?: Writable;
  /** synchronous alternative to `stdout` */
  onDocument?: (line: string) => void;
  onFailure?: (f: Failure) => void;
  /** after each input unit, in input order */
  onProgress?: (s: BatchSummary) => void;
  /** --verbose: each output written or skipped as current */
  onWritten?: (path: string, upToDate: boolean) => void;
}

export const DEFAULT_MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
const MAX_FAILURES_KEPT = 1000;
const CHUNK = 64 * 1024;

// ---------------------------------------------------------------------------
// Units: one article's bytes, or a failure found while reading, in input order

interface Unit {
  file: InputFile;
  line?: number;
  /** input bytes this unit accounts for (progress) */
  bytes: number;
  task?: ArticleTask;
  failure?: string;
  /** where the document goes (a directory output) */
  out?: string;
  /** the resume key of the input (content + pipeline fingerprint) */
  key?: string;
  upToDate?: boolean;
}

interface Done extends Unit {
  result?: ArticleResult;
}

interface ReadContext {
  job: ExtractJob;
  maxBytes: number;
  compact: boolean;
  inShard: (id: string) => boolean;
}

/** Splits byte chunks into lines (LF; a trailing CR is dropped), never holding more than `max` bytes of one line. */
export class LineSplitter {
  private parts: Uint8Array[] = [];
  private len = 0;
  private discarding = false;
  private lineNo = 0;
  private offset = 0;
  constructor(private readonly max: number) {}

  *push(chunk: Uint8Array): Generator<SplitLine> {
    let pos = 0;
    while (pos < chunk.length) {
      const nl = chunk.indexOf(10, pos);
      const end = nl === -1 ? chunk.length : nl;
      if (!this.discarding) {
        if (this.len + end - pos > this.max + 1) {
          this.discarding = true;
          this.parts = [];
        } else if (end > pos) this.parts.push(chunk.subarray(pos, end));
      }
      this.len += end - pos;
      if (nl === -1) break;
      yield this.finish();
      pos = nl + 1;
    }
  }

  *end(): Generator<SplitLine> {
    if (this.len > 0) yield this.finish();
  }

  private finish(): SplitLine {
    this.lineNo++;
    let out: SplitLine;
    if (this.discarding) out = { line: this.lineNo, offset: this.offset, length: this.len };
    else {
      let data = this.parts.length === 1 ? this.parts[0] : concat(this.parts, this.len);
      if (data.length && data[data.length - 1] === 13) data = data.subarray(0, data.length - 1);
      if (data.length > this.max) out = { line: this.lineNo, offset: this.offset, length: this.len };
      else out = { line: this.lineNo, offset: this.offset, length: this.len, data: own(data) };
    }
    this.offset += this.len + 1;
    this.parts = [];
    this.len = 0;
    this.discarding = false;
    return out;
  }
}

/** The bytes in an ArrayBuffer of their own: a view into a read chunk would send the whole chunk to the worker. */
function own(b: Uint8Array): Uint8Array {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b);
}

function concat(parts: Uint8Array[], len: number): Uint8Array {
  const out = new Uint8Array(len);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface SplitLine {
  line: number;
  /** byte offset of the line in the stream */
  offset: number;
  /** length in bytes, without the line feed */
  length: number;
  /** absent when the line was longer than the limit (its bytes were not kept) */
  data?: Uint8Array;
}

function isBlank(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB`;
const bytesText = (n: number) => `${n.toLocaleString('en')} bytes`;

function tooLong(what: string, n: number, max: number): string {
  return `${what} too large (${bytesText(n)}; the limit for one article is ${mb(max)}, see --max-article-size)`;
}

function shardOf(id: string, count: number): number {
  return createHash('sha1').update(id).digest().readUInt32BE(0) % count;
}

function readError(e: unknown, path: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'cannot read: permission denied';
    case 'EISDIR':
      return 'cannot read: is a directory';
    case 'ELOOP':
      return 'cannot read: symbolic link loop';
    case 'ENOENT':
      return isSymlink(path) ? 'cannot read: broken symbolic link (its target does not exist)' : 'cannot read: the file has disappeared';
    default:
      return `cannot read: ${code ?? (e instanceof Error ? e.message : String(e))}`;
  }
}

/** The unit of one line of a .jsonl input (or stdin); null for a blank line or another shard's. */
function lineUnit(file: InputFile, fileId: string, l: SplitLine, ctx: ReadContext): Unit | null {
  if (!ctx.inShard(`${fileId}:${l.line}`)) return null;
  const bytes = l.length + 1;
  if (!l.data) return { file, line: l.line, bytes, failure: `line ${l.line}: ${tooLong('line', l.length, ctx.maxBytes)}` };
  if (isBlank(l.data)) return null;
  return { file, line: l.line, bytes, task: { data: l.data, format: 'jsonl', line: l.line, offset: l.offset, referenceDate: ctx.job.referenceDate, compact: ctx.compact } };
}

/** The units of one input file, read lazily (a .jsonl file in chunks). A problem with the file
 *  itself is reported by the shard that owns its name; each line belongs to its own shard. */
function* fileUnits(file: InputFile, ctx: ReadContext): Generator<Unit> {
  const format = formatOf(file.path) as InputFormat;
  const fileId = relative(file.base, file.path);
  const owns = ctx.inShard(fileId);
  if (format !== 'jsonl' && !owns) return;
  const fail = (failure: string, bytes = 0): Unit[] => (owns ? [{ file, bytes, failure }] : []);
  let st;
  try {
    st = statSync(file.path);
  } catch (e) {
    return yield* fail(readError(e, file.path));
  }
  if (st.isDirectory()) return yield* fail('cannot read: is a directory, not an article file');
  if (!st.isFile()) return yield* fail('cannot read: not a regular file (a FIFO, socket or device)');
  if (st.size === 0) return yield* fail('empty file: no article');
  if (format !== 'jsonl') {
    if (st.size > ctx.maxBytes) return yield* fail(tooLong('file', st.size, ctx.maxBytes), st.size);
    let data: Buffer;
    try {
      data = readFileSync(file.path);
    } catch (e) {
      return yield* fail(readError(e, file.path), st.size);
    }
    yield { file, bytes: data.length, task: { data: own(data), format, referenceDate: ctx.job.referenceDate, compact: ctx.compact } };
    return;
  }
  let fd: number;
  try {
    fd = openSync(file.path, 'r');
  } catch (e) {
    return yield* fail(readError(e, file.path));
  }
  try {
    const split = new LineSplitter(ctx.maxBytes);
    let pos = 0;
    let articles = 0; // non-blank lines, in any shard
    const units = function* (lines: Iterable<SplitLine>): Generator<Unit> {
      for (const l of lines) {
        if (!l.data || !isBlank(l.data)) articles++;
        const u = lineUnit(file, fileId, l, ctx);
        if (u) yield u;
      }
    };
    for (;;) {
      const buf = Buffer.allocUnsafeSlow(CHUNK);
      let n: number;
      try {
        n = readSync(fd, buf, 0, CHUNK, null);
      } catch (e) {
        return yield* fail(`${readError(e, file.path)} (after ${bytesText(pos)})`);
      }
      if (n === 0) break;
      const chunk = buf.subarray(0, n);
      if (pos === 0 && chunk.includes(0)) return yield* fail('binary content (NUL bytes), not JSON Lines', st.size);
      pos += n;
      yield* units(split.push(chunk));
    }
    yield* units(split.end());
    if (!articles) yield* fail('no article: only blank lines', pos);
  } finally {
    closeSync(fd);
  }
}

/** The units of JSON Lines on a stream (stdin), read as they arrive. */
async function* streamUnits(stream: Readable, file: InputFile, ctx: ReadContext): AsyncGenerator<Unit> {
  const split = new LineSplitter(ctx.maxBytes);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (const l of split.push(chunk)) {
      const u = lineUnit(file, 'stdin', l, ctx);
      if (u) yield u;
    }
  }
  for (const l of split.end()) {
    const u = lineUnit(file, 'stdin', l, ctx);
    if (u) yield u;
  }
}

// ---------------------------------------------------------------------------
// Resume: for each output folder, <out>/.aznews-state/<folder>/.aznews-journal lists
// `<file name>\t<key of the input it was made from>` lines, appended once a document is
// written (the last line for a name wins). One append per article instead of a key file
// each: creating a file costs ≈ 0.3 ms of system time here, more than extracting an article.

export const STATE_DIR = '.aznews-state';

let fingerprintCache: string | null = null;
/** The pipeline version and a hash of the code and data that make the documents. */
export function pipelineFingerprint(): string {
  if (fingerprintCache) return fingerprintCache;
  const h = createHash('sha256').update(`aznews ${PIPELINE_VERSION}\n`);
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/\.(js|ts|json|jsonld|tsv|txt)$/.test(n)) h.update(relative(ROOT, p)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  walk(dirname(fileURLToPath(import.meta.url))); // the code that runs: dist/pipeline (or pipeline/ from the sources)
  walk(LANG_DIR);
  walk(SCHEMA_DIR);
  fingerprintCache = h.digest('hex').slice(0, 32);
  return fingerprintCache;
}

const JOURNAL = '.aznews-journal';
function journalFile(outDir: string, out: string): string {
  return join(outDir, STATE_DIR, relative(outDir, dirname(out)), JOURNAL);
}

/** The journals of the output folders met lately, read once each (inputs are sorted, so a folder's outputs come together). */
class Journals {
  private readonly loaded = new Map<string, Map<string, string>>();
  private readonly compacted = new Set<string>();
  constructor(private readonly size = 8) {}
  keyOf(outDir: string, out: string): string | undefined {
    const path = journalFile(outDir, out);
    let names = this.loaded.get(path);
    if (!names) {
      names = readJournal(path, !this.compacted.has(path));
      this.compacted.add(path);
      this.loaded.set(path, names);
      if (this.loaded.size > this.size) this.loaded.delete(this.loaded.keys().next().value!);
    }
    return names.get(basename(out));
  }
}

function readJournal(path: string, compact: boolean): Map<string, string> {
  const names = new Map<string, string>();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return names;
  }
  let lines = 0;
  for (const line of text.split('\n')) {
    const m = /^([^\t]+)\t([0-9a-f]{64})$/.exec(line); // (a line cut short by a crash does not match)
    if (!m) continue;
    names.set(m[1], m[2]);
    lines++;
  }
  // forced re-runs append a line per article each time: rewrite it once it is mostly superseded lines
  // (only on the first reading in a run, before this run's threads append to it)
  if (compact && lines > 2 * names.size + 64) {
    writeAtomic(path, [...names].map(([n, k]) => `${n}\t${k}\n`).join(''));
  }
  return names;
}

function inputKey(task: ArticleTask): string {
  return createHash('sha256')
    .update(pipelineFingerprint())
    .update(`\0${task.referenceDate ?? ''}\0${task.format}\0`)
    .update(task.data)
    .digest('hex');
}

function isCurrent(journals: Journals, outDir: string, out: string, key: string): boolean {
  return journals.keyOf(outDir, out) === key && existsSync(out);
}

// ---------------------------------------------------------------------------
// Running

function newSummary(skipped: string[] = []): BatchSummary {
  return { articles: 0, written: 0, upToDate: 0, failed: 0, failures: [], skipped, entities: {}, bytes: 0, seconds: 0, threads: 0 };
}

function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  // from the TypeScript sources (tests) the threads still run the compiled code
  return here.endsWith('.ts') ? join(ROOT, 'dist', 'pipeline', 'worker.js') : join(dirname(here), 'worker.js');
}

function readContext(job: ExtractJob): ReadContext {
  const shard = job.shard;
  return {
    job,
    maxBytes: job.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES,
    compact: job.outDir === '-',
    inShard: shard && shard.count > 1 ? (id) => shardOf(id, shard.count) === shard.index - 1 : () => true,
  };
}

/** The output of a unit (directory output only): where it goes, its resume key, and whether it is current. */
function prepare(u: Unit, job: ExtractJob, check: Journals | null, recent: RecentOutputs): Unit {
  if (!u.task || job.outDir === '-') return u;
  u.out = outputPath(u.file, job.outDir, u.task.format === 'jsonl' ? u.line : undefined);
  // two inputs with one output path (a.txt and a.json): the first one keeps it, in any order of writing
  const other = recent.claim(u.out, u.line !== undefined ? `${u.file.path}:${u.line}` : u.file.path);
  if (other) return { file: u.file, line: u.line, bytes: u.bytes, failure: `${u.line !== undefined ? `line ${u.line}: ` : ''}same output file as ${other} (${u.out}); not written` };
  u.key = inputKey(u.task);
  if (check && isCurrent(check, job.outDir, u.out, u.key)) u.upToDate = true;
  u.task.out = { path: u.out, key: u.key, journal: journalFile(job.outDir, u.out) };
  return u;
}

/** The output paths claimed lately (inputs are sorted, so two that share an output path come close together). */
class RecentOutputs {
  private readonly seen = new Map<string, string>();
  constructor(private readonly size = 4096) {}
  claim(out: string, by: string): string | undefined {
    const other = this.seen.get(out);
    if (other !== undefined) return other;
    this.seen.set(out, by);
    if (this.seen.size > this.size) this.seen.delete(this.seen.keys().next().value!);
    return undefined;
  }
}

/** Records one finished unit (its document was written by the thread that made it); returns the document for stdout, if any
 * (a string, or from a thread the UTF-8 bytes of the line, its line break included). */
function finish(d: Done, job: ExtractJob, s: BatchSummary): string | Uint8Array | null {
  s.bytes += d.bytes;
  const failure = (reason: string, line = d.line) => {
    const f: Failure = { path: d.file.path, line, reason };
    s.failed++;
    if (s.failures.length < MAX_FAILURES_KEPT) s.failures.push(f);
    job.onFailure?.(f);
  };
  if (d.failure) {
    failure(d.failure);
    return null;
  }
  if (d.upToDate) {
    s.articles++;
    s.upToDate++;
    job.onWritten?.(d.out!, true);
    return null;
  }
  const r = d.result!;
  if (!r.ok) {
    if (r.stage !== 'read') s.articles++;
    failure(r.reason, r.line ?? d.line);
    return null;
  }
  s.articles++;
  s.written++;
  for (const [k, n] of Object.entries(r.entities)) s.entities[k] = (s.entities[k] ?? 0) + n;
  if (r.json !== undefined) return r.json;
  if (r.lineBytes !== undefined) return r.lineBytes;
  job.onWritten?.(d.out!, false);
  return null;
}

/** Extracts files in the calling thread, synchronously (small batches, tests, `aznews eval`). */
export function runExtract(files: InputFile[], job: ExtractJob): BatchSummary {
  const t0 = performance.now();
  const s = newSummary();
  const ctx = readContext(job);
  const check = job.outDir !== '-' && !job.force && existsSync(join(job.outDir, STATE_DIR)) ? new Journals() : null;
  const recent = new RecentOutputs();
  for (const file of files) {
    for (const unit of fileUnits(file, ctx)) {
      const u = prepare(unit, job, check, recent);
      const d: Done = u.task && !u.upToDate ? { ...u, result: processTask(u.task) } : u;
      const line = finish(d, job, s); // (in this thread: a string)
      if (line !== null) job.onDocument?.(String(line));
      job.onProgress?.(s);
    }
  }
  s.seconds = (performance.now() - t0) / 1000;
  return s;
}

/**
 * Input bytes that pay for one more worker thread. V8 compiles the pipeline anew in each thread
 * (≈ 2–2.5 s of CPU) and runs its first articles in slower tiers, so on 2 cores a second thread
 * lost on small inputs (1 MB: 0.8× one thread; 5 MB: 0.75–1.1×) and gained from ≈ 10 MB on
 * (1.03–1.13×; 20 MB: 1.2–1.4×; 100 MB: 1.5–1.6×).
 */
export const BYTES_PER_THREAD = 8 * 1024 * 1024;

/** Threads for `bytes` of input when --workers is not given: one, and one more per `perThread` bytes, up to `cores`. */
export function threadsFor(bytes: number, cores: number, perThread = BYTES_PER_THREAD): number {
  return Math.max(1, Math.min(cores, 1 + Math.floor(bytes / perThread)));
}

/** How many threads a run starts with, and how many it may grow to, one more per `perThread` bytes sent, as a stream of unknown length goes on. */
export interface ThreadPlan {
  start: number;
  max: number;
  perThread: number;
}

/** The size of a stream when it is a regular file (stdin redirected from one), else null. */
function streamFileSize(stream: Readable): number | null {
  const fd = (stream as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return null;
  try {
    const st = fstatSync(fd);
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

/**
 * --workers N gives N threads. Without it the input's size decides (threadsFor): files and a
 * redirected stdin by their sizes (a shard by its share), a pipe by what it has delivered so
 * far: one thread at first, another each time BYTES_PER_THREAD more have been read.
 */
export function threadPlan(input: BatchInput, job: ExtractJob, cores = availableParallelism()): ThreadPlan {
  const perThread = job.bytesPerThread ?? BYTES_PER_THREAD;
  if (job.workers !== undefined) {
    const n = Math.max(0, job.workers);
    return { start: n, max: n, perThread };
  }
  const shards = job.shard?.count ?? 1;
  const size = 'files' in input ? inputBytes(input.files, cores * perThread * shards) : streamFileSize(input.stream);
  if (size === null) return { start: 1, max: cores, perThread };
  const n = threadsFor(size / shards, cores, perThread);
  return { start: n, max: n, perThread };
}

/** Articles per hand-off to a worker thread (see runBatch). */
const ARTICLES_PER_TASK = 16;

class Slots {
  private waiters: (() => void)[] = [];
  constructor(private free: number) {}
  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((r) => this.waiters.push(r));
  }
  release(): void {
    const w = this.waiters.shift();
    if (w) w();
    else this.free++;
  }
  /** one more slot (a thread added) */
  grow(): void {
    this.release();
  }
}

function crashReason(e: unknown, timeoutMs: number): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.name === 'AbortError' || err?.name === 'TimeoutError') return `extraction took longer than ${timeoutMs / 1000} s (see --timeout) and was stopped`;
  if (err?.code === 'ERR_WORKER_OUT_OF_MEMORY') return 'extraction ran out of memory';
  return `extraction failed: ${err instanceof Error ? err.message : String(err)}`;
}

export type BatchInput = { files: InputFile[]; skipped?: string[] } | { stream: Readable };

/**
 * The batch job: files (or JSON Lines on a stream) → documents, on `job.workers` threads.
 * At most a fixed number of articles are in memory at once; documents are written in input
 * order, so the output is the same for any number of workers.
 */
export async function runBatch(input: BatchInput, job: ExtractJob): Promise<BatchSummary> {
  const t0 = performance.now();
  const s = newSummary('files' in input ? input.skipped : []);
  const ctx = readContext(job);
  const plan = threadPlan(input, job);
  let threads = plan.start;
  let extractBytes = 0; // sent to the threads (a pipe's plan grows with it)
  const timeoutMs = job.timeoutMs ?? 300_000;
  const toDir = job.outDir !== '-';
  const check = toDir && !job.force && existsSync(join(job.outDir, STATE_DIR)) ? new Journals() : null;
  const stdout = job.stdout ?? (job.onDocument ? null : process.stdout);
  let stopped = false;
  const onStdoutError = (e: NodeJS.ErrnoException) => {
    stopped = true; // a closed pipe (… | head): stop quietly
    if (e.code !== 'EPIPE') job.onFailure?.({ path: '-', reason: `cannot write to standard output: ${e.code ?? e.message}` });
  };
  if (!toDir) stdout?.on('error', onStdoutError);

  // started on the first article that needs extracting (a resumed run may need none)
  let pool: Tinypool | null = null;
  const getPool = () =>
    (pool ??= new Tinypool({
      filename: workerFile(),
      minThreads: plan.start,
      maxThreads: plan.max,
      idleTimeout: 5000, // (a thread added for a pipe, idle this long, ends; one is added again as input comes)
      // a small heap per thread keeps the peak memory of a long run low (a 2 MB article needs < 200 MB);
      // an article that needs more stops its thread, is reported, and the batch goes on. The young
      // generation holds an article's short-lived objects: 8 MB cost ≈ 15 % more CPU in scavenges than 24
      resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 24 },
    }));
  const slots = new Slots(Math.max(1, threads));
  // Articles go to the threads in chunks: each hand-off costs a message each way and the pool's
  // memory probe, ≈ 1 ms here (as much as extracting an article), so one per chunk, not per article.
  // A chunk is sent when full or when the reader pauses (a filter answers each line without waiting).
  const maxInFlight = Math.max(4, plan.max * ARTICLES_PER_TASK * 2);
  type Waiting = { u: Unit; resolve: (d: Done) => void };
  let chunk: Waiting[] = [];
  let flushing = false;
  const submit = async (c: Waiting[]): Promise<void> => {
    await slots.acquire(); // submit only to a free thread, so the time limit counts running time
    let results: ArticleResult[] | null = null;
    let failure: unknown = null;
    try {
      const signal = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
      results = (await getPool().run(c.map((w) => w.u.task!), { signal })) as ArticleResult[];
    } catch (e) {
      failure = e;
    } finally {
      slots.release();
    }
    if (results) c.forEach((w, i) => w.resolve({ ...w.u, result: results![i] }));
    else if (c.length === 1) {
      const u = c[0].u;
      c[0].resolve({ ...u, result: { ok: false, stage: 'extract', reason: crashReason(failure, timeoutMs), line: u.line } });
    } else {
      // the thread stopped (time limit, memory): each article again on its own, so only the culprit fails
      await Promise.all(c.map((w) => submit([w])));
    }
  };
  const flush = () => {
    flushing = false;
    if (!chunk.length) return;
    const c = chunk;
    chunk = [];
    void submit(c);
  };
  const run = (u: Unit): Promise<Done> => {
    if (!u.task || u.upToDate) return Promise.resolve(u);
    if (!plan.max) return Promise.resolve({ ...u, result: processTask(u.task) });
    if (threads < plan.max && (extractBytes += u.task.data.byteLength) >= threads * plan.perThread) {
      threads++;
      slots.grow();
    }
    return new Promise<Done>((resolve) => {
      chunk.push({ u, resolve });
      if (chunk.length >= ARTICLES_PER_TASK) flush();
      else if (!flushing) {
        flushing = true;
        setImmediate(flush); // after the reader's synchronous run of units, or when it waits for input
      }
    });
  };

  const write = async (data: string | Uint8Array) => {
    if (stopped || !stdout || stdout.write(data)) return;
    await new Promise<void>((r) => {
      const done = () => {
        stdout.off('drain', done);
        stdout.off('close', done);
        stdout.off('error', done);
        r();
      };
      stdout.on('drain', done);
      stdout.on('close', done);
      stdout.on('error', done);
    });
  };
  // The documents of a chunk come back side by side in one buffer (worker.ts): consecutive ones
  // go out in one write, ≈ 16× fewer system calls. A run ends with its buffer, so it is never
  // held back while the writer waits for the next chunk.
  let pendingRun: Uint8Array | null = null;
  const flushRun = async () => {
    const r = pendingRun;
    pendingRun = null;
    if (r) await write(r);
  };
  const emit = async (d: Done) => {
    const doc = finish(d, job, s);
    if (doc !== null && !stopped) {
      if (job.onDocument) job.onDocument(typeof doc === 'string' ? doc : Buffer.from(doc.buffer, doc.byteOffset, doc.byteLength - 1).toString('utf8'));
      else if (typeof doc === 'string') {
        await flushRun();
        await write(doc + '\n');
      } else {
        if (pendingRun && pendingRun.buffer === doc.buffer && pendingRun.byteOffset + pendingRun.byteLength === doc.byteOffset)
          pendingRun = new Uint8Array(pendingRun.buffer, pendingRun.byteOffset, pendingRun.byteLength + doc.byteLength);
        else {
          await flushRun();
          pendingRun = doc;
        }
        if (doc.byteOffset + doc.byteLength === doc.buffer.byteLength) await flushRun();
      }
    }
    job.onProgress?.(s);
  };

  const file: InputFile = { path: 'stdin', base: '.' };
  const units: Iterable<Unit> | AsyncIterable<Unit> =
    'files' in input
      ? (function* () {
          for (const f of input.files) yield* fileUnits(f, ctx);
        })()
      : streamUnits(input.stream, file, ctx);

  // The reader puts units in a queue (at most maxInFlight), the writer takes them off in order as each one
  // is done — without waiting for more input, so a filter answers every line as soon as it can.
  const pending: Promise<Done>[] = [];
  const recent = new RecentOutputs();
  let reading = true;
  let wakeWriter: (() => void) | null = null;
  let wakeReader: (() => void) | null = null;
  const wake = (w: (() => void) | null) => w?.();
  const reader = async () => {
    try {
      for await (const unit of units) {
        if (stopped) break;
        while (pending.length >= maxInFlight && !stopped) await new Promise<void>((r) => (wakeReader = r));
        if (stopped) break;
        pending.push(run(prepare(unit, job, check, recent)));
        wake(wakeWriter);
      }
    } finally {
      reading = false;
      wake(wakeWriter);
    }
  };
  const writer = async () => {
    try {
      for (;;) {
        if (pending.length) {
          const d = await pending[0];
          pending.shift();
          wake(wakeReader);
          await emit(d);
        } else if (!reading) break;
        else await new Promise<void>((r) => (wakeWriter = r));
      }
      await flushRun(); // (each run ends with its chunk; this only guards that rule)
    } finally {
      stopped = true; // (if the writer fails, the reader must not wait for room forever)
      wake(wakeReader);
    }
  };
  try {
    const w = writer();
    try {
      await reader();
    } finally {
      await w;
    }
  } finally {
    stopped = true;
    await Promise.allSettled(pending);
    await (pool as Tinypool | null)?.destroy();
    if (!toDir) stdout?.off('error', onStdoutError);
  }
  s.threads = pool ? threads : 0;
  s.seconds = (performance.now() - t0) / 1000;
  return s;
}

/** Total size in bytes of the inputs (for a progress bar's ETA), counted up to `limit`. */
export function inputBytes(files: InputFile[], limit = Infinity): number {
  let n = 0;
  for (const f of files) {
    if (n >= limit) break;
    try {
      n += statSync(f.path).size;
    } catch {
      /* reported when read */
    }
  }
  return n;
}
