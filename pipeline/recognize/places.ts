// Places: countries (CLDR names through Intl.DisplayNames, plus long forms
// and acronyms), Azerbaijani and world places from the gazetteer, and
// "<Name> rayonu / şəhəri / kəndi …" designator phrases.
import { Gazetteer, type GazMatch } from '../engine/gazetteer.js';
import { lexicon, type PlaceEntry } from '../lang/az/lexicon.js';
import { lowerAz } from '../lang/az/text.js';
import { readJson } from '../lang/az/data.js';
import type { DocState, Mention, Token } from '../types.js';
import { mention, type Rule } from './rule.js';
import { bareWords, formsOf } from './tokens.js';
import { analyse } from '../morphology.js';

let placeGaz: Gazetteer<PlaceEntry> | null = null;
/** Countries and places by every name (built once per process). */
export function placeGazetteer(): Gazetteer<PlaceEntry> {
  if (placeGaz) return placeGaz;
  const lex = lexicon();
  const g = new Gazetteer<PlaceEntry>(lowerAz);
  for (const p of lex.places) g.add(p.name, p);
  for (const c of lex.countries) g.add(c.name, c);
  for (const a of lex.countryAliases) g.add(a.alias, { ...lex.countryByIso.get(a.iso)!, alias: a.alias } as PlaceEntry);
  placeGaz = g;
  return g;
}

// longest place match per start token, per document: the place rule and the organization
// rules (owner place before a body, up to 4 starts per word) ask for the same starts repeatedly
const placeMatches = new WeakMap<Token[], (GazMatch<PlaceEntry> | null | undefined)[]>();

/** The longest place (any case form of its last word) starting at a token, or null. */
export type PlaceMatcher = (i: number) => GazMatch<PlaceEntry> | null;

/** The document's place matcher, memoised per document. */
export function placeMatcher(state: DocState): PlaceMatcher {
  const gaz = placeGazetteer();
  const toks = state.tokens;
  let memo = placeMatches.get(toks);
  if (!memo) placeMatches.set(toks, (memo = new Array(toks.length)));
  const known = memo;
  const forms = (k: number) => formsOf(state, k);
  return (i) => {
    let m = known[i];
    if (m === undefined) known[i] = m = gaz.matchAt(toks, i, forms);
    return m;
  };
}

// entry names in lower case, folded once per entry rather than once per mention
const lowerNames = new WeakMap<PlaceEntry, string>();
function lowerName(p: PlaceEntry): string {
  let l = lowerNames.get(p);
  if (l === undefined) lowerNames.set(p, (l = lowerAz(p.name)));
  return l;
}

export function placeKey(p: PlaceEntry): string {
  return p.country ? `country:${p.iso}` : `place:${lowerName(p)}`;
}

const CONTEXT = readJson<{ notPlaceBefore: string[]; eventHeads: string[] }>('context.json');
const NOT_PLACE_BEFORE = new Set(CONTEXT.notPlaceBefore);
const EVENT_HEADS = new Set(CONTEXT.eventHeads);

/** A gazetteer hit that is a name: capitalised (demonyms like `azərbaycanlı` are not, nor de-inflect to the entry). */
function isNameHit(state: DocState, start: number): boolean {
  return state.tokens[start].upper;
}

/** The word after a place makes it a currency (ABŞ dolları) or part of an event's name (Avropa çempionatı). */
function notAPlace(state: DocState, end: number): boolean {
  const next = state.tokens[end];
  if (!next || next.kind !== 'word' || next.upper) return false;
  const forms = formsOf(state, end);
  return forms.some((f) => NOT_PLACE_BEFORE.has(f) || EVENT_HEADS.has(f));
}

/** An inflected one-word hit whose other reading the article uses bare (Turinin … S.H.Turi) is that other word. */
function otherReadingInText(state: DocState, a: number, b: number, p: PlaceEntry): boolean {
  if (b - a !== 1) return false;
  const t = state.tokens[a];
  const place = lowerName(p);
  if (t.lower === place) return false;
  const words = bareWords(state);
  // any reading will do: the readings themselves, not nominatives(), which also ranks them
  return analyse(t.lower).some(({ nominative: n }) => n !== place && n !== t.lower && words.has(n));
}

