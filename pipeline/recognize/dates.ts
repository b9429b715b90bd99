// Dates: absolute (29 sentyabr 2026, 2026-cı ilin sentyabr ayında,
// sentyabrın 29-da, 29.09.2026, 2023-2024-cü illər, XX əsr) and relative
// (bu gün, dünən, ötən ilin may ayında, bu il, N gün əvvəl), resolved to
// ISO 8601 against the reference date. Durations and vague times are not dates.
import { DAY_WORDS, MONTHS, NUMBER_WORDS, RELATIVE_SHIFT, ROMAN, UNIT_WORDS, WEEKDAYS } from '../lang/az/calendar.js';
import { readJson } from '../lang/az/data.js';
import { lowerAz } from '../lang/az/text.js';
import type { DocState, Mention } from '../types.js';
import type { Rule } from './rule.js';

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
  re: RegExp;
  value(m: RegExpExecArray, state: DocState): string | undefined | null; // null = not a date after all
}

const P = (id: string, src: string, value: Pattern['value']): Pattern => ({ id, re: new RegExp(B + src + E, 'gu'), value });

// longest first: an earlier pattern's span blocks later ones
const PATTERNS: Pattern[] = [
  P('date.year-month-day', `${Y}${ORD}\\s+ilin\\s+${M}\\s+ay${L}\\s+${D}-?${L}`, (m) => ymd(+m[1], month(m[2]), +m[3])),
  P('date.day-range', `${D}\\s*[-–]\\s*${D}\\s+${M}(?:${L})?(?:\\s+${Y}(?:${ORD})?(?:\\s+il${L})?)?`, (m, s) => {
    const r = ref(s);
    const y = m[4] ? +m[4] : r?.getUTCFullYear();
    if (!y) return undefined;
    const a = ymd(y, month(m[3]), +m[1]);
    const b = ymd(y, month(m[3]), +m[2]);
    return a && b && a < b ? `${a}/${b}` : null;
  }),
  P('date.day-month-year', `${D}\\s+${M}${L}\\s+${Y}(?:${ORD})?(?:\\s+il${L})?`, (m) => ymd(+m[3], month(m[2]), +m[1])),
  P('date.numeric', `${D}\\.(\\d{1,2})\\.${Y}`, (m) => ymd(+m[3], +m[2], +m[1])),
  P('date.year-range', `${Y}\\s*[-–]\\s*${Y}${ORD}\\s+il${L}`, (m) => (+m[1] < +m[2] ? `${m[1]}/${m[2]}` : null)),
  P('date.relative-year-month', `(ötən|keçən|gələn|bu|cari)\\s+ilin\\s+${M}\\s+ay${L}`, (m, s) => {
    const r = ref(s);
    return r ? `${r.getUTCFullYear() + RELATIVE_SHIFT[m[1]]}-${pad(month(m[2]))}` : undefined;
  }),
  P('date.year-month', `${Y}${ORD}\\s+ilin\\s+${M}${L}(?:\\s+ay${L})?`, (m) => `${m[1]}-${pad(month(m[2]))}`),
  P('date.year', `${Y}${ORD}\\s+il${CASE}`, (m) => m[1]),
  P('date.month-day', `${M}${L}\\s+${D}-?${L}`, (m, s) => {
    const r = ref(s);
    return r ? ymd(r.getUTCFullYear(), month(m[1]), +m[2]) : undefined;
  }),
  P('date.day-month', `${D}\\s+${M}(?:${L})`, (m, s) => {
    const r = ref(s);
    return r ? ymd(r.getUTCFullYear(), month(m[2]), +m[1]) : undefined;
  }),
  P('date.this-month-day', `ayın\\s+${D}-?${L}`, (m, s) => {
    const r = ref(s);
    return r ? ymd(r.getUTCFullYear(), r.getUTCMonth() + 1, +m[1]) : undefined;
  }),
  P('date.month', `${M}\\s+ay${L}`, (m, s) => {
    const r = ref(s);
    return r ? `${r.getUTCFullYear()}-${pad(month(m[1]))}` : undefined;
  }),
  P('date.relative-unit', `(ötən|keçən|gələn|bu|cari|növbəti)\\s+(il|ay|həftə)${CASE}`, (m, s) => {
    const r = ref(s);
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
  P('date.ago', `${NUM}\\s+(gün|il|ay|həftə)\\s+(əvvəl|öncə|sonra)`, (m, s) => {
    const r = ref(s);
    if (!r) return undefined;
    const n = (NUMBER_WORDS[m[1]] ?? +m[1]) * (m[3] === 'sonra' ? 1 : -1);
    const unit = UNIT_WORDS[m[2]];
    if (unit === 'day') return shiftDays(r, n);
    if (unit === 'week') return shiftDays(r, 7 * n);
    if (unit === 'year') return String(r.getUTCFullYear() + n);
    const d = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + n, 1));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  }),
  P('date.day-word', `(dünən|srağagün|sabah|bu gün|bugün)`, (m, s) => {
    const r = ref(s);
    return r ? shiftDays(r, DAY_WORDS[m[1]]) : undefined;
  }),
  // "bazar" is also "market": a one-word weekday needs "günü" or a case ending; the nearest past one (or today)
  P('date.weekday', `(${WEEKDAY_MULTI}|(?:${WEEKDAY_ALT})(?=\\s+günü|[dt][aə]))(?:\\s+günü\\p{L}*|[dt][aə])?`, (m, s) => {
    const r = ref(s);
    if (!r) return undefined;
    const want = WEEKDAYS.indexOf(m[1]) + 1; // ISO 1..7
    const have = ((r.getUTCDay() + 6) % 7) + 1;
    return shiftDays(r, -((have - want + 7) % 7));
  }),
  // Roman numerals are lower-cased the Azerbaijani way (I → ı)
  P('date.century', `([ivxı]{1,5})\\s+əsr${L}`, (m) => {
    const n = ROMAN[m[1].replace(/ı/g, 'i').toUpperCase()];
    return n ? String(n - 1).padStart(2, '0') : null;
  }),
  P('date.bare-year', `(?:[\\p{Lu}]{2,5}-)?${Y}`, (m) => m[1]),
];

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
    const lower = lowerAz(text);
    const taken: [number, number][] = [];
    const out: Mention[] = [];
    for (const p of PATTERNS) {
      p.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = p.re.exec(lower)) !== null) {
        const start = m.index;
        const end = start + m[0].length;
        if (taken.some(([a, b]) => start < b && end > a)) continue;
        if (p.id === 'date.bare-year' && NOT_YEAR_AFTER.test(lower.slice(end, end + 12))) continue;
        if (p.id === 'date.bare-year' && /\d[\s.,]*$/.test(lower.slice(Math.max(0, start - 2), start))) continue;
        if ((p.id === 'date.day-word' || p.id === 'date.weekday') && capitalisedMidSentence(text, start)) continue;
        const value = p.value(m, state);
        if (value === null) continue;
        taken.push([start, end]);
        const name = text.slice(start, end);
        out.push({
          kind: 'date',
          rule: p.id,
          start,
          end,
          name,
          type: 'TemporalExpression',
          key: value ? `date:${value}` : `date-text:${lowerAz(name)}`,
          props: value ? { value } : {},
        });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
};

export const dateRules: Rule[] = [dateRule];
