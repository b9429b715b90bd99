// The cooperation-area scheme (schemas/areas.jsonld) is the DefinedTermSet of CONTRACT.md §5:
// the same codes as the area schema and the cue lexicon, az and en labels, and the terms the
// outputs use are its members.
import jsonld from 'jsonld';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, ROOT } from './helpers.js';

const read = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));
const scheme = read('schemas/areas.jsonld');
const codes = read('schemas/area.schema.json').properties.termCode.enum as string[];
const lexicon = read('pipeline/lang/az/areas.json').areas as { code: string; az: string; en: string }[];

describe('the cooperation-area scheme', () => {
  it('is a DefinedTermSet with one DefinedTerm per contract code, labelled in az and en', () => {
    expect(scheme['@type']).toBe('DefinedTermSet');
    const terms = scheme.hasDefinedTerm as { termCode: string; name: { '@language': string; '@value': string }[] }[];
    expect(terms.map((t) => t.termCode).sort()).toEqual([...codes].sort());
    expect(lexicon.map((a) => a.code).sort()).toEqual([...codes].sort());
    for (const t of terms) expect(t.name.map((n) => n['@language']).sort()).toEqual(['az', 'en']);
    expect(codes.length).toBe(43);
  });
  it('matches the labels of the cue lexicon', () => {
    for (const a of lexicon) {
      const t = scheme.hasDefinedTerm.find((x: { termCode: string }) => x.termCode === a.code);
      expect(t.name).toEqual([{ '@value': a.az, '@language': 'az' }, { '@value': a.en, '@language': 'en' }]);
    }
  });
  it('expands with jsonld.js in safe mode, offline', async () => {
    const expanded = (await jsonld.expand(scheme, { safeMode: true, documentLoader: async (u: string) => { throw new Error(`network: ${u}`); } } as never)) as unknown[];
    expect(expanded.length).toBe(1);
  });
  it('holds every area term the outputs use', () => {
    const ids = new Set((scheme.hasDefinedTerm as { '@id': string }[]).map((t) => t['@id']));
    for (const f of filesUnder(join(ROOT, 'output'), '.jsonld')) {
      for (const n of JSON.parse(readFileSync(f, 'utf8'))['@graph']) {
        if (n['@type'] !== 'DefinedTerm') continue;
        expect(ids.has(n['@id']), `${f}: ${n['@id']}`).toBe(true);
        expect(n.inDefinedTermSet).toBe(scheme['@id']);
      }
    }
  });
});
