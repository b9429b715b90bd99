// Organizations: the gazetteer (state bodies, international bodies, media,
// with acronyms), names built on a head noun (…Nazirliyi, …Mərkəzi) with
// their full extent found by rule, quoted company names before a class noun,
// and acronyms introduced in parentheses.
import { byStart, lowerBound } from '../engine/search.js';
import { Gazetteer } from '../engine/gazetteer.js';
import { lexicon, surnameLike, type OrgEntry, type OrgHead } from '../lang/az/lexicon.js';
import { lowerAz, slugAz, upperFirstAz } from '../lang/az/text.js';
import { analyse } from '../morphology.js';
import type { DocState, Mention, Token } from '../types.js';
import { mention, type Rule } from './rule.js';
import { placeGazetteer, placeKey, placeMatcher, type PlaceMatcher } from './places.js';
import { formsOf, gazetteerMatcher, isQuote, nominativeWord, perWord, textOf } from './tokens.js';

let orgGaz: Gazetteer<OrgEntry> | null = null;
let acronyms: Map<string, OrgEntry> | null = null;
function orgGazetteer(): Gazetteer<OrgEntry> {
  if (orgGaz) return orgGaz;
  const g = new Gazetteer<OrgEntry>(lowerAz);
  acronyms = new Map();
  for (const o of lexicon().organizations) {
    g.add(o.name, o);
    for (const a of o.aliases) g.add(a, o);
    for (const a of o.acronyms) acronyms.set(a, o);
  }
  orgGaz = g;
  return g;
}

export function orgKey(name: string, country?: string): string {
  return `org:${country ? country.toLowerCase() + ':' : ''}${slugAz(name)}`; // (slugAz is memoised)
}

function entryMention(rule: string, state: DocState, a: number, b: number, o: OrgEntry): Mention {
  return mention({
    kind: 'organization',
    rule,
    start: state.tokens[a].start,
    end: state.tokens[b - 1].end,
    name: o.name,
    type: o.type,
    key: orgKey(o.name, o.country),
    props: { alternateName: [...o.acronyms, ...o.aliases] },
    location: o.country ? `country:${o.country}` : undefined,
  });
}

const gazetteerRule: Rule = {
  id: 'org.gazetteer',
  kind: 'organization',
  doc: 'Known organizations by full name or alias in any case form, and by acronym (exact capitals, with hyphenated suffixes).',
  examples: {
    match: [
      { text: 'İslam Əməkdaşlıq Təşkilatının Bakıda yaradılacaq mərkəzi', name: 'İslam Əməkdaşlıq Təşkilatı' },
      { text: 'APA -nın yerli bürosu xəbər verir', name: 'APA' },
      { text: 'Bu barədə BMT-nin sözçüsü bildirib', name: 'Birləşmiş Millətlər Təşkilatı' },
    ],
    noMatch: ['apa xəbər verir', 'hesabat hazırlanıb', 'DOST konsepsiyası barədə məlumat verilib', 'Sabah görüş keçiriləcək. Düşünürəm ki, sabah görüşümüz olacaq.'],
  },
  apply(state) {
    const out: Mention[] = [];
    const match = gazetteerMatcher(orgGazetteer(), state);
    const toks = state.tokens;
    const usedAsWord = ordinaryUse(toks);
    const matchPlace = placeMatcher(state);
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.kind !== 'word' || !t.upper) continue;
      const acr = acronyms!.get(t.text);
      if (acr && t.text.length >= 2) {
        // an acronym before a noun in the izafet modifies it (DOST konsepsiyası, DOST təcrübəsi)
        if (!modifiesNext(state, i)) out.push(entryMention(this.id, state, i, i + 1, acr));
        continue;
      }
      const m = match(i);
      if (!m) continue;
      // a capitalised first word that the article also uses as an ordinary word (Sabah … sabah) is that word
      if (m.end === i + 1 && i === state.sentences[t.sentence].first && ordinaryWordElsewhere(t, usedAsWord)) continue;
      // an owner country in the genitive right before a per-country body overrides the entry's country
      if (m.value.country && m.value.type === 'GovernmentOrganization' && i > 0) {
        const prevCountry = countryBefore(matchPlace, i);
        if (prevCountry && prevCountry !== m.value.country) continue;
      }
      out.push(entryMention(this.id, state, m.start, m.end, m.value));
      i = m.end - 1;
    }
    return out;
  },
};