const gazetteerRule: Rule = {
  id: 'place.gazetteer',
  kind: 'place',
  doc: 'Countries (CLDR az names, long forms, acronyms) and known places in any case form.',
  examples: {
    match: [
      { text: 'Pakistanın Azərbaycana dəstəyi', name: 'Pakistan' },
      { text: 'Azərbaycanla Pakistan arasında', name: 'Azərbaycan' },
      { text: 'nümayəndə heyəti Bakıda olub', name: 'Bakı' },
      { text: 'ABŞ-ın İraqdakı bazaları', name: 'İraq' },
      { text: 'Pakistan İslam Respublikasının naziri', name: 'Pakistan' },
      { text: 'Almaniya Prezidenti Berlində', name: 'Berlin' },
      { text: 'heyət Gəncəyə yola düşüb', name: 'Gəncə' },
      { text: 'Rusiya Federasiyasının səfiri', name: 'Rusiya' },
      { text: 'Birləşmiş Ərəb Əmirliklərindən gələn nümayəndələr', name: 'Birləşmiş Ərəb Əmirlikləri' },
      { text: 'Xəzər dənizində neft hasilatı', name: 'Xəzər dənizi' },
      { text: 'Qarabağ iqtisadi rayonunda bərpa işləri', name: 'Qarabağ' },
    ],
    noMatch: ['pakistanlılarla iş', 'azərbaycanlı gənclər', 'bakı küləyi', '50 milyon ABŞ dolları məbləğində', '2024-cü ildə Avropa çempionatının qalibi'],
  },
  apply(state) {
    const out: Mention[] = [];
    const match = placeMatcher(state);
    for (let i = 0; i < state.tokens.length; i++) {
      if (state.tokens[i].kind !== 'word' || !isNameHit(state, i)) continue;
      const m = match(i);
      if (!m) continue;
      const p = m.value;
      const last = state.tokens[m.end - 1];
      if (notAPlace(state, m.end) || otherReadingInText(state, m.start, m.end, p)) {
        i = m.end - 1;
        continue;
      }
      // demonyms and adjectives (pakistanlı) are not places: the last word must de-inflect to the entry
      out.push(mention({
        kind: 'place',
        rule: this.id,
        start: state.tokens[m.start].start,
        end: last.end,
        name: p.name,
        type: p.type,
        key: placeKey(p),
        props: p.country ? { identifier: p.iso } : p.iso ? { containedIn: p.iso } : {},
      }));
      i = m.end - 1;
    }
    return out;
  },
};

// a Map: looking a word up as an object key costs a string-table probe each time
const DESIGNATORS = new Map<string, { type: string; keep: boolean }>(Object.entries({
  rayonu: { type: 'AdministrativeArea', keep: true },
  rayon: { type: 'AdministrativeArea', keep: true },
  şəhəri: { type: 'City', keep: false },
  şəhər: { type: 'City', keep: false },
  kəndi: { type: 'Place', keep: false },
  qəsəbəsi: { type: 'Place', keep: false },
  vilayəti: { type: 'AdministrativeArea', keep: true },
  əyaləti: { type: 'AdministrativeArea', keep: true },
  dəhlizi: { type: 'Place', keep: true },
  bölgəsi: { type: 'AdministrativeArea', keep: false },
  regionu: { type: 'AdministrativeArea', keep: false },
  çayı: { type: 'BodyOfWater', keep: true },
  gölü: { type: 'BodyOfWater', keep: true },
  dənizi: { type: 'BodyOfWater', keep: true },
  dağı: { type: 'Landform', keep: true },
}));

const designatorRule: Rule = {
  id: 'place.designator',
  kind: 'place',
  doc: 'A capitalised name followed by a lower-case place designator (rayonu, şəhəri, kəndi, dəhlizi …).',
  examples: {
    match: [
      { text: 'Ordubad rayonunda su elektrik stansiyası', name: 'Ordubad rayonu' },
      { text: 'abidələr Şuşa şəhərində yerləşir', name: 'Şuşa' },
      { text: 'Zəngəzur dəhlizi və onun çərçivəsində', name: 'Zəngəzur dəhlizi' },
      { text: 'Tivi kəndində yeni məktəb açılıb', name: 'Tivi' },
    ],
    noMatch: ['Naftalan Şəhər İcra Hakimiyyəti', 'şəhər ictimaiyyətinin nümayəndələri'],
  },
  apply(state) {
    const out: Mention[] = [];
    const toks = state.tokens;
    for (let i = 1; i < toks.length; i++) {
      const t = toks[i];
      if (t.kind !== 'word' || t.upper) continue;
      // the cheap test first: most lower-case words do not follow a capitalised one
      const prev = toks[i - 1];
      if (prev.kind !== 'word' || !prev.upper || prev.sentence !== t.sentence) continue;
      const word = formsOf(state, i).find((f) => DESIGNATORS.has(f));
      if (!word) continue;
      const d = DESIGNATORS.get(word)!;
      // the name word itself is uninflected before a designator
      const name = d.keep ? `${prev.text} ${word}` : prev.text;
      out.push(mention({
        kind: 'place',
        rule: this.id,
        start: prev.start,
        end: d.keep ? t.end : prev.end,
        name,
        type: d.type,
        key: `place:${lowerAz(name)}`,
        props: {},
      }));
    }
    return out;
  },
};

export const placeRules: Rule[] = [gazetteerRule, designatorRule];
