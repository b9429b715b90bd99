// `aznews eval` minus the command line: reads a gold set (inputs/<id>.json,
// gold/<id>.json — ../shared/gold/GUIDELINES.md), gets the predictions (the
// files of --pred, or this pipeline run in-process into a temporary
// directory), scores them with ./score.ts and formats the result.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expandInputs, runExtract } from '../batch.js';
import { KINDS, scoreCases, type Case, type Gold, type Kind, type ScoreResult } from './score.js';

export interface EvalOptions {
  /** a folder with <id>.jsonld predictions; without it the pipeline runs on <gold>/inputs */
  predDir?: string;
}

export interface EvalResult extends ScoreResult {
  gold: string;
  pred: string | null;
  missingOutputs: number;
  seconds: number;
  runError: string | null;
}

export class EvalUsageError extends Error {}

/** The ids of a gold set: the names of gold/*.json, sorted (as the shared scorer does). */
export function goldIds(goldDir: string): string[] {
  const dir = join(goldDir, 'gold');
  if (!existsSync(dir)) throw new EvalUsageError(`${goldDir} has no gold/ folder (see ../shared/gold/GUIDELINES.md)`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

/** Runs the extraction in-process on <gold>/inputs into `out`; returns a short error when some input failed. */
function extractInto(inputsDir: string, out: string): string | null {
  if (!existsSync(inputsDir)) throw new EvalUsageError(`${inputsDir} does not exist: give the articles there, or predictions with --pred`);
  const failures: string[] = [];
  const { files } = expandInputs([inputsDir]);
  runExtract(files, { outDir: out, onFailure: (f) => failures.push(`${f.path}${f.line !== undefined ? `:${f.line}` : ''}: ${f.reason}`) });
  return failures.length ? `${failures.length} input(s) failed: ${failures.slice(0, 3).join(' | ')}` : null;
}

export function runEval(goldDirArg: string, options: EvalOptions = {}): EvalResult {
  const goldDir = resolve(goldDirArg);
  const ids = goldIds(goldDir);
  if (options.predDir && !existsSync(options.predDir)) throw new EvalUsageError(`--pred ${options.predDir} does not exist`);
  const out = options.predDir ? resolve(options.predDir) : mkdtempSync(join(tmpdir(), 'aznews-eval-'));
  const t0 = performance.now();
  let runError: string | null = null;
  try {
    if (!options.predDir) runError = extractInto(join(goldDir, 'inputs'), out);
    const seconds = (performance.now() - t0) / 1000;
    const violations: string[] = [];
    let missingOutputs = 0;
    const cases: Case[] = ids.map((id) => {
      const gold = JSON.parse(readFileSync(join(goldDir, 'gold', `${id}.json`), 'utf8')) as Gold;
      const file = join(out, `${id}.jsonld`);
      let doc: unknown = null;
      if (existsSync(file)) {
        try {
          doc = JSON.parse(readFileSync(file, 'utf8'));
        } catch (e) {
          violations.push(`${id}: output is not JSON (${(e as Error).message})`);
        }
      } else missingOutputs++;
      return { id, gold, doc };
    });
    const scored = scoreCases(cases, violations);
    return { gold: goldDir, pred: options.predDir ? out : null, missingOutputs, seconds, runError, ...scored };
  } finally {
    if (!options.predDir) rmSync(out, { recursive: true, force: true });
  }
}

const n3 = (x: number) => x.toFixed(3);

/** The result as the text `aznews eval` prints: the table, then each article's misses and extras, then the micro line. */
export function formatEval(r: EvalResult): string {
  const lines: string[] = [];
  if (r.runError) lines.push(`! ${r.runError}`);
  lines.push(`gold: ${r.gold}  articles: ${r.articles}  predictions: ${r.pred ?? 'this pipeline'}  missing outputs: ${r.missingOutputs}`);
  lines.push('');
  lines.push('kind               P      R     F1    tp    fp    fn');
  const row = (name: string, s: { p: number; r: number; f: number; tp: number; fp: number; fn: number }) =>
    `${name.padEnd(14)}  ${n3(s.p)}  ${n3(s.r)}  ${n3(s.f)}  ${String(s.tp).padStart(4)}  ${String(s.fp).padStart(4)}  ${String(s.fn).padStart(4)}`;
  for (const k of KINDS) lines.push(row(k, r.kinds[k]));
  lines.push(row('micro', r.micro));
  const byArticle = new Map<string, { kind: Kind; missed: string[]; extra: string[] }[]>();
  for (const d of r.details) byArticle.set(d.id, [...(byArticle.get(d.id) ?? []), d]);
  if (byArticle.size) {
    lines.push('');
    lines.push('misses and extras per article:');
    for (const [id, ds] of byArticle) {
      const a = r.perArticle.find((x) => x.id === id)!;
      lines.push(`${id}  (F1 ${n3(a.micro.f)})`);
      for (const d of ds) {
        if (d.missed.length) lines.push(`  ${d.kind.padEnd(14)} missed: ${d.missed.join(' | ')}`);
        if (d.extra.length) lines.push(`  ${d.kind.padEnd(14)} extra:  ${d.extra.join(' | ')}`);
      }
    }
  }
  if (r.violations) {
    lines.push('');
    for (const v of r.violationList.slice(0, 20)) lines.push(`contract: ${v}`);
    if (r.violations > 20) lines.push(`contract: … ${r.violations - 20} more`);
  }
  lines.push('');
  lines.push(`micro F1 ${n3(r.micro.f)}  (P ${n3(r.micro.p)}, R ${n3(r.micro.r)}); contract violations: ${r.violations}`);
  return lines.join('\n') + '\n';
}