function modifiesNext(state: DocState, i: number): boolean {
  const next = state.tokens[i + 1];
  if (!next || next.kind !== 'word' || next.upper || !next.spaceBefore) return false;
  return (state.analyses[i + 1] ?? []).some((a) => a.possessive === '3sg' && a.score >= 0.9);
}

function ordinaryWordElsewhere(t: Token, usedAsWord: (lower: string) => boolean): boolean {
  if (t.text === t.text.toLocaleUpperCase('az')) return false; // acronyms are names wherever they stand
  return usedAsWord(t.lower);
}

/**
 * Whether the article uses a word in lower case as a word of its own (not inside www.fmo.nl).
 * An article asks a few times: a scan each; past a few questions, one index (a scan per
 * question would be quadratic on a long text).
 */
function ordinaryUse(toks: Token[]): (lower: string) => boolean {
  const ordinary = (k: number) => !toks[k].upper && toks[k].spaceBefore && toks[k + 1]?.text !== '.';
  let asked = 0;
  let index: Set<string> | null = null;
  return (lower) => {
    if (!index && ++asked > 4) {
      index = new Set();
      for (let k = 0; k < toks.length; k++) if (ordinary(k)) index.add(toks[k].lower);
    }
    if (index) return index.has(lower);
    for (let k = 0; k < toks.length; k++) if (toks[k].lower === lower && ordinary(k)) return true;
    return false;
  };
}

/** The longest place that ends right before token i (starting at most 4 tokens back) and that `accept` takes, or null. */
function placeEndingBefore(matchPlace: PlaceMatcher, i: number, accept: (m: PlaceMatch) => boolean): PlaceMatch | null {
  for (let start = Math.max(0, i - 4); start < i; start++) {
    const m = matchPlace(start);
    if (m && m.end === i && accept(m)) return m;
  }
  return null;
}
type PlaceMatch = NonNullable<ReturnType<PlaceMatcher>>;

/** ISO code of a country named by the token just before i (Pakistanın, Azərbaycan Respublikasının), if any. */
function countryBefore(matchPlace: PlaceMatcher, i: number): string | null {
  const m = placeEndingBefore(matchPlace, i, (p) => !!p.value.country);
  return m ? (m.value.iso ?? null) : null;
}

/** The owner place before a name: [token index where it starts, place key, iso] when a capitalised place name ends right at i. */
function placeEndingAt(state: DocState, matchPlace: PlaceMatcher, i: number): { start: number; key: string; iso?: string; country: boolean; genitive: boolean } | null {
  const m = placeEndingBefore(matchPlace, i, (p) => state.tokens[p.start].upper);
  if (!m) return null;
  const last = i - 1;
  const gen = (state.analyses[last] ?? []).some((a) => a.case === 'gen' && a.nominative !== state.tokens[last].lower);
  return { start: m.start, key: placeKey(m.value), iso: m.value.iso, country: !!m.value.country, genitive: gen };
}

/** A person's name ends a body's name (… Firuzə Vahid | Füzuli şəhər …), unless the body is named after the person (… adına). */
function personWord(state: DocState, k: number): boolean {
  const toks = state.tokens;
  if (toks[k + 1]?.lower === 'adına') return false;
  const lex = lexicon();
  const surname = (i: number) => !!toks[i]?.upper && surnameLike(toks[i].lower);
  const given = (i: number) => !!toks[i]?.upper && lex.givenNames.has(toks[i].lower);
  if (surname(k)) return true;
  // a given name alone is also a word (Dövlət Xidməti); with a surname or another given name beside it, a person
  return given(k) && (surname(k + 1) || given(k + 1) || given(k - 1));
}

/** The place name over tokens [a, b) is written uninflected (Xankəndi şəhər …), not Azərbaycanla. */
function bareName(state: DocState, a: number, b: number): boolean {
  const m = placeGazetteer().matchAt(state.tokens, a, (k) => [state.tokens[k].lower]);
  return !!m && m.end === b;
}

/** Another body's head in the izafet (Məktəbi, Nazirliyi): a name does not run across it (`h`: the head of token k). */
function izafetHead(state: DocState, k: number, h: OrgHead | null): boolean {
  return !!h && h.izafet !== h.head && state.tokens[k].lower !== h.head && formsOf(state, k).includes(h.izafet);
}

// each head form → the first head (and its place in lexicon order) that has it
let headsByForm: Map<string, { head: OrgHead; rank: number }> | null = null;
function headOf(state: DocState, i: number): OrgHead | null {
  const t = state.tokens[i];
  if (t.kind !== 'word' || !t.upper) return null;
  return headNamed(state, i);
}

