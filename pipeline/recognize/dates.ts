// Dates: absolute (29 sentyabr 2026, 2026-cı ilin sentyabr ayında,
// sentyabrın 29-da, 29.09.2026, 2023-2024-cü illər, XX əsr) and relative
// (bu gün, dünən, ötən ilin may ayında, bu il, N gün əvvəl), resolved to
// ISO 8601 against the reference date. Durations and vague times are not dates.
import { DAY_WORDS, MONTHS, NUMBER_WORDS, RELATIVE_SHIFT, ROMAN, UNIT_WORDS, WEEKDAYS } from '../lang/az/calendar.js';
import { readJson } from '../lang/az/data.js';
import { lowerAz } from '../lang/az/text.js';
import type { DocState, Mention } from '../types.js';
import { mention, type Rule } from './rule.js';

const M = `(${MONTHS.join('|')})`;
const ORD = `-?(?:ü?nc|c)[ıiuü]`; // 2026-cı, 3-cü, 1-ci; also 5-nci
const L = `[\\p{L}]*`; // any case suffix
// the case endings a unit word (il, ay, həftə) takes, so that "ildönümü" is not "il"
const CASE = `(?:l[aə]r)?(?:n?[ıiuü]n|n?[dt][aə]n?|y?[aə]|n?[ıiuü]|d[aə]k[ıi]|d[aə]k)?`;
const Y = `((?:1[5-9]|20)\\d\\d)`;
const NUM = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})`;
// weekday names, longest first (çərşənbə axşamı before çərşənbə); one-word ones need "günü" or a case ending
const WEEKDAY_ALT = [...WEEKDAYS].sort((a, b) => b.length - a.length).join('|');
const WEEKDAY_MULTI = WEEKDAYS.filter((w) => w.includes(' ')).join('|');
const D = `(\\d{1,2})`;
const B = `(?<![\\p{L}\\p{N}])`; // word start
const E = `(?![\\p{L}\\p{N}])`; // word end

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function ymd(y: number, m: number, d: number): string | undefined {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}
function month(name: string): number {
  return MONTHS.indexOf(name) + 1;
}
function ref(state: DocState): Date | null {
  const r = state.referenceDate;
  if (!r) return null;
  const d = new Date(`${r.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}
function shiftDays(d: Date, n: number): string {
  const x = new Date(d.getTime() + n * 86400000);
  return x.toISOString().slice(0, 10);
}

interface Pattern {
  id: string;
  re: RegExp; // sticky: tried only where one of its first words (or a digit) starts
  quick: RegExp; // a cheap superset of re, tried first
  starts: string[]; // the words a match begins with, or its number's digit count (DAY, YEAR)
  value(m: RegExpExecArray, ref: Date | null): string | undefined | null; // null = not a date after all (ref: the reference date)
}

// a number at a pattern's start is followed by a non-digit, so its length says which patterns can take it
const digits = (n: number) => `#${Math.min(n, 5)}`;
const DAY = [digits(1), digits(2)];
const YEAR = [digits(4)];
const firstWords = (ws: string[]) => ws.map((w) => w.split(' ')[0]);
// The Unicode letter classes make each regex tens of KB of code, slow to run cold, and most tries fail:
// a twin with \S for letters and no word-boundary lookarounds accepts a superset, in a fraction of the
// code, and goes first.
const widen = (src: string) => src.split(L).join('\\S*').split('\\p{L}*').join('\\S*').split('[\\p{Lu}]').join('\\S');
const P = (id: string, starts: string[], src: string, value: Pattern['value']): Pattern => ({
  id,
  re: new RegExp(B + src + E, 'yu'),
  quick: new RegExp(widen(src), 'yu'),
  starts,
  value,
});

const REL = ['ötən', 'keçən', 'gələn', 'bu', 'cari'];
const REL_NEXT = [...REL, 'növbəti'];
const DAY_WORD_LIST = ['dünən', 'srağagün', 'sabah', 'bu gün', 'bugün'];

