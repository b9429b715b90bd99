// Adversarial inputs for the linearity check of `npm run bench`, and the child
// process that times one of them stage by stage (rule by rule), so that a
// super-linear stage can be named. Usage (from bench.ts):
//   node dist/bench/adversarial.js <case> <size>   → one JSON line on stdout
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJsonLd } from '../pipeline/jsonld.js';
import { link } from '../pipeline/link.js';
import { morphology } from '../pipeline/morphology.js';
import { normalize } from '../pipeline/normalize.js';
import { ROOT } from '../pipeline/paths.js';
import { extract, initialState } from '../pipeline/pipeline.js';
import { recognizers } from '../pipeline/recognize/index.js';
import { segment } from '../pipeline/segment.js';
import type { DocState, Mention } from '../pipeline/types.js';
import { validateDocument } from '../pipeline/validate.js';

const CAPS = ['Əli', 'Vəli', 'Həsən', 'Məmməd', 'Bakı', 'Gəncə', 'Nazirliyi', 'Komitəsi', 'Azərbaycan', 'Respublikası', 'Prezidenti', 'İlham', 'Əliyev', 'Dövlət', 'Xidməti', 'Mərkəzi', 'Sahil', 'Babayev', 'Türkiyə', 'Pakistan', 'Sacid', 'Turi'];
export const MINISTRY = 'Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi';

function seedText(): string {
  const raw = JSON.parse(readFileSync(join(ROOT, 'input', 'dev', 'seed-metbuat-labour-pakistan.json'), 'utf8')).text as string;
  // no sentence end at all: no . ! ? and no line break (a line break ends a sentence too)
  return raw.replace(/[.!?]/g, ',').replace(/\s*\n\s*/g, ' ');
}

function fill(n: number, next: (i: number) => string): string {
  const parts: string[] = [];
  let len = 0;
  for (let i = 0; len < n; i++) {
    const p = next(i);
    parts.push(p);
    len += p.length;
  }
  return parts.join('');
}

export interface AdversarialCase {
  id: string;
  what: string;
  /** the size n (characters, or repetitions) and the text of that size */
  sizes: [number, number];
  unit: string;
  make(n: number): string;
}

export const CASES: AdversarialCase[] = [
  { id: 'caps', what: 'capitalised words, no punctuation', sizes: [100_000, 200_000], unit: 'chars', make: (n) => fill(n, (i) => CAPS[(i * 7) % CAPS.length] + ' ') },
  { id: 'initials', what: 'initials A.B.C.… then a surname', sizes: [100_000, 200_000], unit: 'chars', make: (n) => fill(n, (i) => String.fromCharCode(65 + (i % 26)) + '.') + 'Turi' },
  { id: 'initials-spaced', what: 'initials A. B. C. … then a surname', sizes: [100_000, 200_000], unit: 'chars', make: (n) => fill(n, (i) => String.fromCharCode(65 + (i % 26)) + '. ') + 'Turi' },
  { id: 've', what: '"və və və …"', sizes: [100_000, 200_000], unit: 'chars', make: (n) => fill(n, () => 'və ') },
  { id: 've-names', what: '"Bakı və Gəncə və Sahil və …"', sizes: [100_000, 200_000], unit: 'chars', make: (n) => fill(n, (i) => CAPS[(i * 3) % CAPS.length] + ' və ') },
  { id: 'no-sentence-end', what: 'a real article repeated with no sentence end (one sentence)', sizes: [500_000, 1_000_000], unit: 'chars', make: (n) => fill(n, () => seedText() + ' ') },
  { id: 'area-cues', what: 'area cue words and nothing that makes them a field ("turizm turizm …")', sizes: [100_000, 200_000], unit: 'chars', make: (n) => fill(n, () => 'turizm ') },
  { id: 'acronym', what: '"Kral Futbol Federasiyası (RFEF)" repeated', sizes: [4_000, 8_000], unit: 'times', make: (n) => Array.from({ length: n }, () => 'Kral Futbol Federasiyası (RFEF)').join(' ') },
  { id: 'ministry', what: `"${MINISTRY}" repeated`, sizes: [50_000, 100_000], unit: 'times', make: (n) => Array.from({ length: n }, () => MINISTRY).join(' ') },
];

export interface StageTimes {
  id: string;
  size: number;
  chars: number;
  /** milliseconds, whole extraction */
  total: number;
  /** milliseconds per stage and per recognizer rule */
  stages: Record<string, number>;
}

/** Runs the pipeline's stages one by one on a text, timing each (and each recognizer rule). */
export function timeStages(text: string): { total: number; stages: Record<string, number> } {
  const stages: Record<string, number> = {};
  const time = <T>(k: string, f: () => T): T => {
    const t = performance.now();
    const r = f();
    stages[k] = (stages[k] ?? 0) + performance.now() - t;
    return r;
  };
  const t0 = performance.now();
  let s: DocState = time('segment', () => segment(initialState({ text })));
  s = time('morphology', () => morphology(s));
  const mentions: Mention[] = [];
  for (const rules of Object.values(recognizers)) {
    const found: Mention[] = [];
    for (const rule of rules) for (const m of time(`recognize:${rule.id}`, () => rule.apply(s, found))) found.push(m);
    for (const m of found) mentions.push(m);
  }
  s = { ...s, mentions };
  s = time('link', () => link(s));
  s = time('normalize', () => normalize(s));
  const doc = time('jsonld', () => toJsonLd(s));
  time('validate', () => validateDocument(doc));
  time('serialise', () => JSON.stringify(doc, null, 1));
  return { total: performance.now() - t0, stages };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [id, sizeArg] = process.argv.slice(2);
  const c = CASES.find((x) => x.id === id);
  if (!c) throw new Error(`unknown case ${id}`);
  const size = Number(sizeArg);
  extract({ text: 'Bakıda nazir Sahil Babayev ilə görüş olub. Memorandum imzalanıb.' }); // warm: data loaded, code compiled
  const text = c.make(size);
  const { total, stages } = timeStages(text);
  const out: StageTimes = { id, size, chars: text.length, total, stages };
  process.stdout.write(JSON.stringify(out) + '\n');
}