/** The first head (in lexicon order) that one of a word's forms names, once per word. */
const headNamed = perWord<OrgHead>((forms) => {
  if (!headsByForm) {
    headsByForm = new Map();
    const heads = lexicon().orgHeads;
    for (let rank = 0; rank < heads.length; rank++) {
      const h = heads[rank];
      for (const f of [h.izafet, h.head]) if (!headsByForm.has(f)) headsByForm.set(f, { head: h, rank });
    }
  }
  let best: { head: OrgHead; rank: number } | undefined;
  for (const f of forms) {
    const h = headsByForm.get(f);
    if (h && (!best || h.rank < best.rank)) best = h;
  }
  return best ? best.head : null;
});

const CONNECTORS = new Set(['və', 'üzrə', 'adına', ',', '-', '–']);
// lower-case words that stay inside a name after a place (Xankəndi şəhər İncəsənət Məktəbi)
const NAME_NOUNS = new Set(['şəhər', 'rayon', 'qəsəbə', 'kənd']);

const headRule: Rule = {
  id: 'org.head',
  kind: 'organization',
  doc: 'A name ending in an organization head (Nazirliyi, Mərkəzi, Təşkilatı …) extended left over capitalised words and name-internal connectors; a country in the genitive before it becomes its location.',
  examples: {
    match: [
      { text: 'Pakistanın Xaricdə Yaşayan Pakistanlılarla İş və İnsan Resurslarının İnkişafı Nazirliyi arasında', name: 'Xaricdə Yaşayan Pakistanlılarla İş və İnsan Resurslarının İnkişafı Nazirliyi' },
      { text: 'Əmək və Əhalinin Sosial Müdafiəsi Nazirliyində görüş olub', name: 'Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi' },
      { text: 'son illər Əmək Bazarı və Sosial Müdafiə Məsələləri üzrə Milli Observatoriya ilə', name: 'Əmək Bazarı və Sosial Müdafiə Məsələləri üzrə Milli Observatoriya' },
      { text: 'bunu Mədəni İrsin Qorunması, İnkişafı və Bərpası üzrə Dövlət Xidmətinin rəisi deyib', name: 'Mədəni İrsin Qorunması, İnkişafı və Bərpası üzrə Dövlət Xidməti' },
      { text: 'Bakıda yaradılacaq Əmək Mərkəzinin fəaliyyəti', name: 'Əmək Mərkəzi' },
      { text: 'Sanksiyalar Suriyanın Müdafiə və Daxili İşlər Nazirliklərinə qarşı aradan qaldırılacaq', name: 'Daxili İşlər Nazirliyi' },
      { text: 'qərara əsasən Xankəndi şəhər İncəsənət Məktəbi siyahıya daxil edilib', name: 'Xankəndi şəhər İncəsənət Məktəbi' },
      { text: 'RFEF-in İdarə Heyəti yekdilliklə təsdiqləyib', name: 'İdarə Heyəti' },
      { text: 'Avropa Komissiyasının Genişlənmə və Şərq Qonşuluğu üzrə Baş Direktorluğunun direktoru', name: 'Genişlənmə və Şərq Qonşuluğu üzrə Baş Direktorluğu' },
    ],
    noMatch: ['nazirlikdən verilən məlumata görə', 'Təşkilata üzv ölkələr', 'mərkəzi hissədə', 'Görüşdə Azərbaycanla'],
  },
  apply(state) {
    const out: Mention[] = [];
    const toks = state.tokens;
    const matchPlace = placeMatcher(state);
    // the head each token names, found once (the walk left asks again for the words before a head)
    const heads: (OrgHead | null)[] = [];
    for (let i = 0; i < toks.length; i++) {
      const head = (heads[i] = headOf(state, i));
      if (!head) continue;
      let start = i;
      let location: string | undefined;
      let iso: string | undefined;
      let parent: number | undefined; // where a parent body in the genitive ends this name (Avropa Komissiyasının …)
      for (let k = i - 1; k >= 0 && toks[k].sentence === toks[i].sentence; k--) {
        const t = toks[k];
        const place = t.upper ? placeEndingAt(state, matchPlace, k + 1) : null;
        if (place && place.genitive) {
          location = place.key;
          iso = place.iso;
          break;
        }
        // a body in the genitive before this one is its parent, not part of its name
        if (t.upper && t.kind === 'word' && heads[k] && (state.analyses[k] ?? []).some((a) => a.case === 'gen' && a.nominative !== t.lower)) {
          parent = t.start;
          break;
        }
        // a place in another case (Azərbaycanla), a given name, another body's head, or an
        // inflected first word of the sentence (Görüşdə) is not part of the name
        const barePlace = !!place && bareName(state, place.start, k + 1);
        if (t.upper && t.kind === 'word' && ((place && !barePlace) || (!barePlace && personWord(state, k)) || izafetHead(state, k, heads[k]) || (k === state.sentences[t.sentence].first && (state.analyses[k] ?? [])[0]?.case !== 'nom'))) break;
        if (t.upper && t.kind === 'word') {
          start = k;
          continue;
        }
        if ((CONNECTORS.has(t.lower) || NAME_NOUNS.has(t.lower)) && k > 0 && toks[k - 1].upper && start === k + 1) {
          start = k; // tentatively; trimmed below if nothing capitalised precedes
          continue;
        }
        break;
      }
      while (start < i && CONNECTORS.has(toks[start].lower)) start++;
      // a leading country in the nominative belongs to the name as written, but the body is the country's
      let nameStart = start;
      const lead = start < i ? placeAt(state, start, i) : null;
      if (lead && lead.country) {
        location = lead.key;
        iso = lead.iso;
        if (head.type === 'GovernmentOrganization' && i - lead.end >= 1 && !['ordu', 'hökumət'].includes(head.head)) nameStart = lead.end;
      }
      if (nameStart === i && !location && start === i) {
        // a bare head (Təşkilata, Nazirlik) is a generic reference, resolved by the linker
        out.push(mention({ kind: 'organization', rule: 'org.generic', start: toks[i].start, end: toks[i].end, name: head.izafet, type: head.type, key: `ref:${head.head}`, props: { generic: true } }));
        continue;
      }
      const plural = pluralHead(state, i, head);
      if (plural && nameStart < i) {
        // "<A> və <B> Nazirlikləri": one body per conjunct, each with the singular head
        for (const [a, b] of conjuncts(state, nameStart, i)) {
          const name = `${textOf(state, a, b)} ${upperFirstAz(head.izafet)}`;
          const alternates = iso && lexicon().countryByIso.get(iso) ? [`${lexicon().countryByIso.get(iso)!.name} ${name}`] : [];
          out.push(mention({ kind: 'organization', rule: this.id, start: toks[a].start, end: toks[b - 1].end, name, type: head.type, key: orgKey(name, head.type === 'GovernmentOrganization' ? iso : undefined), props: { alternateName: alternates }, location }));
        }
        continue;
      }
      const headWord = nominativeWord(toks[i], (c) => c === head.izafet || c === head.head);
      const name = (nameStart < i ? textOf(state, nameStart, i) + ' ' : '') + headWord;
      const full = (start < nameStart ? textOf(state, start, nameStart) + ' ' : '') + name;
      const alternates = full !== name ? [full] : [];
      if (location && nameStart === start && iso) {
        const c = lexicon().countryByIso.get(iso);
        if (c) alternates.push(`${c.name} ${name}`);
      }
      out.push(mention({
        kind: 'organization',
        rule: this.id,
        start: toks[start].start,
        end: toks[i].end,
        name,
        type: head.type,
        key: orgKey(name, head.type === 'GovernmentOrganization' ? iso : undefined),
        props: { alternateName: alternates, ...(parent !== undefined ? { parentAt: parent } : {}) },
        location,
      }));
    }
    return out;
  },
};

