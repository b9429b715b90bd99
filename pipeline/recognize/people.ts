// People: Azerbaijani names from the given-name lexicon and surname
// morphology (with patronymics), foreign names after a post (naziri,
// Prezidenti, direktoru …), and initials forms (S.H.Turi, V. Mustafayev).
// Short forms are joined to the full name by the linker.
import { lexicon } from '../lang/az/lexicon.js';
import { lowerAz } from '../lang/az/text.js';
import { nominatives } from '../morphology.js';
import type { DocState, Mention, Token } from '../types.js';
import type { Rule } from './rule.js';
import { bareWords, formsOf, nominativeWord } from './tokens.js';

const SURNAME_ENDING = /(ov|ova|yev|yeva|ev|eva|zadə|li|lı|lu|lü|bəyli|oğlu|qızı|in|ina|ski|skaya|yan)$/;
const PARTICLES = new Set(['de', 'la', 'del', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'əl', 'fon', 'di', 'da', 'dos', 'le', 'mac']);
const PATRONYMIC = new Set(['oğlu', 'qızı']);

export function personKey(name: string): string {
  return `person:${lowerAz(name)}`;
}

function isGiven(state: DocState, i: number): boolean {
  const t = state.tokens[i];
  if (!t || t.kind !== 'word' || !t.upper) return false;
  const given = lexicon().givenNames;
  return formsOf(state, i).some((f) => given.has(f));
}

function isNameWord(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && t.upper && /^\p{Lu}\p{Ll}/u.test(t.text);
}

/** The surname (last word) in the nominative: lexicon, then surname shape, then document evidence. */
function surnameNominative(state: DocState, t: Token, evidence: Set<string>): string {
  const lex = lexicon();
  return nominativeWord(t, (c) => lex.surnames.has(c) || lex.givenNames.has(c) || (SURNAME_ENDING.test(c) && c.length > 4 && c !== t.lower && nominatives(t.lower)[0] === c), evidence);
}

/** Extends a name from token i over following capitalised words (and hyphen / particle joins); returns the end (exclusive). */
function nameEnd(state: DocState, i: number, max: number): number {
  const toks = state.tokens;
  let j = i + 1;
  let words = 1;
  while (j < toks.length && words < max && toks[j].sentence === toks[i].sentence) {
    const t = toks[j];
    if (t.text === '-' && !t.spaceBefore && isNameWord(toks[j + 1]) && !toks[j + 1].spaceBefore) {
      j += 2;
      continue;
    }
    if (PARTICLES.has(t.lower) && t.spaceBefore) {
      let k = j;
      while (k < toks.length && PARTICLES.has(toks[k].lower) && k - j < 3) k++;
      if (isNameWord(toks[k])) {
        j = k + 1;
        words++;
        continue;
      }
    }
    if (PATRONYMIC.has(t.lower) && isNameWord(toks[j + 1])) {
      j += 2;
      words++;
      continue;
    }
    if (isNameWord(t) && t.spaceBefore && !blocksName(state, j)) {
      j++;
      words++;
      // only the last word of a name inflects: an inflected word ends it
      if (inflected(state, j - 1)) break;
      continue;
    }
    break;
  }
  return j;
}

function inflected(state: DocState, i: number): boolean {
  const a = (state.analyses[i] ?? [])[0];
  return !!a && a.case !== 'nom' && a.suffixes.join('').length >= 2 && !lexicon().surnames.has(state.tokens[i].lower);
}

/** Words that end a name: organization heads, places, months. */
function blocksName(state: DocState, j: number): boolean {
  const forms = formsOf(state, j);
  const lex = lexicon();
  if (lex.orgHeads.some((h) => forms.includes(h.izafet) || forms.includes(h.head))) return true;
  if (lex.countries.some((c) => forms.includes(lowerAz(c.name)))) return true;
  return placeLike(state, j);
}

function personMention(rule: string, state: DocState, a: number, b: number, evidence: Set<string>, props: Record<string, unknown> = {}): Mention {
  const toks = state.tokens;
  let name = '';
  for (let k = a; k < b; k++) {
    const t = toks[k];
    const w = k === b - 1 ? surnameNominative(state, t, evidence) : t.text;
    name += (k > a && t.spaceBefore ? ' ' : '') + w;
  }
  return { kind: 'person', rule, start: toks[a].start, end: toks[b - 1].end, name, type: 'Person', key: personKey(name), props };
}

