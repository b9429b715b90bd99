// `npm run bench`: throughput and memory of `aznews extract`, side by side with
// wink-nlp, compromise and a one-regex floor over the same texts, and a
// linearity check of the pipeline on adversarial inputs. A script, not a test:
// it prints tables (Markdown) and whether the targets of issue 6 hold.
//
//   npm run build && npm run bench                                  # the full run (≈ 12 min on 2 cores)
//   npm run bench -- --mb 5 --rounds 1 --large 0 --no-adversarial   # a quick look
//
// Options: --mb N (corpus size in MB of article text, default 20), --rounds R
// (rounds of the 1-worker, 2-worker and wink-nlp runs, interleaved, default 3),
// --large K (also a K× larger corpus to show that memory stays flat, default 5,
// 0 = skip), --no-adversarial, --no-baselines, --keep (keep the temporary folder).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT } from '../pipeline/paths.js';
import { CASES, type StageTimes } from './adversarial.js';
const TAG = '@@aznews-bench'; // (as in rss-hook.ts, which registers its exit handler when imported)

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = join(ROOT, 'dist', 'pipeline', 'cli.js');
const HOOK = pathToFileURL(join(HERE, 'rss-hook.js')).href;

// ---------------------------------------------------------------------------
// options

const argv = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const CORPUS_MB = opt('mb', 20);
const ROUNDS = Math.max(1, opt('rounds', 3));
const LARGE = opt('large', 5);
const ADVERSARIAL = !argv.includes('--no-adversarial');
const BASELINES = !argv.includes('--no-baselines');
const KEEP = argv.includes('--keep');

// targets (issue 6)
const T_WINK = 5;
const T_SCALE = 1.7;
const T_RSS_MB = 300;
const T_LINEAR = 2.5;

// ---------------------------------------------------------------------------
// corpus: the articles under input/, repeated

interface Article {
  text: string;
  [k: string]: unknown;
}

function inputArticles(): Article[] {
  const out: Article[] = [];
  const walk = (dir: string) => {
    for (const n of readdirSync(dir).sort()) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.txt')) out.push({ text: readFileSync(p, 'utf8').replace(/^\ufeff/, '') });
      else if (n.endsWith('.json')) out.push(JSON.parse(readFileSync(p, 'utf8')));
      else if (n.endsWith('.jsonl')) for (const l of readFileSync(p, 'utf8').split('\n')) if (l.trim()) out.push(JSON.parse(l));
    }
  };
  walk(join(ROOT, 'input'));
  return out;
}

interface Corpus {
  path: string;
  articles: number;
  /** UTF-8 bytes of the article texts (what MB/s counts) */
  textBytes: number;
  fileBytes: number;
}

/** Writes `copies` × (the input articles repeated to ≥ mb MB of text) as one .jsonl file. */
function writeCorpus(path: string, base: Article[], mb: number, copies = 1): Corpus {
  const lines: string[] = [];
  let textBytes = 0;
  for (let i = 0; textBytes < mb * 1e6; i++) {
    const a = base[i % base.length];
    lines.push(JSON.stringify(a));
    textBytes += Buffer.byteLength(a.text);
  }
  const chunk = lines.join('\n') + '\n';
  const fd = openSync(path, 'w');
  for (let k = 0; k < copies; k++) writeSync(fd, chunk);
  closeSync(fd);
  return { path, articles: lines.length * copies, textBytes: textBytes * copies, fileBytes: Buffer.byteLength(chunk) * copies };
}

function corpusTexts(base: Article[], mb: number): string[] {
  const texts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < mb * 1e6; i++) {
    const t = base[i % base.length].text;
    texts.push(t);
    bytes += Buffer.byteLength(t);
  }
  return texts;
}

// ---------------------------------------------------------------------------
// measuring

interface Run {
  name: string;
  seconds: number;
  articles: number;
  textBytes: number;
  rssMb?: number;
  cpuSeconds?: number;
  /** CPU seconds by thread (Linux): worker threads, V8's platform threads, main thread */
  cpuSplit?: { workers: number; v8: number; main: number };
}

const mbps = (r: Run) => r.textBytes / 1e6 / r.seconds;
const aps = (r: Run) => r.articles / r.seconds;

