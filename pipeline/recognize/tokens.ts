// Token-level helpers shared by the recognizers (language data comes from
// the lexicon; these only look at tokens and their readings).
import { nominatives } from '../morphology.js';
import { lowerAz, upperFirstAz } from '../lang/az/text.js';
import type { DocState, Token } from '../types.js';
import { Gazetteer } from '../engine/gazetteer.js';

const NO_FORMS: string[] = [];

/** Every lower-case form a word may stand for: itself, its head nominatives and stems (from the morphology stage). */
export function formsOf(state: DocState, i: number): string[] {
  return state.forms[i] ?? NO_FORMS;
}

/**
 * A fact that depends on a word's forms alone, computed once per distinct word: the morphology
 * stage hands every occurrence of a word the same (read-only) forms array, so the array keys a
 * WeakMap, and a token costs one look-up instead of one per form. `compute` returns null for "none".
 */
export function perWord<T>(compute: (forms: string[]) => T | null): (state: DocState, i: number) => T | null {
  const memo = new WeakMap<string[], T | null>();
  return (state, i) => {
    const forms = formsOf(state, i);
    let v = memo.get(forms);
    if (v === undefined) memo.set(forms, (v = compute(forms)));
    return v;
  };
}

export function gazetteerMatcher<T>(gaz: Gazetteer<T>, state: DocState) {
  return (i: number) => gaz.matchAt(state.tokens, i, (k) => formsOf(state, k));
}

/** The nominative of an inflected name word, with its original capitalisation. */
export function nominativeWord(token: Token, prefer?: (lower: string) => boolean, evidence?: Set<string>, shape?: (lower: string) => boolean): string {
  if (token.kind !== 'word') return token.text;
  const cands = nominatives(token.lower);
  // the lexicons first, then the article's own bare uses (S.H.Turi … Turinin), then the word's shape
  let pick =
    (prefer && cands.find((c) => prefer(c))) ??
    (evidence && cands.find((c) => c !== token.lower && evidence.has(c))) ??
    (shape && cands.find((c) => shape(c))) ??
    undefined;
  if (!pick) {
    pick = cands[0] ?? token.lower;
    // a 1-letter ending (dative -a, accusative -ı) is weak evidence on an unknown name: keep it as written
    if (pick.length === token.lower.length - 1 && cands.includes(token.lower)) pick = token.lower;
  }
  return restoreCase(token.text, pick);
}

/** Gives a lower-case form the capitalisation of the original word. */
export function restoreCase(original: string, lower: string): string {
  if (original.length > 1 && original === original.toLocaleUpperCase('az') && /\p{L}{2}/u.test(original)) {
    return lower.toLocaleUpperCase('az');
  }
  const lo = lowerAz(original); // (once: same length, so lo[i] is the lower case of original[i])
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const o = original[i];
    const upper = o !== undefined && o !== lo[i];
    out += upper && lo[i] === lower[i] ? o : i === 0 && upper ? upperFirstAz(lower[i]) : lower[i];
  }
  return out;
}

/** Bare (uninflected, lower-case) words of the article: evidence for choosing among readings. */
export function bareWords(state: DocState): Set<string> {
  // computed once per document (callers ask per candidate word: recomputing it was quadratic); read-only
  const cached = bareWordsOf.get(state.tokens);
  if (cached) return cached;
  const s = new Set<string>();
  for (const t of state.tokens) if (t.kind === 'word') s.add(t.lower);
  bareWordsOf.set(state.tokens, s);
  return s;
}
const bareWordsOf = new WeakMap<Token[], Set<string>>();

/** Text of tokens [a, b) as written, with the original spacing collapsed to single spaces. */
export function textOf(state: DocState, a: number, b: number): string {
  let out = '';
  for (let i = a; i < b; i++) {
    const t = state.tokens[i];
    out += (i > a && t.spaceBefore ? ' ' : '') + t.text;
  }
  return out;
}

export function isQuote(t: Token | undefined): boolean {
  return !!t && t.kind === 'punct' && /["“”„«»']/.test(t.text);
}