const givenNameRule: Rule = {
  id: 'person.given-name',
  kind: 'person',
  doc: 'A known given name followed by capitalised name words (surname, patronymic with oğlu/qızı).',
  examples: {
    match: [
      { text: 'əmək və əhalinin sosial müdafiəsi naziri Sahil Babayev vurğulayıb', name: 'Sahil Babayev' },
      { text: 'təyin olunan Məmmədiyə Süleyman oğlu Məmmədov bu gün', name: 'Məmmədiyə Süleyman oğlu Məmmədov' },
      { text: 'görüşdə Vüqar Mustafayevlə danışıb', name: 'Vüqar Mustafayev' },
    ],
    noMatch: ['Heydər küçəsi', 'bu gün görüş olub'],
  },
  apply(state) {
    const out: Mention[] = [];
    const ev = bareWords(state);
    const toks = state.tokens;
    for (let i = 0; i < toks.length; i++) {
      if (!isGiven(state, i)) continue;
      const end = nameEnd(state, i, 4);
      if (end === i + 1) continue; // a lone given name is resolved by the linker
      out.push(personMention(this.id, state, i, end, ev));
      i = end - 1;
    }
    return out;
  },
};

const titleRule: Rule = {
  id: 'person.title',
  kind: 'person',
  doc: 'Capitalised words right after a post (naziri, Prezidenti, direktoru, səfiri …) are a person, foreign names included.',
  examples: {
    match: [
      { text: 'inkişafı naziri Sacid Hüsseyn Turinin rəhbərlik etdiyi', name: 'Sacid Hüsseyn Turi' },
      { text: 'Almaniya Prezidenti Frank-Valter Ştaynmayerin Berlində', name: 'Frank-Valter Ştaynmayer' },
      { text: 'baş məşqçisi Luis de la Fuente ilə', name: 'Luis de la Fuente' },
    ],
    noMatch: ['naziri Bakıya gəlib', 'Prezidentin Sərəncamı ilə'],
  },
  apply(state) {
    const out: Mention[] = [];
    const ev = bareWords(state);
    const toks = state.tokens;
    const titles = lexicon().titles;
    const titleForms = new Set([...titles.map((t) => t.izafet), ...titles.map((t) => t.nominative)]);
    for (let i = 0; i < toks.length - 1; i++) {
      const t = toks[i];
      if (t.kind !== 'word') continue;
      if (!titleForms.has(t.lower)) continue;
      const j = i + 1;
      if (!isNameWord(toks[j]) || blocksName(state, j) || toks[j].sentence !== t.sentence) continue;
      if (placeLike(state, j)) continue;
      const end = nameEnd(state, j, 4);
      out.push(personMention(this.id, state, j, end, ev, { jobTitleAt: i }));
      i = end - 1;
    }
    return out;
  },
};

function placeLike(state: DocState, j: number): boolean {
  const t = state.tokens[j];
  const forms = [t.lower, nominatives(t.lower)[0]];
  const lex = lexicon();
  return lex.places.some((p) => forms.includes(lowerAz(p.name)));
}

const initialsRule: Rule = {
  id: 'person.initials',
  kind: 'person',
  doc: 'Initials and a surname (S.H.Turi, V. Mustafayev): the short form of a person named in full elsewhere.',
  examples: {
    match: [
      { text: 'S.H.Turi ölkəsinin Azərbaycanla əlaqələrin inkişafına böyük önəm verdiyini', name: 'S.H.Turi' },
      { text: 'V. Mustafayevin sözlərinə görə', name: 'V. Mustafayev' },
    ],
    noMatch: ['A. B. C. D.', 'ABŞ. Sonra'],
  },
  apply(state) {
    const out: Mention[] = [];
    const ev = bareWords(state);
    const toks = state.tokens;
    for (let i = 0; i + 2 < toks.length; i++) {
      let k = i;
      let n = 0;
      while (k + 1 < toks.length && /^\p{Lu}$/u.test(toks[k].text) && toks[k + 1].text === '.' && n < 3) {
        k += 2;
        n++;
      }
      if (n === 0 || !isNameWord(toks[k]) || toks[k].text.length < 3) continue;
      if (i > 0 && toks[i - 1].text === '.' && /^\p{Lu}$/u.test(toks[i - 2]?.text ?? '')) continue;
      const m = personMention(this.id, state, i, k + 1, ev, { initials: true });
      out.push(m);
      i = k;
    }
    return out;
  },
};

export const personRules: Rule[] = [givenNameRule, titleRule, initialsRule];
