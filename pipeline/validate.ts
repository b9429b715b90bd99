// Stage 8 — validate: ajv against schemas/ (compiled once per process), plus
// the checks JSON Schema cannot express: spans slice the article text,
// mentions and links point at nodes of the graph.
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, SCHEMA_DIR } from './paths.js';

type ValidateFn = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };

/** The article schema's text and the texts of the schemas it refers to, and a hash of them all. */
function schemaSources(): { article: string; others: string[]; hash: string } {
  const h = createHash('sha256');
  const read = (f: string) => {
    const text = readFileSync(join(SCHEMA_DIR, f), 'utf8');
    h.update(f).update('\0').update(text).update('\0');
    return text;
  };
  const others = readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.schema.json') && f !== 'article.schema.json')
    .sort()
    .map(read);
  const article = read('article.schema.json');
  return { article, others, hash: h.digest('hex') };
}

/** Compiles the article schema with ajv; `source` keeps the code for a standalone module. */
export function compileValidator(allErrors: boolean, source = false): { ajv: Ajv2020; validate: ValidateFn; hash: string } {
  const { article, others, hash } = schemaSources();
  // loaded here, not at the top: with the validator built ahead of time (the usual case) a thread never needs
  // ajv itself, and loading it cost ≈ 40 ms of each thread's start-up
  const require = createRequire(import.meta.url);
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const formats = require('ajv-formats') as { default?: unknown } & ((a: unknown, o: unknown) => void);
  const ajv = new Ajv({ allErrors, strict: false, code: { source } });
  // "fast" format checks: the ids are generated, so the full RFC 3986 regex buys nothing per document
  ((formats.default ?? formats) as (a: unknown, o: unknown) => void)(ajv, { mode: 'fast' });
  for (const text of others) ajv.addSchema(JSON.parse(text) as object);
  return { ajv, validate: ajv.compile(JSON.parse(article) as object) as ValidateFn, hash };
}

/** Where `npm run build` puts the schemas compiled ahead of time (saves ≈ 0.3 s of start-up per thread). */
export const PRECOMPILED = join(ROOT, 'dist', 'article-validator.cjs');

/** The module built from the current schemas, if there is one (its first line names the hash of the schemas it was built from). */
function precompiled(): ValidateFn | null {
  try {
    const header = `// schemas ${schemaSources().hash}\n`;
    if (firstBytes(PRECOMPILED, header.length) !== header) return null; // built from other schemas: compile these
    const mod = createRequire(import.meta.url)(PRECOMPILED) as { default?: ValidateFn } & ValidateFn;
    return mod.default ?? mod;
  } catch {
    return null;
  }
}

/** The first `n` bytes of a file, as text (the module's header, without reading its 100 KB). */
function firstBytes(path: string, n: number): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.toString('utf8', 0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

// two validators: a fast one that stops at the first error (every document is checked
// before it is written), and one that collects all errors, used only to explain a failure
const compiled = new Map<boolean, ValidateFn>();

function validator(allErrors: boolean): ValidateFn {
  let v = compiled.get(allErrors);
  if (!v) {
    v = (!allErrors && precompiled()) || compileValidator(allErrors).validate;
    compiled.set(allErrors, v);
  }
  return v;
}

// properties whose values are ids of other nodes
const LINKS = ['worksFor', 'nationality', 'location', 'isBasedOn', 'about', 'parties', 'dates', 'legislationPassedBy', 'parentOrganization'];

/** Problems with one JSON-LD document (empty when it is valid). */
export function validateDocument(doc: unknown): string[] {
  const problems: string[] = [];
  if (!validator(false)(doc)) {
    const all = validator(true);
    all(doc);
    for (const e of (all.errors ?? []).slice(0, 10)) problems.push(`${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
    return problems;
  }
  const graph = (doc as { '@graph': Record<string, unknown>[] })['@graph'];
  const articles = graph.filter((n) => n['@type'] === 'NewsArticle');
  if (articles.length !== 1) return [`expected exactly one NewsArticle node, found ${articles.length}`];
  const text = String(articles[0].text);
  const ids = new Set(graph.map((n) => n['@id']));
  const mentions = new Set(articles[0].mentions as string[]);
  const pointsIntoGraph = (i: number, rel: string, target: unknown) => {
    if (!ids.has(target)) problems.push(`/@graph/${i}/${rel} points at ${target}, which is not in the graph`);
  };
  for (let i = 0; i < graph.length; i++) {
    const n = graph[i];
    if (n['@type'] === 'NewsArticle') continue;
    if (!mentions.has(n['@id'] as string)) problems.push(`/@graph/${i} ${n['@id']} is not listed in the article's mentions`);
    const spans = (n.spans as { start: number; end: number; text: string }[]) ?? [];
    for (let j = 0; j < spans.length; j++) {
      const s = spans[j];
      // (compared in place: no slice per span)
      if (s.end < s.start || s.end - s.start !== s.text.length || !text.startsWith(s.text, s.start)) problems.push(`/@graph/${i}/spans/${j} does not match the article text`);
    }
    for (const rel of LINKS) {
      const v = n[rel];
      if (v === undefined) continue;
      if (Array.isArray(v)) for (const target of v) pointsIntoGraph(i, rel, target);
      else pointsIntoGraph(i, rel, v);
    }
  }
  for (const m of mentions) if (!ids.has(m)) problems.push(`mentions lists ${m}, which is not in the graph`);
  return problems;
}