// longest first: an earlier pattern's span blocks later ones
const PATTERNS: Pattern[] = [
  P('date.year-month-day', YEAR, `${Y}${ORD}\\s+ilin\\s+${M}\\s+ay${L}\\s+${D}-?${L}`, (m) => ymd(+m[1], month(m[2]), +m[3])),
  P('date.day-range', DAY, `${D}\\s*[-–]\\s*${D}\\s+${M}(?:${L})?(?:\\s+${Y}(?:${ORD})?(?:\\s+il${L})?)?`, (m, r) => {
    const y = m[4] ? +m[4] : r?.getUTCFullYear();
    if (!y) return undefined;
    const a = ymd(y, month(m[3]), +m[1]);
    const b = ymd(y, month(m[3]), +m[2]);
    return a && b && a < b ? `${a}/${b}` : null;
  }),
  P('date.day-month-year', DAY, `${D}\\s+${M}${L}\\s+${Y}(?:${ORD})?(?:\\s+il${L})?`, (m) => ymd(+m[3], month(m[2]), +m[1])),
  P('date.numeric', DAY, `${D}\\.(\\d{1,2})\\.${Y}`, (m) => ymd(+m[3], +m[2], +m[1])),
  P('date.year-range', YEAR, `${Y}\\s*[-–]\\s*${Y}${ORD}\\s+il${L}`, (m) => (+m[1] < +m[2] ? `${m[1]}/${m[2]}` : null)),
  P('date.relative-year-month', REL, `(${REL.join('|')})\\s+ilin\\s+${M}\\s+ay${L}`, (m, r) => {
    return r ? `${r.getUTCFullYear() + RELATIVE_SHIFT[m[1]]}-${pad(month(m[2]))}` : undefined;
  }),
  P('date.year-month', YEAR, `${Y}${ORD}\\s+ilin\\s+${M}${L}(?:\\s+ay${L})?`, (m) => `${m[1]}-${pad(month(m[2]))}`),
  P('date.year', YEAR, `${Y}${ORD}\\s+il${CASE}`, (m) => m[1]),
  P('date.month-day', MONTHS, `${M}${L}\\s+${D}-?${L}`, (m, r) => {
    return r ? ymd(r.getUTCFullYear(), month(m[1]), +m[2]) : undefined;
  }),
  P('date.day-month', DAY, `${D}\\s+${M}(?:${L})`, (m, r) => {
    return r ? ymd(r.getUTCFullYear(), month(m[2]), +m[1]) : undefined;
  }),
  P('date.this-month-day', ['ayın'], `ayın\\s+${D}-?${L}`, (m, r) => {
    return r ? ymd(r.getUTCFullYear(), r.getUTCMonth() + 1, +m[1]) : undefined;
  }),
  P('date.month', MONTHS, `${M}\\s+ay${L}`, (m, r) => {
    return r ? `${r.getUTCFullYear()}-${pad(month(m[1]))}` : undefined;
  }),
  P('date.relative-unit', REL_NEXT, `(${REL_NEXT.join('|')})\\s+(il|ay|həftə)${CASE}`, (m, r) => {
    if (!r) return undefined;
    const k = RELATIVE_SHIFT[m[1]];
    const unit = UNIT_WORDS[m[2]];
    if (unit === 'year') return String(r.getUTCFullYear() + k);
    if (unit === 'month') {
      const d = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + k, 1));
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
    }
    // weeks: ISO week of the shifted date
    return isoWeek(new Date(r.getTime() + k * 7 * 86400000));
  }),
  P('date.ago', [...DAY, digits(3), ...firstWords(Object.keys(NUMBER_WORDS))], `${NUM}\\s+(gün|il|ay|həftə)\\s+(əvvəl|öncə|sonra)`, (m, r) => {
    if (!r) return undefined;
    const n = (NUMBER_WORDS[m[1]] ?? +m[1]) * (m[3] === 'sonra' ? 1 : -1);
    const unit = UNIT_WORDS[m[2]];
    if (unit === 'day') return shiftDays(r, n);
    if (unit === 'week') return shiftDays(r, 7 * n);
    if (unit === 'year') return String(r.getUTCFullYear() + n);
    const d = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + n, 1));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  }),
  P('date.day-word', firstWords(DAY_WORD_LIST), `(${DAY_WORD_LIST.join('|')})`, (m, r) => {
    return r ? shiftDays(r, DAY_WORDS[m[1]]) : undefined;
  }),
  // "bazar" is also "market": a one-word weekday needs "günü" or a case ending; the nearest past one (or today)
  P('date.weekday', firstWords(WEEKDAYS), `(${WEEKDAY_MULTI}|(?:${WEEKDAY_ALT})(?=\\s+günü|[dt][aə]))(?:\\s+günü\\p{L}*|[dt][aə])?`, (m, r) => {
    if (!r) return undefined;
    const want = WEEKDAYS.indexOf(m[1]) + 1; // ISO 1..7
    const have = ((r.getUTCDay() + 6) % 7) + 1;
    return shiftDays(r, -((have - want + 7) % 7));
  }),
  // Roman numerals are lower-cased the Azerbaijani way (I → ı)
  P('date.century', [], `([ivxı]{1,5})\\s+əsr${L}`, (m) => {
    const n = ROMAN[m[1].replace(/ı/g, 'i').toUpperCase()];
    return n ? String(n - 1).padStart(2, '0') : null;
  }),
  P('date.bare-year', YEAR, `(?:[\\p{Lu}]{2,5}-)?${Y}`, (m) => m[1]),
];

