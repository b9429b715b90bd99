// People: Azerbaijani names from the given-name lexicon and surname
// morphology (with patronymics), foreign names after a post (naziri,
// Prezidenti, direktoru …), and initials forms (S.H.Turi, V. Mustafayev).
// Short forms are joined to the full name by the linker.
import { lexicon, surnameLike } from '../lang/az/lexicon.js';
import { lowerAz } from '../lang/az/text.js';
import { readJson } from '../lang/az/data.js';
import { analyse, nominatives } from '../morphology.js';
import type { DocState, Mention, Token } from '../types.js';
import { mention, type Rule } from './rule.js';
import { bareWords, formsOf, nominativeWord } from './tokens.js';

const SURNAME_ENDING = /(ov|ova|yev|yeva|ev|eva|zadə|li|lı|lu|lü|bəyli|oğlu|qızı|in|ina|ski|skaya|yan)$/;
const PARTICLES = new Set(['de', 'la', 'del', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'əl', 'fon', 'di', 'da', 'dos', 'le', 'mac']);
const PATRONYMIC = new Set(['oğlu', 'qızı']);

export function personKey(name: string): string {
  return `person:${lowerAz(name)}`;
}

/** One capital letter (one code point: at most two UTF-16 units, tested before the regex). */
function isCapitalLetter(s: string): boolean {
  return s.length <= 2 && /^\p{Lu}$/u.test(s);
}

