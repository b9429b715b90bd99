// Every rule's own examples (Duckling-style): each `match` example must yield
// a mention of the rule's kind with the expected name or value, and each
// `noMatch` example must yield none from that rule.
import { describe, expect, it } from 'vitest';
import { lowerAz } from '../pipeline/lang/az/text.js';
import { analyseArticle } from '../pipeline/pipeline.js';
import { allRules } from '../pipeline/recognize/index.js';
import type { Mention } from '../pipeline/types.js';

const norm = (s: string) => lowerAz(s).replace(/\s+/g, ' ').trim();

function run(ruleId: string, text: string, referenceDate?: string): Mention[] {
  const rule = allRules.find((r) => r.id === ruleId)!;
  const state = analyseArticle({ text }, { referenceDate: referenceDate ?? '2026-09-29' });
  // rules that build on earlier ones of their recognizer get them as `prior`
  const prior: Mention[] = [];
  const siblings = allRules.filter((r) => r.kind === rule.kind);
  for (const r of siblings.slice(0, siblings.indexOf(rule))) prior.push(...r.apply(state, prior));
  // generic references (Təşkilata) are not entities of their own
  return rule.apply(state, prior).filter((m) => !m.props.generic);
}

describe('recognition rules carry their examples', () => {
  it('every rule has examples that must match and must not match', () => {
    for (const r of allRules) {
      expect(r.examples.match.length, r.id).toBeGreaterThan(0);
      expect(r.examples.noMatch.length, r.id).toBeGreaterThan(0);
    }
  });
  for (const rule of allRules) {
    describe(rule.id, () => {
      for (const ex of rule.examples.match) {
        it(`matches: ${ex.text}`, () => {
          const found = run(rule.id, ex.text, ex.referenceDate);
          const got = found.map((m) => (ex.value !== undefined ? String(m.props.value ?? m.props.termCode ?? m.props.additionalType) : norm(m.name)));
          expect(got).toContain(ex.value ?? norm(ex.name!));
        });
      }
      for (const text of rule.examples.noMatch) {
        it(`does not match: ${text}`, () => {
          expect(run(rule.id, text).map((m) => m.name)).toEqual([]);
        });
      }
    });
  }
});

describe('lexicons', () => {
  it('names each country once, with its current ISO 3166-1 code (Almaniya is DE, not the withdrawn DD)', async () => {
    const { lexicon } = await import('../pipeline/lang/az/lexicon.js');
    const byName = new Map<string, string[]>();
    for (const c of lexicon().countries) byName.set(c.name, [...(byName.get(c.name) ?? []), c.iso!]);
    const duplicates = [...byName].filter(([, codes]) => codes.length > 1);
    expect(duplicates).toEqual([]);
    expect(byName.get('Almaniya')).toEqual(['DE']);
    expect(byName.get('Rusiya')).toEqual(['RU']);
  });
});