/** `aznews extract` in a child process, into a folder or (outDir '-') as JSON Lines into `jsonl`. */
function runExtract(name: string, corpus: Corpus, outDir: string, workers: number, jsonl?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const out = jsonl ? openSync(jsonl, 'w') : 'ignore';
    const child = spawn(process.execPath, ['--import', HOOK, CLI, 'extract', corpus.path, '--out', outDir, '--workers', String(workers), '--quiet'], { stdio: ['ignore', out, 'pipe'] });
    if (typeof out === 'number') closeSync(out);
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      const tagged = err.split('\n').find((l) => l.startsWith(TAG));
      if (code !== 0 || !tagged) return reject(new Error(`${name}: exit ${code}\n${err.slice(-2000)}`));
      const u = JSON.parse(tagged.slice(TAG.length + 1)) as { maxRssKb: number; userMs: number; systemMs: number; threads: { main: number; others: number } | null };
      const cpuMs = u.userMs + u.systemMs;
      const t = u.threads;
      const cpuSplit = t ? { workers: Math.max(0, cpuMs - t.main - t.others) / 1000, v8: t.others / 1000, main: t.main / 1000 } : undefined;
      resolve({ name, seconds, articles: corpus.articles, textBytes: corpus.textBytes, rssMb: u.maxRssKb / 1024, cpuSeconds: cpuMs / 1000, cpuSplit });
    });
  });
}

function inProcess(name: string, texts: string[], f: (t: string) => unknown, warmUp = true): Run {
  if (warmUp) for (const t of texts.slice(0, 50)) f(t);
  const t0 = performance.now();
  for (const t of texts) f(t);
  const seconds = (performance.now() - t0) / 1000;
  return { name, seconds, articles: texts.length, textBytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0) };
}