/** The head is plural (Nazirlikləri, Nazirliklərinə). */
function pluralHead(state: DocState, i: number, head: OrgHead): boolean {
  const stem = head.head.slice(0, -1);
  return (state.analyses[i] ?? []).some((a) => a.plural && a.stem.startsWith(stem) && a.score >= 0.9) && !formsOf(state, i).includes(head.izafet);
}

/** Token ranges of the conjuncts of [a, b) split at "və" and commas. */
function conjuncts(state: DocState, a: number, b: number): [number, number][] {
  const out: [number, number][] = [];
  let s = a;
  for (let k = a; k <= b; k++) {
    if (k === b || state.tokens[k].lower === 'və' || state.tokens[k].text === ',') {
      if (k > s) out.push([s, k]);
      s = k + 1;
    }
  }
  return out;
}

function placeAt(state: DocState, start: number, limit: number): { end: number; key: string; iso?: string; country: boolean } | null {
  const m = placeGazetteer().matchAt(state.tokens, start, (k) => [state.tokens[k].lower]);
  if (!m || m.end > limit) return null;
  return { end: m.end, key: placeKey(m.value), iso: m.value.iso, country: !!m.value.country };
}

const CLASS_NOUNS: Record<string, string> = {
  şirkət: 'Corporation',
  bank: 'BankOrCreditUnion',
  agentlik: 'NewsMediaOrganization',
  qəzet: 'NewsMediaOrganization',
  telekanal: 'NewsMediaOrganization',
  klub: 'SportsOrganization',
  holdinq: 'Corporation',
  fond: 'Organization',
  ofis: 'Organization',
  təşkilat: 'Organization',
};

