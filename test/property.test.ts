// Property-based tests (fast-check): for any text — arbitrary Unicode, lone
// surrogates, or Azerbaijani-looking word salad built to provoke the rules —
// extraction does not throw, the document validates, and every span's text is
// the slice of the article text it points at.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract, initialState } from '../pipeline/pipeline.js';
import { segment } from '../pipeline/segment.js';
import { sentenceEnds } from '../pipeline/engine/sentences.js';
import { lowerAz } from '../pipeline/lang/az/text.js';
import { validateDocument } from '../pipeline/validate.js';
import type { Article } from '../pipeline/types.js';

type Node = Record<string, unknown> & { spans?: { start: number; end: number; text: string }[] };

const typesSeen = new Set<string>();

function check(article: Article): void {
  const { document, problems } = extract(article);
  expect(problems).toEqual([]);
  expect(validateDocument(document)).toEqual([]);
  const graph = document['@graph'] as Node[];
  const text = graph[0].text as string;
  expect(text).toBe(article.text);
  for (const n of graph) {
    typesSeen.add(String(n['@type']));
    for (const s of n.spans ?? []) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
      expect(s.start).toBeLessThan(s.end);
      expect(s.text).toBe(text.slice(s.start, s.end));
    }
  }
  // the serialised document reads back the same (lone surrogates included)
  expect(JSON.parse(JSON.stringify(document))).toEqual(document);
}

// words and marks the recognizers react to: names, initials, posts, bodies, places, documents, dates, areas, punctuation
const VOCAB = [
  'Sahil', 'Babayev', 'Babayevin', 'Sacid', 'Hüsseyn', 'Turi', 'Turinin', 'S.H.Turi', 'V.', 'Mustafayev', 'oğlu', 'qızı', 'de', 'la',
  'naziri', 'Prezidenti', 'Prezidentin', 'İlham', 'Əliyev', 'səfiri', 'rəisi', 'direktoru', 'təyin', 'olunan',
  'Əmək', 'və', 'Əhalinin', 'Sosial', 'Müdafiəsi', 'Nazirliyi', 'Nazirliyində', 'Nazirlik', 'Komitəsi', 'Xidməti', 'Dövlət', 'İdarə', 'Heyəti',
  'İslam', 'Əməkdaşlıq', 'Təşkilatı', 'BMT', 'BMT-nin', 'APA', '(RFEF)', 'RFEF-in', '"Azərsu"', 'ASC', 'şirkəti', 'Bankı',
  'Azərbaycan', 'Azərbaycanla', 'Pakistan', 'Pakistanın', 'Bakı', 'Bakıda', 'Naxçıvan', 'Muxtar', 'Respublikası', 'rayonu', 'şəhəri',
  'memorandum', 'Memorandumu', 'saziş', 'sazişi', 'fəaliyyət', 'planı', 'Fəaliyyət', 'Planı', 'Sərəncamı', 'qərarı', 'sənəd', 'Sənəddə', 'arasında', 'ilə', 'imzalanıb',
  'dünən', 'bu', 'gün', 'ötən', 'ilin', 'may', 'ayında', '2023-cü', 'ildə', '2023-2024-cü', 'illər', '12', 'iyun', '2022', '15.06.2023', '44', 'günlük', 'son',
  'əmək', 'məşğulluq', 'sosial', 'müdafiə', 'sahələrində', 'İKT', 'rəqəmsal', 'enerji', 'üzrə', 'əməkdaşlıq', 'istiqamətində',
  '.', ',', ';', ':', '!', '?', '–', '-', '(', ')', '«', '»', '“', '”', '"', "'", '…', '\n', '\r\n', '\n\n', '\t', '\u00a0', '\u200b', '\ufeff',
  'A.', 'B.', 'C.', 'Ə', 'İ', 'ı', 'i̇', '𝔸', '😀', '\u0301', 'Ǆ', 'ß', 'ﬁ',
];
const wordSalad = fc
  .array(fc.tuple(fc.constantFrom(...VOCAB), fc.constantFrom(' ', ' ', ' ', '', '  ', '\n')), { maxLength: 120 })
  .map((parts) => parts.map(([w, sep]) => w + sep).join(''));

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

