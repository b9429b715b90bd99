// Azerbaijani calendar words: month names from CLDR (Intl.DateTimeFormat),
// weekdays, and the relative-time vocabulary of news text.
const monthFmt = new Intl.DateTimeFormat('az', { month: 'long', timeZone: 'UTC' });
export const MONTHS: string[] = Array.from({ length: 12 }, (_, m) => monthFmt.format(new Date(Date.UTC(2020, m, 1))).toLocaleLowerCase('az'));

const dayFmt = new Intl.DateTimeFormat('az', { weekday: 'long', timeZone: 'UTC' });
// 2024-01-01 was a Monday; ISO weekday 1..7
export const WEEKDAYS: string[] = Array.from({ length: 7 }, (_, d) => dayFmt.format(new Date(Date.UTC(2024, 0, 1 + d))).toLocaleLowerCase('az'));

/** ötən/keçən = last, gələn/növbəti = next, bu/cari = this */
export const RELATIVE_SHIFT: Record<string, number> = { ötən: -1, keçən: -1, gələn: 1, növbəti: 1, bu: 0, cari: 0 };
export const UNIT_WORDS: Record<string, 'year' | 'month' | 'week' | 'day'> = { il: 'year', ay: 'month', həftə: 'week', gün: 'day' };
export const DAY_WORDS: Record<string, number> = { dünən: -1, sabah: 1, srağagün: -2, 'bu gün': 0, bugün: 0 };
export const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10, XI: 11, XII: 12, XIII: 13, XIV: 14, XV: 15, XVI: 16, XVII: 17, XVIII: 18, XIX: 19, XX: 20, XXI: 21 };

import { readJson } from './data.js';
/** Number words (bir, iki, üç …) for "iki gün əvvəl". */
export const NUMBER_WORDS: Record<string, number> = readJson<{ words: Record<string, number> }>('numbers.json').words;