/** A capital letter split off its word by a stray space (`V alentin`), when together they are a given name. */
function splitGiven(state: DocState, i: number): boolean {
  const t = state.tokens[i];
  const n = state.tokens[i + 1];
  return !!n && n.start === t.end + 1 && n.kind === 'word' && !n.upper && isCapitalLetter(t.text) && lexicon().givenNames.has(lowerAz(t.text + n.text));
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
const FEMININE = /(ova|yeva|eva|ina|skaya|zadə)$/;

function surnameNominative(state: DocState, t: Token): string {
  const lex = lexicon();
  // Hacıyeva is the feminine of Hacıyev, not a dative
  if (FEMININE.test(t.lower) && lex.surnames.has(t.lower.replace(/a$/, ''))) return t.text;
  return nominativeWord(
    t,
    (c) => lex.surnames.has(c) || lex.givenNames.has(c),
    bareWords(state),
    (c) => SURNAME_ENDING.test(c) && c.length > 4 && c !== t.lower && nominatives(t.lower)[0] === c,
  );
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
    if (isNameWord(t) && t.spaceBefore && !blocksName(state, j, words)) {
      j++;
      words++;
      // only the last word of a name inflects, and a surname ends it
      if (inflected(state, j - 1) || surnameLike(t.lower)) break;
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
const BREAKERS = new Set(readJson<{ nameBreakers: string[] }>('context.json').nameBreakers);
// breakers, the last words of document heads, title words and organization heads in one set (one lookup per form)
let nameEnders: Set<string> | null = null;
function nameEnderWords(): Set<string> {
  if (nameEnders) return nameEnders;
  const lex = lexicon();
  nameEnders = new Set([
    ...BREAKERS,
    ...lex.documents.flatMap((d) => d.heads.map((h) => h.split(' ').pop()!)),
    ...lex.titleWords,
    ...lex.orgHeads.flatMap((h) => [h.izafet, h.head]),
  ]);
  return nameEnders;
}

/** Whether token j ends a name; `depth` is how many name words precede it (a third word is checked less strictly). */
function blocksName(state: DocState, j: number, depth = 0): boolean {
  const enders = nameEnderWords();
  if (formsOf(state, j).some((f) => enders.has(f))) return true;
  return placeLike(state, j, depth >= 2);
}

function personMention(rule: string, state: DocState, a: number, b: number, props: Record<string, unknown> = {}): Mention {
  const toks = state.tokens;
  let name = '';
  for (let k = a; k < b; k++) {
    const t = toks[k];
    const w = k === b - 1 ? surnameNominative(state, t) : t.text;
    name += (k > a && t.spaceBefore ? ' ' : '') + w;
  }
  return mention({ kind: 'person', rule, start: toks[a].start, end: toks[b - 1].end, name, type: 'Person', key: personKey(name), props });
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
      { text: 'İdarə Heyətinin sədri V alentin Morozov bildirib', name: 'Valentin Morozov' },
      { text: 'Xidmətin rəisi Səbinə Hacıyeva deyib', name: 'Səbinə Hacıyeva' },
    ],
    noMatch: ['Heydər küçəsi', 'bu gün görüş olub', 'Ceyhun Naxçıvanın strateji bölgə olduğunu', 'Pakistan İslam Respublikasının naziri', 'Müzəffər Ali Baş Komandanın rəhbərliyi', 'mədən sənayesi üzrə Dövlət Proqramı qəbul olunmuşdur'],
  },
  apply(state) {
    const out: Mention[] = [];
    const toks = state.tokens;
    for (let i = 0; i < toks.length; i++) {
      if (splitGiven(state, i)) {
        const end = nameEnd(state, i + 1, 4);
        if (end === i + 2) continue;
        const m = personMention(this.id, state, i + 1, end);
        out.push(mention({ ...m, start: toks[i].start, name: toks[i].text + m.name, key: personKey(toks[i].text + m.name) }));
        i = end - 1;
        continue;
      }
      if (!isGiven(state, i)) continue;
      const end = nameEnd(state, i, 4);
      if (end === i + 1) continue; // a lone given name is resolved by the linker
      if (toks[end]?.upper && toks[end].sentence === toks[i].sentence && toks[end].kind === 'word' && BREAKERS.has(toks[end].lower) && blocksName(state, end) && !placeLike(state, end)) {
        i = end;
        continue; // the capitalised run is a title or a state's name, not a person
      }
      out.push(personMention(this.id, state, i, end));
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
      { text: 'inkişafı naziri Sacid Hüsseyn Turinin rəhbərlik etdiyi heyət gəlib. S.H.Turi çıxış edib.', name: 'Sacid Hüsseyn Turi' },
      { text: 'nümayəndəsi Ceyhun Cəlilov heyəti qəbul edib', name: 'Ceyhun Cəlilov' },
      { text: 'Almaniya Prezidenti Frank-Valter Ştaynmayerin Berlində', name: 'Frank-Valter Ştaynmayer' },
      { text: 'baş məşqçisi Luis de la Fuente ilə', name: 'Luis de la Fuente' },
    ],
    noMatch: ['naziri Bakıya gəlib', 'Prezidentin Sərəncamı ilə'],
  },
  apply(state) {
    const out: Mention[] = [];
    const toks = state.tokens;
    const titleForms = lexicon().titleForms;
    for (let i = 0; i < toks.length - 1; i++) {
      const t = toks[i];
      const j = i + 1;
      // a capitalised name word after it first (cheap; few words are followed by one)
      if (t.kind !== 'word' || !isNameWord(toks[j]) || !titleForms.has(t.lower)) continue;
      if (blocksName(state, j) || toks[j].sentence !== t.sentence) continue;
      if (placeLike(state, j)) continue;
      const end = nameEnd(state, j, 4);
      out.push(personMention(this.id, state, j, end, { jobTitleAt: i }));
      i = end - 1;
    }
    return out;
  },
};

/** A known place by one of its two likeliest readings, unless the article also has the other reading bare (S.H.Turi … Turinin). */
function placeLike(state: DocState, j: number, topOnly = false): boolean {
  const t = state.tokens[j];
  const known = placeNames();
  // most words are no place by any reading: spare them the ranking of readings below
  if (!known.has(t.lower) && !analyse(t.lower).some((r) => known.has(r.nominative))) return false;
  const noms = nominatives(t.lower);
  const top = Math.min(noms.length, topOnly ? 1 : 2);
  let hit = known.has(t.lower);
  for (let k = 0; k < top && !hit; k++) hit = known.has(noms[k]);
  if (!hit) return false;
  // the article settles it when another reading stands bare elsewhere (S.H.Turi … Turinin)
  const evidence = bareWords(state);
  return !noms.some((f) => f !== t.lower && !known.has(f) && evidence.has(f));
}

let places: Set<string> | null = null;
function placeNames(): Set<string> {
  if (places) return places;
  const lex = lexicon();
  places = new Set([...lex.places.map((p) => lowerAz(p.name)), ...lex.countries.map((c) => lowerAz(c.name)), ...lex.countryAliases.map((a) => lowerAz(a.alias))]);
  return places;
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
    const toks = state.tokens;
    for (let i = 0; i + 2 < toks.length; i++) {
      if (toks[i + 1].text !== '.') continue; // no initial here (the cheap test first)
      let k = i;
      let n = 0;
      while (k + 1 < toks.length && toks[k + 1].text === '.' && n < 3 && isCapitalLetter(toks[k].text)) {
        k += 2;
        n++;
      }
      if (n === 0 || !isNameWord(toks[k]) || toks[k].text.length < 3) continue;
      if (i > 0 && toks[i - 1].text === '.' && isCapitalLetter(toks[i - 2]?.text ?? '')) continue;
      const m = personMention(this.id, state, i, k + 1, { initials: true });
      out.push(m);
      i = k;
    }
    return out;
  },
};