describe('extraction holds for any text', () => {
  it('arbitrary Unicode text (any code point)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => check({ text })), { numRuns: RUNS });
  });

  it('arbitrary UTF-16 (lone surrogates included) and control characters', () => {
    const unit = fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), fc.constantFrom('\u0000', '\ud800', '\udfff', '\r', '\u2028'));
    fc.assert(fc.property(fc.string({ unit, maxLength: 300 }), (text) => check({ text })), { numRuns: RUNS });
  });

  it('Azerbaijani word salad that provokes every recognizer', () => {
    const date = fc.option(fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: undefined });
    fc.assert(
      fc.property(wordSalad, date, (text, datePublished) => check(datePublished ? { text, datePublished } : { text })),
      { numRuns: RUNS * 2 },
    );
    // the salad did reach every recognizer
    for (const t of ['Person', 'GovernmentOrganization', 'Country', 'City', 'CreativeWork', 'TemporalExpression', 'DefinedTerm']) expect(typesSeen, t).toContain(t);
  });

  it('the same text repeated (many mentions of the same entities)', () => {
    fc.assert(fc.property(wordSalad, fc.integer({ min: 2, max: 12 }), (text, n) => check({ text: Array(n).fill(text).join(' ') })), { numRuns: Math.ceil(RUNS / 4) });
  });
});

describe('tokenizer', () => {
  // the character-class table (engine/chars.ts) must split exactly like the Unicode regex it replaced
  const REFERENCE = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
  const tokensOf = (text: string) => segment(initialState({ text })).tokens.map((t) => [t.start, t.text, t.kind, t.upper, t.lower]);
  // (a token's lower case is its slice of the lower-cased text: context-dependent mappings such as Greek final sigma follow the text)
  const expected = (text: string) =>
    [...text.matchAll(REFERENCE)].map((m) => [m.index, m[0], /^[\p{L}\p{M}\p{N}]/u.test(m[0]) ? 'word' : 'punct', /^\p{Lu}/u.test(m[0]), lowerAz(text).slice(m.index, m.index + m[0].length)]);
  const unit = fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom(...VOCAB), fc.constantFrom(' ', '\n', '\u00a0', '\u2028', '\ud800'));
  it('splits any text as /[\\p{L}\\p{M}\\p{N}]+|[^\\s\\p{L}\\p{M}\\p{N}]/gu does, with the same lower case', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 80 }), (parts) => {
        // one sentence, so sentence windows cannot cut a word apart
        const text = parts.join('').replace(/[.!?\n\r\u2028\u2029\u0085]/g, ' ');
        expect(tokensOf(text)).toEqual(expected(text));
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

describe('Azerbaijani lower case', () => {
  it('keeps the length of any text and agrees with toLocaleLowerCase("az") wherever that keeps it too', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `A${ch}b`, `I${ch}`, `${ch}İ`]) {
        const l = lowerAz(s);
        const ref = s.toLocaleLowerCase('az');
        expect(l.length).toBe(s.length);
        if (ref.length === s.length && l !== ref) expect(l, `U+${c.toString(16)}`).toBe(ref);
      }
    }
    expect(lowerAz('İLHAM ƏLİYEV İqtisadiyyat')).toBe('ilham əliyev iqtisadiyyat');
    expect(lowerAz('BAKI ŞƏHƏRİ')).toBe('bakı şəhəri');
  });
});

describe('sentence boundaries', () => {
  // engine/sentences.ts answers for Latin-script text; it must find exactly what ICU (Intl.Segmenter) finds
  const icu = new Intl.Segmenter('az', { granularity: 'sentence' });
  const icuEnds = (t: string) => [...icu.segment(t)].map((s) => s.index + s.segment.length);
  const alphabet: string[] = [];
  for (let c = 0x20; c <= 0x7e; c++) alphabet.push(String.fromCharCode(c));
  for (let c = 0xa0; c <= 0x24f; c++) if (c !== 0xad) alphabet.push(String.fromCharCode(c));
  alphabet.push('ə', '\n', '\r', '\t', '…', '•', '№', '₼', '«', '»', '‘', '’', '“', '”', '„', '–', '—');
  const marks = ['.', '.', '!', '?', ' ', ' ', '  ', '"', ')', '(', '«', '»', '“', '”', 'a', 'ə', 'A', 'Ə', 'İ', '1', ',', ':', ';', '-', '–', '\n', '\r\n', '\u00a0', '…', 'ǀ', 'ª', 'S.H.', 'Metbuat.az'];
  const piece = fc.oneof(fc.constantFrom(...alphabet), fc.constantFrom(...marks), fc.constantFrom(...VOCAB.filter((w) => sentenceEnds(w) !== null)));
  it('are those of Intl.Segmenter for any text over the alphabet it accepts', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(sentenceEnds(text)).toEqual(icuEnds(text));
      }),
      { numRuns: RUNS * 20 },
    );
  });
  it('leave any other text to ICU', () => {
    for (const t of ['Bakı. Ελλάδα.', 'a\u00ad', 'x\u2028y', 'i̇', '😀.']) expect(sentenceEnds(t)).toBeNull();
    expect(segment(initialState({ text: 'Ελλάδα. Bakı şəhəri.' })).sentences.map((s) => [s.start, s.end])).toEqual(icuEnds('Ελλάδα. Bakı şəhəri.').map((e, i, a) => [i ? a[i - 1] : 0, e]));
  });
});