// Where matches can start. Every pattern begins at a word start with a number or one of its
// first words, so one scan for those replaces a scan of the whole text per pattern (a Unicode
// regex with lookbehind each). Two patterns start before their anchor: a century at the Roman
// numeral before "əsr", a bare year at its upper-case prefix (AB-2026).
const KEYS = [...new Set(PATTERNS.flatMap((p) => p.starts)), 'əsr', ...[1, 2, 3, 4, 5].map(digits)];
// the scan reports the longest word at a place: the patterns of its prefixes (bu → bugün) may start there too
const PATTERNS_AT = new Map(KEYS.map((w) => [w, PATTERNS.reduce((mask, p, k) => (p.starts.some((s) => w.startsWith(s)) ? mask | (1 << k) : mask), 0)]));
const PATTERNS_BY_DIGITS = [0, 1, 2, 3, 4, 5].map((n) => PATTERNS_AT.get(digits(n)) ?? 0);
const CENTURY = 1 << PATTERNS.findIndex((p) => p.id === 'date.century');
const BARE_YEAR = 1 << PATTERNS.findIndex((p) => p.id === 'date.bare-year');
// The anchor (group 1) after the text start or a character that is not one of the lowered text's
// common letters and digits (no word starts after those, and V8 skips them fast: a lookbehind for
// any letter or digit made the scan several times slower); wordStart() decides on the rest. The words
// are grouped by first letter, longest first (V8 scans that alternation about twice as fast as a flat one).
const ANCHOR = (() => {
  const byFirst = new Map<string, string[]>();
  for (const w of KEYS.filter((k) => k[0] !== '#').sort((a, b) => b.length - a.length)) byFirst.set(w[0], [...(byFirst.get(w[0]) ?? []), w.slice(1)]);
  const words = [...byFirst].map(([c, rest]) => `${c}(?:${rest.join('|')})`);
  return new RegExp(`(?:^|[^a-z0-9əıöüçşğ])(\\d+|${words.join('|')})`, 'g');
})();
const LETTER_OR_DIGIT_AT_END = /[\p{L}\p{N}]$/u;
const UPPER_PREFIX = /\p{Lu}{2,5}$/u;

/** The patterns' word-start lookbehind (B), tested once per anchor instead of once per pattern. */
function wordStart(s: string, at: number): boolean {
  if (at === 0) return true;
  const c = s.charCodeAt(at - 1);
  if (c < 0x80) return !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122));
  return !LETTER_OR_DIGIT_AT_END.test(s.slice(Math.max(0, at - 2), at)); // (a surrogate pair is one character)
}

/** Places where a pattern may match (at, in text order) and the patterns to try there (a superset: the sticky regexes decide). */
function anchors(lower: string): { at: number[]; patterns: number[] } {
  const at: number[] = [];
  const patterns: number[] = [];
  const add = (pos: number, mask: number) => {
    // (a place found before its anchor still comes after the earlier anchors, but order is kept whatever the text)
    let k = at.length;
    while (k > 0 && at[k - 1] > pos) k--;
    if (k === at.length) {
      at.push(pos);
      patterns.push(mask);
    } else {
      at.splice(k, 0, pos);
      patterns.splice(k, 0, mask);
    }
  };
  ANCHOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ANCHOR.exec(lower)) !== null) {
    const word = m[1];
    const pos = m.index + m[0].length - word.length;
    if (!wordStart(lower, pos)) continue;
    if (word === 'əsr') {
      // "XX əsr": the numeral is the run of i, v, x, ı before the spaces
      let j = pos;
      while (j > 0 && /\s/.test(lower[j - 1])) j--;
      let i = j;
      while (i > 0 && 'ivxı'.includes(lower[i - 1])) i--;
      if (i < j) add(i, CENTURY);
    } else if (word.charCodeAt(0) <= 57) {
      // "AB-2026": 2–5 upper-case letters (of at most 2 code units) before the hyphen
      if (word.length === 4 && lower[pos - 1] === '-') {
        const from = Math.max(0, pos - 11);
        const p = UPPER_PREFIX.exec(lower.slice(from, pos - 1));
        if (p) add(from + p.index, BARE_YEAR);
      }
      add(pos, PATTERNS_BY_DIGITS[Math.min(word.length, 5)]);
    } else add(pos, PATTERNS_AT.get(word)!);
  }
  return { at, patterns };
}

