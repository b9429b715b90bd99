// The contract (CONTRACT.md §3) for every committed file in output/: valid
// against schemas/, expands with jsonld.js in safe mode offline without
// losing anything, and every span's text is the slice it claims.
import jsonld from 'jsonld';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileValidator, PRECOMPILED, validateDocument } from '../pipeline/validate.js';
import { filesUnder, ROOT } from './helpers.js';

const files = filesUnder(join(ROOT, 'output'), '.jsonld');

// offline: any attempt to load a remote document fails the test
const documentLoader = async (url: string) => {
  throw new Error(`network access attempted: ${url}`);
};

describe('output/ honours the contract', () => {
  it('has one document per input article', () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
  });
  for (const f of files) {
    const rel = f.slice(ROOT.length + 1);
    describe(rel, () => {
      const doc = JSON.parse(readFileSync(f, 'utf8'));
      const graph = doc['@graph'] as Record<string, any>[];
      const article = graph.find((n) => n['@type'] === 'NewsArticle')!;
      it('is valid against the schemas', () => {
        expect(validateDocument(doc)).toEqual([]);
      });
      it('every span is the slice of the article text', () => {
        for (const n of graph) for (const s of n.spans ?? []) expect(article.text.slice(s.start, s.end)).toBe(s.text);
      });
      it('expands with jsonld.js in safe mode, offline, keeping every node and property', async () => {
        const expanded = (await jsonld.expand(doc, { safeMode: true, documentLoader } as any)) as any[];
        expect(expanded.length).toBe(graph.length);
        for (const n of graph) {
          const e = expanded.find((x) => x['@id'] === n['@id']);
          expect(e, n['@id']).toBeDefined();
          const props = Object.keys(n).filter((k) => !k.startsWith('@'));
          expect(Object.keys(e).filter((k) => !k.startsWith('@')).length, n['@id']).toBe(props.length);
        }
      });
    });
  }
});

describe('the validator compiled at build time', () => {
  // `npm run build` writes it; validate.ts uses it only while it was built from the current schemas
  const built = readFileSync(PRECOMPILED, 'utf8');
  const fresh = compileValidator(false).validate;
  const ahead = createRequire(import.meta.url)(PRECOMPILED) as (d: unknown) => boolean;
  it('was built from the schemas as they are now', () => {
    expect(built.split('\n')[0]).toBe(`// schemas ${compileValidator(false).hash}`);
  });
  it('accepts and rejects what a fresh compilation of the schemas does', () => {
    const docs = files.map((f) => JSON.parse(readFileSync(f, 'utf8')));
    const broken = docs.flatMap((d) => {
      const g = d['@graph'] as Record<string, unknown>[];
      const mutate = (f: (n: Record<string, unknown>[]) => void) => {
        const c = structuredClone(d);
        f(c['@graph']);
        return c;
      };
      return [
        mutate((n) => (n[1].extra = 1)),
        mutate((n) => (n[1]['@type'] = 'Thing')),
        mutate((n) => (n[1]['@id'] = 'not a uri')),
        mutate((n) => delete n[0].text),
        mutate((n) => (n[g.length - 1].spans = [])),
      ];
    });
    for (const d of docs) expect([ahead(d), fresh(d)]).toEqual([true, true]);
    for (const d of broken) expect([ahead(d), fresh(d)]).toEqual([false, false]);
  });
});