/** A run of 2–4 capitalised name words ending right before token `end` (exclusive), or -1. */
function nameRunBefore(state: DocState, end: number): number {
  const toks = state.tokens;
  let a = end;
  while (a > 0 && end - a < 4 && isNameWord(toks[a - 1]) && toks[a - 1].sentence === toks[end - 1].sentence && !blocksName(state, a - 1) && !placeLike(state, a - 1)) {
    a--;
    if (a > 0 && toks[a - 1].text === '-' && !toks[a - 1].spaceBefore && isNameWord(toks[a - 2])) a -= 2; // Kasım-Jomart
  }
  return end - a >= 2 ? a : -1;
}

// context words that only follow a person (lang/az/context.json)
const PERSON_CONTEXT = readJson<{ personBefore: string[][] }>('context.json').personBefore;

/** The tokens from i on begin with these word prefixes. */
function wordsAt(toks: Token[], i: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) if (!toks[i + k]?.lower.startsWith(words[k])) return false;
  return true;
}

const contextRule: Rule = {
  id: 'person.context',
  kind: 'person',
  doc: 'Capitalised names before words only a person governs: "… ilə görüşüb", "…-in rəhbərlik etdiyi nümayəndə heyəti", "… bildirib ki".',
  examples: {
    match: [
      { text: 'nazir Məsud Pezeşkianla görüşüb', name: 'Məsud Pezeşkian' },
      { text: 'Adrien Kiralinin rəhbərlik etdiyi nümayəndə heyəti Bakıya gəlib. Adrien Kirali çıxış edib.', name: 'Adrien Kirali' },
      { text: 'Olaf Şolts ilə görüşüb', name: 'Olaf Şolts' },
    ],
    noMatch: ['Xarici İşlər Nazirliyi ilə görüşüb', 'Avropa İttifaqı ilə görüşüb', 'Bakı Dövlət Universitetinin rəhbərlik etdiyi layihə'],
  },
  apply(state) {
    const out: Mention[] = [];
    const toks = state.tokens;
    const starts = new Set<number>(); // where the names found so far start
    for (let i = 1; i < toks.length; i++) {
      // the name ends right before the context words (the cheap test first)
      if (!isNameWord(toks[i - 1])) continue;
      for (const words of PERSON_CONTEXT) {
        if (!wordsAt(toks, i, words)) continue;
        const a = nameRunBefore(state, i);
        if (a >= 0) {
          out.push(personMention(this.id, state, a, i));
          starts.add(toks[a].start);
        }
      }
      // the comitative on the last name word: "<Name>-la/-lə görüş…"
      if (toks[i].lower.startsWith('görüş') && /l[aə]$/.test(toks[i - 1].lower)) {
        const a = nameRunBefore(state, i);
        if (a >= 0 && !starts.has(toks[a].start)) {
          out.push(personMention(this.id, state, a, i));
          starts.add(toks[a].start);
        }
      }
    }
    return out;
  },
};

export const personRules: Rule[] = [givenNameRule, titleRule, initialsRule, contextRule];