/** A hash of every document under a folder (names and bytes; not the resume journals, whose lines come in the order threads finish). */
function treeHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (n === '.aznews-state') continue;
      if (statSync(p).isDirectory()) walk(p);
      else h.update(relative(dir, p)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  walk(dir);
  return h.digest('hex');
}

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function runAdversarial(id: string, size: number): Promise<StageTimes | { id: string; size: number; timeout: true }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(HERE, 'adversarial.js'), id, String(size)], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal) return resolve({ id, size, timeout: true });
      if (code !== 0) return reject(new Error(`adversarial ${id} ${size}: exit ${code}\n${err.slice(-2000)}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!));
    });
  });
}

// ---------------------------------------------------------------------------
// printing

const f2 = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const ok = (b: boolean) => (b ? 'PASS' : 'FAIL');
const log = (s = '') => process.stdout.write(s + '\n');

function table(head: string[], rows: (string | number)[][]): void {
  log(`| ${head.join(' | ')} |`);
  log(`|${head.map((h, i) => (i ? '---:' : '---')).join('|')}|`);
  for (const r of rows) log(`| ${r.join(' | ')} |`);
  log();
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'aznews-bench-'));
  const base = inputArticles();
  log(`# aznews bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  log();
  log(`node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim()}), load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const corpus = writeCorpus(join(dir, 'corpus.jsonl'), base, CORPUS_MB);
  log(`corpus: ${base.length} articles of input/ repeated → ${corpus.articles} articles, ${f2(corpus.textBytes / 1e6)} MB of text (${f2(corpus.fileBytes / 1e6)} MB of JSON Lines); MB = 10^6 bytes of UTF-8 article text`);
  log();

  const progress = (s: string) => process.stderr.write(`bench: ${s}\n`);

  // The runs the targets are read on, 1 worker, 2 workers and wink-nlp, go in interleaved rounds: this
  // machine's speed drifts by up to 40 % within minutes, so each ratio is taken within a round and the
  // median over the rounds is reported. aznews writes JSON Lines (`--out -` into a file: one stream, as a
  // filter in a pipeline writes it); the folder runs below add the file system's cost of a file per article.
  const texts = BASELINES ? corpusTexts(base, CORPUS_MB) : [];
  let readDoc: ((t: string) => unknown) | null = null;
  if (BASELINES) {
    const winkNLP = (await import('wink-nlp')).default;
    const model = (await import('wink-eng-lite-web-model')).default;
    const w = winkNLP(model);
    readDoc = (t) => w.readDoc(t);
  }
  const rounds: { w1: Run; w2: Run; wink: Run | null }[] = [];
  let identical = true;
  let firstOutput: string | null = null;
  for (let r = 1; r <= ROUNDS; r++) {
    const of = ROUNDS > 1 ? `, round ${r}/${ROUNDS}` : '';
    progress(`aznews extract, 1 worker, JSON Lines${of} …`);
    const w1 = await runExtract('aznews extract, 1 worker → JSON Lines', corpus, '-', 1, join(dir, 'out-1.jsonl'));
    progress(`aznews extract, 2 workers, JSON Lines${of} …`);
    const w2 = await runExtract('aznews extract, 2 workers → JSON Lines', corpus, '-', 2, join(dir, 'out-2.jsonl'));
    firstOutput ??= fileHash(join(dir, 'out-1.jsonl'));
    identical &&= fileHash(join(dir, 'out-1.jsonl')) === firstOutput && fileHash(join(dir, 'out-2.jsonl')) === firstOutput;
    rmSync(join(dir, 'out-1.jsonl'), { force: true });
    rmSync(join(dir, 'out-2.jsonl'), { force: true });
    let wink: Run | null = null;
    if (readDoc) {
      progress(`wink-nlp readDoc${of} …`);
      wink = inProcess('wink-nlp readDoc (wink-eng-lite-web-model)', texts, readDoc, r === 1);
    }
    rounds.push({ w1, w2, wink });
  }
  // the round whose 1-worker run is the median one stands for the rounds in the table
  const mid = [...rounds].sort((a, b) => a.w1.seconds - b.w1.seconds)[Math.floor((rounds.length - 1) / 2)];
  const { w1, w2, wink } = mid;
  const runs: Run[] = [w1, w2];

  progress('aznews extract, 1 worker, folder …');
  const folder1 = await runExtract('aznews extract, 1 worker → folder', corpus, join(dir, 'out-1'), 1);
  runs.push(folder1);
  progress('aznews extract, 2 workers, folder …');
  const folder2 = await runExtract('aznews extract, 2 workers → folder', corpus, join(dir, 'out-2'), 2);
  runs.push(folder2);
  identical &&= treeHash(join(dir, 'out-1')) === treeHash(join(dir, 'out-2'));
  rmSync(join(dir, 'out-1'), { recursive: true, force: true });
  rmSync(join(dir, 'out-2'), { recursive: true, force: true });

  // The larger corpus shows memory staying flat, and (with 1 worker too) how the workers scale on a
  // long run: each thread spends its first seconds in V8's slower tiers while TurboFan compiles the
  // pipeline on the other core, a fixed cost that weighs less the longer the run.
  let large: Run | null = null;
  let large1: Run | null = null;
  if (LARGE > 0) {
    const big = writeCorpus(join(dir, 'corpus-large.jsonl'), base, CORPUS_MB, LARGE);
    progress(`aznews extract, 1 worker, ${LARGE}× corpus …`);
    large1 = await runExtract(`aznews extract, 1 worker → JSON Lines, ${LARGE}× corpus`, big, '-', 1, join(dir, 'out-large.jsonl'));
    runs.push(large1);
    progress(`aznews extract, 2 workers, ${LARGE}× corpus …`);
    large = await runExtract(`aznews extract, 2 workers → JSON Lines, ${LARGE}× corpus`, big, '-', 2, join(dir, 'out-large.jsonl'));
    runs.push(large);
    rmSync(join(dir, 'out-large.jsonl'), { force: true });
    rmSync(big.path, { force: true });
  }

  if (wink) {
    runs.push(wink);
    progress('compromise …');
    const nlp = (await import('compromise')).default;
    runs.push(inProcess('compromise nlp()', texts, (t) => nlp(t)));
    progress('regex floor …');
    const RE = /[\p{L}\p{N}]+/gu;
    let words = 0;
    runs.push(
      inProcess('one /[\\p{L}\\p{N}]+/gu pass (floor)', texts, (t) => {
        RE.lastIndex = 0;
        while (RE.exec(t)) words++;
      }),
    );
    void words;
  }

  log('## Throughput and memory');
  log();
  if (ROUNDS > 1) log(`(1 and 2 workers and wink-nlp: the round whose 1-worker run took the median time, of ${ROUNDS} interleaved rounds)`);
  log();
  const cpuCell = (r: Run) => (r.cpuSeconds === undefined ? '–' : f2(r.cpuSeconds));
  const splitCell = (r: Run) => (r.cpuSplit ? `${f2(r.cpuSplit.workers)} / ${f2(r.cpuSplit.v8)} / ${f2(r.cpuSplit.main)}` : '–');
  table(
    ['run', 'MB/s', 'articles/s', 'seconds', 'CPU s', 'CPU s: workers / V8 threads / main', 'peak RSS MB'],
    runs.map((r) => [r.name, f2(mbps(r)), f2(aps(r)), f2(r.seconds), cpuCell(r), splitCell(r), r.rssMb !== undefined ? f2(r.rssMb) : '–']),
  );
  log('(CPU by thread, from /proc at exit: the worker threads extract; V8\'s platform threads compile with TurboFan and collect garbage concurrently, for every thread; the main thread reads, hands off and writes)');
  log();

  // each ratio within its round, then the median over the rounds
  const median = (xs: number[]) => {
    const v = [...xs].sort((a, b) => a - b);
    return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  };
  const perRound = (f: (r: (typeof rounds)[number]) => number) => {
    const xs = rounds.map(f);
    return { value: median(xs), text: xs.length > 1 ? `${f2(median(xs))} (rounds: ${xs.map(f2).join(', ')})` : f2(xs[0]) };
  };
  const checks: [string, string, boolean][] = [];
  if (wink) {
    const r = perRound((x) => mbps(x.w1) / mbps(x.wink!));
    checks.push([`1 worker ÷ wink-nlp readDoc ≥ ${T_WINK}`, r.text, r.value >= T_WINK]);
  }
  const scale = perRound((x) => mbps(x.w2) / mbps(x.w1));
  checks.push([`2 workers ÷ 1 worker ≥ ${T_SCALE}`, scale.text, scale.value >= T_SCALE]);
  log(`(into a folder: 1 worker ${f2(mbps(folder1))} MB/s, ${f2(mbps(folder1) / mbps(w1))}× the JSON Lines run; 2 workers ÷ 1 worker ${f2(mbps(folder2) / mbps(folder1))})`);
  log();
  if (large && large1) {
    log(`(on the ${LARGE}× corpus, ${large1.articles.toLocaleString('en')} articles: 2 workers ÷ 1 worker ${f2(mbps(large) / mbps(large1))}; 1 worker ÷ wink-nlp ${wink ? f2(mbps(large1) / mbps(wink)) : '–'})`);
    log();
  }
  const extractRuns = [...rounds.flatMap((x) => [x.w1, x.w2]), ...runs].filter((r) => r.rssMb !== undefined);
  const peak = Math.max(...extractRuns.map((r) => r.rssMb!));
  checks.push([`peak RSS of the extract runs ≤ ${T_RSS_MB} MB`, `${f2(peak)} MB`, peak <= T_RSS_MB]);
  if (large) checks.push([`peak RSS, ${LARGE}× corpus ÷ 1× corpus (flat: ≤ 1.25)`, f2(large.rssMb! / w2.rssMb!), large.rssMb! / w2.rssMb! <= 1.25]);
  checks.push([`same output with 1 and 2 workers (JSON Lines in every round, and folder)`, identical ? 'identical' : 'DIFFERENT', identical]);

  log('## Ratios and targets');
  log();
  table(['target', 'measured', ''], checks.map(([t, m, b]) => [t, m, ok(b)]));
  if (wink) {
    const others = runs.filter((r) => !r.name.startsWith('aznews'));
    log(`aznews (1 worker) relative to: ${others.map((r) => `${r.name.split(' (')[0]} ${f2(mbps(w1) / mbps(r))}×`).join(', ')}`);
    log();
  }

  if (ADVERSARIAL) {
    log(`## Linearity on adversarial inputs (time for 2× the input ≤ ${T_LINEAR}× the time)`);
    log();
    const rows: (string | number)[][] = [];
    for (const c of CASES) {
      progress(`adversarial: ${c.id} …`);
      const [n1, n2] = c.sizes;
      // small cases: the best of three (the machine may be busy); large ones once
      const reps = n2 <= 200_000 ? 3 : 1;
      const best = async (n: number) => {
        let b: Awaited<ReturnType<typeof runAdversarial>> | null = null;
        for (let k = 0; k < reps; k++) {
          const r = await runAdversarial(c.id, n);
          if ('timeout' in r) return r;
          if (!b || ('total' in b && r.total < b.total)) b = r;
        }
        return b!;
      };
      let a, b;
      try {
        a = await best(n1);
        b = await best(n2);
      } catch (e) {
        // the pipeline threw (the batch would report the article and go on): a failure of this case
        const msg = (e instanceof Error ? e.message : String(e)).split('\n').find((l) => /Error/.test(l)) ?? 'failed';
        rows.push([c.id, c.what, `${n1.toLocaleString('en')} ${c.unit}`, '–', '–', '–', 'FAIL', msg.trim()]);
        continue;
      }
      if ('timeout' in a || 'timeout' in b) {
        rows.push([c.id, c.what, `${n1.toLocaleString('en')} ${c.unit}`, 'timeout' in a ? '> 600 s' : f2(a.total / 1000), 'timeout' in b ? '> 600 s' : f2(b.total / 1000), '–', 'FAIL', 'timed out']);
        continue;
      }
      const ratio = b.total / a.total;
      // the stage that grows fastest, among those that take at least 5 % of the time
      const worst = Object.entries(b.stages)
        .filter(([, t]) => t >= 0.05 * b.total)
        .map(([k, t]) => [k, t / Math.max(a.stages[k] ?? 0, 0.001)] as const)
        .sort((x, y) => y[1] - x[1])[0];
      rows.push([c.id, c.what, `${n1.toLocaleString('en')} ${c.unit}`, f2(a.total / 1000), f2(b.total / 1000), f2(ratio), ok(ratio <= T_LINEAR), worst ? `${worst[0]} ×${f2(worst[1])}` : '–']);
    }
    table(['case', 'input', 'n', 's for n', 's for 2n', 'ratio', '', 'fastest-growing stage'], rows);
  }

  log(`load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (other work on the machine slows every run; rerun when it is quiet)`);
  if (KEEP) log(`kept: ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

await main();
