// Stage 8 — validate: ajv against schemas/ (compiled once per process), plus
// the checks JSON Schema cannot express: spans slice the article text,
// mentions and links point at nodes of the graph.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_DIR } from './paths.js';

type ValidateFn = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };

// two compilations: a fast one that stops at the first error (every document is checked
// before it is written), and one that collects all errors, used only to explain a failure
const compiled = new Map<boolean, ValidateFn>();

function validator(allErrors: boolean): ValidateFn {
  const hit = compiled.get(allErrors);
  if (hit) return hit;
  const ajv = new Ajv2020({ allErrors, strict: false });
  // "fast" format checks: the ids are generated, so the full RFC 3986 regex buys nothing per document
  (((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats) as unknown as (a: unknown, o: unknown) => void)(ajv, { mode: 'fast' });
  for (const f of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json') && f !== 'article.schema.json')) {
    ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, f), 'utf8')));
  }
  const v = ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, 'article.schema.json'), 'utf8'))) as ValidateFn;
  compiled.set(allErrors, v);
  return v;
}

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
  graph.forEach((n, i) => {
    if (n['@type'] === 'NewsArticle') return;
    if (!mentions.has(n['@id'] as string)) problems.push(`/@graph/${i} ${n['@id']} is not listed in the article's mentions`);
    for (const [j, s] of ((n.spans as { start: number; end: number; text: string }[]) ?? []).entries()) {
      if (s.end < s.start || text.slice(s.start, s.end) !== s.text) problems.push(`/@graph/${i}/spans/${j} does not match the article text`);
    }
    for (const rel of ['worksFor', 'nationality', 'location', 'isBasedOn', 'about', 'parties', 'dates', 'legislationPassedBy', 'parentOrganization']) {
      for (const target of [].concat((n[rel] as never) ?? [])) {
        if (!ids.has(target)) problems.push(`/@graph/${i}/${rel} points at ${target}, which is not in the graph`);
      }
    }
  });
  for (const m of mentions) if (!ids.has(m)) problems.push(`mentions lists ${m}, which is not in the graph`);
  return problems;
}
