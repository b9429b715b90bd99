// The morphology stage against a table of real inflected forms taken from the
// articles (test/fixtures/morphology/forms.tsv), and generation against
// analysis in a round trip.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lowerAz } from '../pipeline/lang/az/text.js';
import { analyse, az, nominativeInContext, nominatives } from '../pipeline/morphology.js';
import { ROOT } from './helpers.js';

const rows = readFileSync(join(ROOT, 'test/fixtures/morphology/forms.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => l.split('\t'));

const SHARED = join(ROOT, '..', 'shared');
const sources = new Map<string, string[]>();
/** The words of the article a form was taken from (the table's source column). */
function wordsOf(source: string): string[] {
  let words = sources.get(source);
  if (!words) {
    const text =
      source === 'seed'
        ? readFileSync(join(SHARED, 'samples/000_5b5440a788662ef4.txt'), 'utf8')
        : JSON.parse(readFileSync(join(SHARED, 'gold/dev/inputs', `${source}.json`), 'utf8')).text;
    words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => lowerAz(m[0]));
    sources.set(source, words);
  }
  return words;
}

/** The head nominative in the form's sentence (its neighbours decide izafet vs accusative); hyphenated suffixes (İKT-nin, APA -ya) come off whole. */
function headNominative(form: string, source?: string): string {
  const f = lowerAz(form);
  const hyphen = /^(.*?)\s?-(\p{L}+)$/u.exec(f);
  if (hyphen && az.hyphenSuffixes.includes(hyphen[2])) return hyphen[1];
  const words = source ? wordsOf(source) : [];
  const i = words.indexOf(f);
  return nominativeInContext(f, i > 0 ? words[i - 1] : undefined, i >= 0 ? words[i + 1] : undefined, /^\p{Lu}/u.test(form), i >= 0 ? words[i + 2] : undefined);
}

describe('morphology', () => {
  it('the table has at least 400 forms from real text', () => {
    expect(rows.length).toBeGreaterThanOrEqual(400);
  });
  it('de-inflects the table to the head nominative in context, ≥ 99 %', () => {
    const wrong = rows.filter(([form, nom, , , , source]) => headNominative(form, source) !== lowerAz(nom));
    const accuracy = 1 - wrong.length / rows.length;
    expect(accuracy, wrong.map((r) => r.join(' ')).join('\n')).toBeGreaterThanOrEqual(0.99);
  });
  it('out of context the first reading is still right for most of the table (≥ 95 %)', () => {
    const wrong = rows.filter(([form, nom]) => headNominative(form) !== lowerAz(nom));
    expect(1 - wrong.length / rows.length).toBeGreaterThanOrEqual(0.95);
  });
  it('undoes the examples the issue names', () => {
    const cases: [string, string][] = [
      ['Nazirliyində', 'nazirliyi'], ['Təşkilatının', 'təşkilatı'], ['Respublikasının', 'respublikası'], ['Turinin', 'turi'],
      ['Babayevə', 'babayev'], ['Pakistanla', 'pakistan'], ['Bakıda', 'bakı'], ['Memorandumunun', 'memorandumu'],
    ];
    for (const [form, nom] of cases) expect(nominatives(lowerAz(form)), form).toContain(nom);
    expect(headNominative('Memorandumunun')).toBe('memorandumu');
    expect(headNominative('Nazirliyində')).toBe('nazirliyi');
  });
  it('generates the forms it analyses (round trip over cases, harmony classes and stem shapes)', () => {
    const stems = ['pakistan', 'bakı', 'nazirlik', 'türkiyə', 'məşğulluq', 'ölkə', 'turi', 'babayev', 'iraq', 'memorandum'];
    const features = [
      { case: 'gen' }, { case: 'dat' }, { case: 'acc' }, { case: 'loc' }, { case: 'abl' }, { case: 'ins' },
      { possessive: '3sg' }, { possessive: '3sg', case: 'gen' }, { possessive: '3sg', case: 'loc' }, { plural: 'pl', case: 'dat' },
    ];
    for (const stem of stems) {
      for (const f of features) {
        const form = az.generate(stem, f);
        const hit = analyse(form).some((a) => a.stem === stem && (f.case ?? 'nom') === a.case && (f.possessive ?? null) === a.possessive);
        expect(hit, `${stem} ${JSON.stringify(f)} → ${form}`).toBe(true);
      }
    }
    expect(az.generate('nazirlik', { possessive: '3sg', case: 'loc' })).toBe('nazirliyində');
    expect(az.generate('pakistan', { case: 'ins' })).toBe('pakistanla');
    expect(az.generate('bakı', { case: 'gen' })).toBe('bakının');
  });
});