const quotedRule: Rule = {
  id: 'org.quoted',
  kind: 'organization',
  doc: 'Quoted names before a class noun (“Syriatel” şirkəti, “A”, “B” və “C” banklarını).',
  examples: {
    match: [
      { text: 'həmçinin “Syrian Petroleum Company” və “Syriatel” şirkətlərinin aktivləri', name: 'Syriatel' },
      { text: '“Industrial Bank”, “Saving Bank” banklarını siyahıdan çıxarıb', name: 'Industrial Bank' },
    ],
    noMatch: ['“tarixi qələbə” kimi qiymətləndiriblər'],
  },
  apply(state) {
    const out: Mention[] = [];
    const toks = state.tokens;
    for (let i = 1; i < toks.length; i++) {
      const t = toks[i];
      // a class noun names something only right after a closing quote: test that first
      if (t.kind !== 'word' || t.upper || !isQuote(toks[i - 1])) continue;
      let cls: string | undefined; // (a loop: a map/find chain deoptimised this rule on new array kinds)
      for (const a of analyse(t.lower)) if ((cls = CLASS_NOUNS[a.stem])) break;
      if (!cls) continue;
      // walk left over: "Name" (, | və) "Name" …
      let k = i - 1;
      while (k >= 0 && isQuote(toks[k])) {
        const close = k;
        let open = close - 1;
        while (open >= 0 && !isQuote(toks[open]) && close - open < 12) open--;
        if (open < 0 || !isQuote(toks[open]) || open + 1 >= close || !toks[open + 1].upper) break;
        const name = textOf(state, open + 1, close);
        out.push(mention({ kind: 'organization', rule: this.id, start: toks[open + 1].start, end: toks[close - 1].end, name, type: cls, key: orgKey(name), props: {} }));
        k = open - 1;
        if (k >= 0 && (toks[k].lower === ',' || toks[k].lower === 'və')) k--;
      }
    }
    return out;
  },
};

const acronymRule: Rule = {
  id: 'org.acronym',
  kind: 'organization',
  doc: 'An acronym in parentheses after an organization names it; its later uses (RFEF-in) are the same body.',
  examples: {
    match: [{ text: 'İspaniya Kral Futbol Federasiyası (RFEF) açıqlama yayıb. RFEF-in İdarə Heyəti təsdiqləyib.', name: 'İspaniya Kral Futbol Federasiyası' }],
    noMatch: ['Bu gün (cümə) görüş olub'],
  },
  apply(state, prior) {
    const out: Mention[] = [];
    const toks = state.tokens;
    const introduced = new Set<string>();
    // where each capitalised word occurs, built on first need
    let index: Map<string, number[]> | null = null;
    const positions = () => {
      if (index) return index;
      index = new Map();
      toks.forEach((t, i) => {
        if (!t.upper) return;
        const at = index!.get(t.text);
        if (at) at.push(i);
        else index!.set(t.text, [i]);
      });
      return index;
    };
    for (const m of prior) {
      if (m.kind !== 'organization' || m.props.generic) continue;
      const after = lowerBound(toks, m.end, byStart); // the first token after the body (a scan per mention was quadratic)
      if (toks[after]?.text !== '(' || toks[after + 2]?.text !== ')') continue;
      const acr = toks[after + 1];
      if (!/^\p{Lu}[\p{Lu}\d]+$/u.test(acr.text)) continue;
      const alt = [...((m.props.alternateName as string[]) ?? []), acr.text];
      m.props.alternateName = alt;
      // each acronym names its first body once: later "Body (ACR)" repetitions add no mentions (linear, not n²)
      if (introduced.has(acr.text)) continue;
      introduced.add(acr.text);
      for (const i of positions().get(acr.text) ?? []) out.push(mention({ ...m, rule: this.id, start: toks[i].start, end: toks[i].end, props: { alternateName: alt } }));
    }
    return out;
  },
};

export const organizationRules: Rule[] = [gazetteerRule, headRule, quotedRule, acronymRule];