function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = (t.getUTCDay() + 6) % 7;
  t.setUTCDate(t.getUTCDate() - day + 3);
  const y = t.getUTCFullYear();
  const first = new Date(Date.UTC(y, 0, 4));
  const w = 1 + Math.round(((t.getTime() - first.getTime()) / 86400000 - 3 + ((first.getUTCDay() + 6) % 7)) / 7);
  return `${y}-W${pad(w)}`;
}

// what must not follow a bare number for it to be a year (units, ages, amounts)
const NOT_YEAR_AFTER = /^\s*(?:-?(?:[ıiuü]|s[ıiuü])\b|nəfər|manat|dollar|avro|milyon|milyard|min|ton|km|metr|faiz|%|yaş|abidə|il(?:dən|lik)|gün)/u;
// "sabah" and weekday words as names (Yeni Sabah) — capitalised mid-sentence
function capitalisedMidSentence(text: string, at: number): boolean {
  const c = text[at];
  if (c === lowerAz(c)) return false;
  const before = text.slice(Math.max(0, at - 3), at);
  return !/(^|[.!?…:"“]\s*|\n\s*)$/.test(before) && at > 0;
}

// the recognizer's corpus of examples (lang/az/corpus/dates.json), run by test/rules.test.ts
const CORPUS = readJson<{ ref: string; match: { text: string; value: string }[]; noMatch: string[] }>('corpus/dates.json');

const dateRule: Rule = {
  id: 'date.expression',
  kind: 'date',
  doc: 'Absolute and relative date expressions, one pattern per shape (see PATTERNS), resolved against the reference date.',
  examples: {
    match: CORPUS.match.filter((e) => e.value !== null).map((e) => ({ text: e.text, value: e.value, referenceDate: CORPUS.ref })),
    noMatch: CORPUS.noMatch,
  },
  apply(state) {
    const text = state.article.text;
    const lower = state.lowerText; // (lower-cased once, by segment)
    const places = anchors(lower);
    const r = ref(state);
    const out: Mention[] = []; // the dates taken so far, in text order
    for (let k = 0; k < PATTERNS.length; k++) {
      const p = PATTERNS[k];
      const bit = 1 << k;
      const found: Mention[] = [];
      // as a global scan would: from the end of this pattern's last match (kept or not), the next place it matches
      let from = 0;
      let t = 0; // the first date taken that ends after this match's start (matches come in text order too)
      for (let a = 0; a < places.at.length; a++) {
        const start = places.at[a];
        if (!(places.patterns[a] & bit) || start < from) continue;
        p.quick.lastIndex = start;
        if (!p.quick.test(lower)) continue;
        p.re.lastIndex = start;
        const m = p.re.exec(lower);
        if (m === null) continue;
        const end = start + m[0].length;
        from = end;
        while (t < out.length && out[t].end <= start) t++;
        if (t < out.length && out[t].start < end) continue; // overlaps a date of an earlier pattern
        if (p.id === 'date.bare-year' && NOT_YEAR_AFTER.test(lower.slice(end, end + 12))) continue;
        if (p.id === 'date.bare-year' && /\d[\s.,]*$/.test(lower.slice(Math.max(0, start - 2), start))) continue;
        if ((p.id === 'date.day-word' || p.id === 'date.weekday') && capitalisedMidSentence(text, start)) continue;
        const value = p.value(m, r);
        if (value === null) continue;
        const name = text.slice(start, end);
        found.push(mention({
          kind: 'date',
          rule: p.id,
          start,
          end,
          name,
          type: 'TemporalExpression',
          key: value ? `date:${value}` : `date-text:${lowerAz(name)}`,
          props: value ? { value } : {},
        }));
      }
      if (found.length) {
        for (const d of found) out.push(d);
        out.sort((a, b) => a.start - b.start); // (dates never overlap: one order by start, however merged)
      }
    }
    return out;
  },
};

export const dateRules: Rule[] = [dateRule];
