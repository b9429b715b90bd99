// Stage 5 — link: resolves overlapping mentions, merges mentions of one
// entity (initials and lone surnames join the full name; two wordings of one
// body join), and adds the relations: worksFor / jobTitle / nationality,
// an organization's location, a document's parties, dates, areas and basis.
import { byEnd, byStart, itself, lowerBound } from './engine/search.js';
import { lexicon } from './lang/az/lexicon.js';
import { readJson } from './lang/az/data.js';
import { lowerAz } from './lang/az/text.js';
import { analyse, nominatives } from './morphology.js';
import type { Analysis, DocState, Entity, Mention, Span, Token } from './types.js';

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const inside = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start >= b.start && a.end <= b.end;

/** Tokens a … b-1 (their text or lower case) joined by spaces. A loop, not slice/map/join: that chain
 *  deoptimised linkPosts, a large function recompiled each time, on the first arrays of a new kind. */
function joinTokens(toks: readonly Token[], a: number, b: number, field: 'text' | 'lower'): string {
  const from = Math.max(0, a);
  const to = Math.min(b, toks.length);
  let out = '';
  for (let i = from; i < to; i++) out += (i > from ? ' ' : '') + toks[i][field];
  return out;
}

// Linear-time helpers (scanning every mention or token per mention was quadratic on long articles).
const isSorted = (xs: readonly { start: number }[]) => xs.every((x, k) => !k || xs[k - 1].start <= x.start);
/** The items (sorted by start) that start in [from, to). */
function startingIn<T extends { start: number }>(xs: readonly T[], from: number, to: number): T[] {
  return xs.slice(lowerBound(xs, from, byStart), lowerBound(xs, to, byStart));
}
const covers = (cover: Int32Array, r: { start: number; end: number }) => {
  for (let i = r.start; i < r.end && i < cover.length; i++) if (cover[i]) return true;
  return false;
};

// a continent or region inside a body's name is not a place of its own; these are the body's seat or owner
const SEAT_TYPES = new Set(['Country', 'City', 'AdministrativeArea']);

/** `f` with its result kept per argument: one article's names recur in many mentions and comparisons. */
function memoised<T>(f: (s: string) => T): (s: string) => T {
  const memo = new Map<string, T>();
  return (s) => {
    let r = memo.get(s);
    if (r === undefined) memo.set(s, (r = f(s)));
    return r;
  };
}
type Lower = (s: string) => string;

/** Drops mentions that a more specific one covers. */
function resolveOverlaps(mentions: Mention[]): Mention[] {
  const orgs = mentions.filter((m) => m.kind === 'organization' && !m.props.generic);
  const people = mentions.filter((m) => m.kind === 'person');
  // organizations: keep the longest of overlapping ones (gazetteer wins a tie)
  const keptOrgs: Mention[] = [];
  // the kept bodies never overlap each other: which one covers each code unit
  const keptAt = new Int32Array(mentions.reduce((n, m) => Math.max(n, m.end), 0) + 1);
  const overlapsKept = (m: Mention) => (m.end > m.start ? covers(keptAt, m) : keptOrgs.some((k) => overlaps(k, m)));
  for (const m of orgs.sort((a, b) => b.end - b.start - (a.end - a.start) || (a.rule === 'org.gazetteer' ? -1 : 1))) {
    if (!overlapsKept(m)) {
      keptOrgs.push(m);
      keptAt.fill(keptOrgs.length, m.start, m.end);
    }
  }
  const insideKept = (m: Mention) => (m.end > m.start ? keptAt[m.start] !== 0 && keptAt[m.start] === keptAt[m.end - 1] : keptOrgs.some((o) => inside(m, o)));
  // people outside every kept body, by start, with the furthest end so far: is a place inside one of them?
  const freePeople = people.filter((p) => !overlapsKept(p)).sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  freePeople.forEach((p, k) => reach.push(Math.max(p.end, k ? reach[k - 1] : -1)));
  const insideFreePerson = (m: Mention) => {
    const k = lowerBound(freePeople, m.start + 1, byStart) - 1; // the people starting at or before m
    return k >= 0 && reach[k] >= m.end;
  };
  const out: Mention[] = [...keptOrgs];
  for (const m of mentions) {
    if (m.kind === 'organization') {
      if (m.props.generic && !overlapsKept(m)) out.push(m);
      continue;
    }
    if (m.kind === 'person' && overlapsKept(m)) continue; // Heydər Əliyev Fondu
    if (m.kind === 'place' && insideFreePerson(m)) continue;
    // a continent or region inside a body's name (Avropa Komissiyası) is not used as a place;
    // a country or city there is the body's seat or owner (Naftalan Şəhər İcra Hakimiyyəti)
    if (m.kind === 'place' && !SEAT_TYPES.has(m.type) && insideKept(m)) continue;
    if ((m.kind === 'area' || m.kind === 'document') && overlapsKept(m)) continue;
    out.push(m);
  }
  // people: the longest of overlapping ones (sorted by start, so an earlier one overlaps iff it reaches past the start)
  const result: Mention[] = [];
  let personEnd = -Infinity;
  let placeEnd = -Infinity;
  for (const m of out.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (m.kind === 'person' && (m.end > m.start ? personEnd > m.start : result.some((r) => r.kind === 'person' && overlaps(r, m)))) continue;
    if (m.kind === 'place' && (m.end > m.start ? placeEnd > m.start : result.some((r) => r.kind === 'place' && overlaps(r, m)))) continue;
    result.push(m);
    if (m.kind === 'person') personEnd = Math.max(personEnd, m.end);
    if (m.kind === 'place') placeEnd = Math.max(placeEnd, m.end);
  }
  return result;
}

function span(state: DocState, m: { start: number; end: number }): Span {
  return { start: m.start, end: m.end, text: state.article.text.slice(m.start, m.end) };
}

function surnameOf(name: string, lower: Lower): string {
  const w = name.split(/[\s.]+/).filter(Boolean);
  return lower(w[w.length - 1] ?? '');
}

/** The forms a name's last word may stand for (Kiralin → kirali). */
function lastWordForms(name: string, lower: Lower): Set<string> {
  const w = lower(name).split(/\s+/).pop() ?? '';
  const forms = new Set([w]); // (loops: see joinTokens)
  for (const a of analyse(w)) forms.add(a.stem);
  for (const n of nominatives(w)) forms.add(n);
  return forms;
}

/** Groups person mentions: initials and shorter forms join the fullest matching name. */
function personGroups(people: Mention[], lower: Lower): Map<string, Mention[]> {
  const full = people.filter((p) => !p.props.initials).sort((a, b) => b.name.length - a.name.length);
  const groups = new Map<string, Mention[]>();
  const canon = new Map<string, Mention>();
  // the canonical names by first and by last word, in the order they were found (a scan of all of them per person was quadratic)
  const byFirst = new Map<string, { c: Mention; cw: string[] }[]>();
  const byLast = new Map<string, { c: Mention; cw: string[] }[]>();
  const addTo = (m: Map<string, { c: Mention; cw: string[] }[]>, k: string, v: { c: Mention; cw: string[] }) => {
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  };
  const join = (key: string, p: Mention) => {
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  };
  for (const p of full) {
    const words = lower(p.name).split(/\s+/);
    let forms: Set<string> | null = null;
    const host = byFirst.get(words[0])?.find(({ cw }) => cw[cw.length - 1] === words[words.length - 1] || (forms ??= lastWordForms(p.name, lower)).has(cw[cw.length - 1]))?.c;
    const key = host ? host.key : p.key;
    if (!host && !canon.has(p.key)) {
      canon.set(p.key, p);
      addTo(byFirst, words[0], { c: p, cw: words });
      addTo(byLast, words[words.length - 1], { c: p, cw: words });
    }
    join(key, p);
  }
  for (const p of people.filter((x) => x.props.initials)) {
    const sn = surnameOf(p.name, lower);
    const initials = p.name.replace(/\s/g, '').split('.').slice(0, -1).map(lower);
    const host = byLast.get(sn)?.find(({ cw }) => !initials.length || cw[0].startsWith(initials[0]))?.c;
    const key = host ? host.key : p.key;
    join(key, p);
  }
  return groups;
}

function contentWords(lowered: string): Set<string> {
  return new Set(lowered.split(/[\s,]+/).filter((w) => w.length > 2 && w !== 'və' && w !== 'üzrə'));
}

/** The last word of a lower-cased name. */
const lastWordOf = (lowered: string) => lowered.split(/\s+/).pop()!;

/**
 * Two wordings of one body: same location and head, and most words shared
 * (`words` gives a lower-cased name's last word and content words).
 */
function sameBody(a: Mention, b: Mention, lower: Lower, words: (lowered: string) => { last: string; content: Set<string> }): boolean {
  const na = lower(a.name);
  const nb = lower(b.name);
  if (a.location && b.location && a.location !== b.location) return false;
  // one name is the other without its owner or without its leading words (Dövlət Xidməti, Milli Observatoriya)
  if (na === nb || (nb.includes(' ') && na.endsWith(' ' + nb)) || (na.includes(' ') && nb.endsWith(' ' + na))) return true;
  if (a.location !== b.location || !a.location) return false;
  const wa = words(na);
  const wb = words(nb);
  if (wa.last !== wb.last) return false;
  const ca = wa.content;
  const cb = wb.content;
  let shared = 0;
  for (const w of ca) if (cb.has(w)) shared++;
  return shared / Math.min(ca.size, cb.size) >= 0.5 && shared >= 2;
}

/** The entities being built, by key: a mention joins one with its span, names and facts. */
class EntityTable {
  readonly byKey = new Map<string, Entity>();
  // the spans of an entity with many, one number per start and end (kept in step with e.spans, which other steps also push to)
  private readonly spanKeys = new Map<Entity, { seen: number; keys: Set<number> }>();

  constructor(private readonly state: DocState) {}

  private spanKey(s: { start: number; end: number }): number {
    return s.start * (this.state.article.text.length + 1) + s.end;
  }

  private hasSpan(e: Entity, m: Mention): boolean {
    // most entities have a few spans, some thousands
    if (e.spans.length <= 8) return e.spans.some((s) => s.start === m.start && s.end === m.end);
    let k = this.spanKeys.get(e);
    if (!k) this.spanKeys.set(e, (k = { seen: 0, keys: new Set() }));
    for (; k.seen < e.spans.length; k.seen++) k.keys.add(this.spanKey(e.spans[k.seen]));
    return k.keys.has(this.spanKey(m));
  }

  add(m: Mention, key = m.key): Entity {
    let e = this.byKey.get(key);
    if (!e) {
      e = { kind: m.kind, key, id: '', type: m.type, name: m.name, alternateNames: [], spans: [], props: {}, links: {} };
      this.byKey.set(key, e);
    }
    if (!this.hasSpan(e, m)) e.spans.push(span(this.state, m));
    if (m.name !== e.name && !e.alternateNames.includes(m.name)) e.alternateNames.push(m.name);
    for (const k in m.props) {
      if (k === 'alternateName') {
        for (const a of m.props[k] as string[]) if (a !== e.name && !e.alternateNames.includes(a)) e.alternateNames.push(a);
      } else if (!(k in e.props)) e.props[k] = m.props[k];
    }
    if (m.location) {
      const l = (e.links.location ??= []);
      if (!l.includes(m.location)) l.push(m.location);
    }
    return e;
  }
}

export function link(state: DocState): DocState {
  const mentions = resolveOverlaps(state.mentions);
  const lower = memoised(lowerAz);
  const table = new EntityTable(state);
  const entities = table.byKey;
  const personOf = linkPeople(mentions, table, lower);
  linkLoneNames(state, mentions, entities, lower);
  const orgKeyOf = linkOrganizations(state, mentions, table, lower);
  linkPlaces(mentions, table, lower);
  const docs = linkDocumentTitles(mentions, table);
  linkDocumentReferences(state, mentions, docs, entities);
  // relations
  linkPosts(state, mentions, personOf, orgKeyOf, entities, lower);
  linkParents(orgKeyOf, entities);
  linkDocuments(state, docs, mentions, orgKeyOf, entities);
  for (const e of entities.values()) {
    if (e.kind === 'organization' && e.links.location && !e.links.location.every((k) => entities.has(k))) {
      e.links.location = e.links.location.filter((k) => entities.has(k));
      if (!e.links.location.length) delete e.links.location;
    }
    // (most are in order already)
    if (!isSorted(e.spans)) e.spans.sort((a, b) => a.start - b.start);
  }
  return { ...state, mentions, entities: [...entities.values()] };
}

/** People: a group of mentions of one person is one entity, named by its fullest mention. Returns each mention's entity key. */
function linkPeople(mentions: Mention[], table: EntityTable, lower: Lower): Map<Mention, string> {
  const groups = personGroups(mentions.filter((m) => m.kind === 'person'), lower);
  const personOf = new Map<Mention, string>();
  for (const [key, ms] of groups) {
    const best = ms.find((m) => m.key === key) ?? ms[0];
    const e = table.add(best, key);
    personOf.set(best, key);
    for (const m of ms) {
      table.add(m, key);
      personOf.set(m, key);
    }
    e.name = best.name;
    e.alternateNames = e.alternateNames.filter((n) => n !== e.name);
  }
  return personOf;
}

/**
 * Lone surnames / given names later in the text are the same person (one pass over the tokens
 * outside every mention, looking each one's forms up among the people's surnames and given names).
 */
function linkLoneNames(state: DocState, mentions: Mention[], entities: Map<string, Entity>, lower: Lower): void {
  const givenNames = lexicon().givenNames;
  const bySurname = new Map<string, { e: Entity; words: string[]; sn: string; given: string }[]>();
  for (const e of entities.values()) {
    if (e.kind !== 'person') continue;
    const words = e.name.split(/\s+/);
    if (words.length < 2) continue;
    const p = { e, words, sn: lower(words[words.length - 1]), given: lower(words[0]) };
    for (const w of new Set([p.sn, ...(givenNames.has(p.given) ? [p.given] : [])])) {
      const l = bySurname.get(w);
      if (l) l.push(p);
      else bySurname.set(w, [p]);
    }
  }
  if (!bySurname.size) return;
  // a token is taken when a mention overlaps it: tokens and mentions both taken in order, one does iff the
  // furthest end among the (non-empty) mentions starting before the token ends is past its start
  let started = 0;
  let reach = -1;
  for (const t of state.tokens) {
    if (!t.upper || t.kind !== 'word') continue;
    for (; started < mentions.length && mentions[started].start < t.end; started++) {
      const m = mentions[started];
      if (m.end > m.start) reach = Math.max(reach, m.end);
    }
    if (reach > t.start) continue;
    // the word's forms are it and its readings' nominatives: most words are no one's name
    if (!bySurname.has(t.lower) && !analyse(t.lower).some((a) => bySurname.has(a.nominative))) continue;
    const forms = [t.lower, ...nominatives(t.lower)];
    const seen = new Set<Entity>();
    for (const f of forms) {
      for (const { e, words, sn, given } of bySurname.get(f) ?? []) {
        if (seen.has(e)) continue;
        seen.add(e);
        const hit = forms.includes(sn) ? words[words.length - 1] : forms.includes(given) && givenNames.has(given) ? words[0] : null;
        if (!hit) continue;
        e.spans.push({ start: t.start, end: t.end, text: t.text });
        if (!e.alternateNames.includes(hit)) e.alternateNames.push(hit);
      }
    }
  }
}

/**
 * Organizations: by key, then two wordings of one body join; a generic reference (Nazirlik)
 * joins the body used last that it fits. Returns each named body mention's entity key.
 */
function linkOrganizations(state: DocState, mentions: Mention[], table: EntityTable, lower: Lower): Map<Mention, string> {
  const orgMentions = mentions.filter((m) => m.kind === 'organization');
  const orgKeyOf = new Map<Mention, string>();
  const lastWord = memoised((name) => lastWordOf(lower(name)));
  const bodyWords = memoised((lowered) => ({ last: lastWordOf(lowered), content: contentWords(lowered) }));
  // the named bodies so far, once per (key, name, location) — all that sameBody looks at — by the last
  // word of the name, in order of first use (two wordings of one body share it)
  const namedByLastWord = new Map<string, Mention[]>();
  // A generic reference joins the body used last whose last word is the reference, or has a form that
  // starts like the reference's head. The references of an article ask few such questions (one per
  // head), so each use of a name records itself as the latest answer to the questions it answers
  // (looking through every name used so far, per reference, was quadratic).
  type Question = { word: string; stem: string; latest?: { n: Mention } };
  const questions: Question[] = []; // (one per head: a handful)
  const questionOf = (m: Mention) => {
    const word = lower(m.name);
    const stem = m.key.slice(4).slice(0, -1);
    let q = questions.find((x) => x.word === word && x.stem === stem);
    if (!q) questions.push((q = { word, stem }));
    return q;
  };
  for (const m of orgMentions) if (m.props.generic) questionOf(m);
  const uses = new Map<string, { n: Mention; answers: Question[] }>(); // by name
  for (const m of orgMentions) {
    if (m.props.generic) {
      const target = questionOf(m).latest?.n;
      if (target) table.byKey.get(orgKeyOf.get(target)!)?.spans.push(span(state, m));
      continue;
    }
    const last = lastWord(m.name);
    let named = namedByLastWord.get(last);
    if (!named) namedByLastWord.set(last, (named = []));
    const same = named.find((n) => orgKeyOf.get(n) !== m.key && sameBody(n, m, lower, bodyWords));
    const key = same ? orgKeyOf.get(same)! : m.key;
    table.add(m, key);
    orgKeyOf.set(m, key);
    if (!named.some((n) => orgKeyOf.get(n) === key && n.name === m.name && n.location === m.location)) named.push(m);
    if (!questions.length) continue;
    let use = uses.get(m.name);
    if (!use) {
      const forms = nominatives(last);
      use = { n: m, answers: questions.filter((q) => q.word === last || forms.some((x) => x.startsWith(q.stem))) };
      uses.set(m.name, use);
    }
    use.n = m;
    for (const q of use.answers) q.latest = use;
  }
  return orgKeyOf;
}

/**
 * Places, dates and areas by key, in the order mentioned; a place named by its first word and by a
 * longer designated form (Ordubad / Ordubad rayonu, Naxçıvan / Naxçıvan Muxtar Respublikası) is one place.
 */
function linkPlaces(mentions: Mention[], table: EntityTable, lower: Lower): void {
  const placeKeyOf = new Map<string, string>();
  const places = mentions.filter((m) => m.kind === 'place');
  // the one-word name joins the first place (not a country, with another key) whose name starts with
  // it and a space: the places by their first word, the first of each and the first with another key
  const byFirstWord = new Map<string, { first: Mention; other?: Mention }>();
  for (const o of places) {
    const n = lower(o.name);
    const space = n.indexOf(' ');
    if (o.type === 'Country' || space < 0) continue;
    const c = byFirstWord.get(n.slice(0, space));
    if (!c) byFirstWord.set(n.slice(0, space), { first: o });
    else if (!c.other && o.key !== c.first.key) c.other = o;
  }
  // (the last place to set a key wins)
  for (const m of places) {
    const n = lower(m.name);
    if (m.type === 'Country' || /\s/.test(n)) continue;
    const c = byFirstWord.get(n);
    const longer = c && (c.first.key !== m.key ? c.first : c.other);
    if (longer) placeKeyOf.set(m.key, longer.key);
  }
  // the longest name of each (joined) place, the first of equals
  const longestOf = new Map<string, Mention>();
  for (const p of places) {
    const k = placeKeyOf.get(p.key) ?? p.key;
    const l = longestOf.get(k);
    if (!l || p.name.length > l.name.length) longestOf.set(k, p);
  }
  for (const m of mentions) {
    if (m.kind === 'place') {
      const key = placeKeyOf.get(m.key) ?? m.key;
      const e = table.add(m, key);
      const longest = longestOf.get(key);
      if (longest && e.name !== longest.name) {
        e.alternateNames = [...new Set([e.name, ...e.alternateNames])].filter((n) => n !== longest.name);
        e.name = longest.name;
        e.type = longest.type;
      }
    } else if (m.kind === 'date' || m.kind === 'area') table.add(m);
  }
}

/** Documents by key, named by their fullest title. Returns the document mentions. */
function linkDocumentTitles(mentions: Mention[], table: EntityTable): Mention[] {
  const docs = mentions.filter((m) => m.kind === 'document');
  for (const m of docs) {
    const e = table.add(m);
    if (m.name.length > e.name.length) {
      if (!e.alternateNames.includes(e.name)) e.alternateNames.push(e.name);
      e.name = m.name;
    }
    e.alternateNames = e.alternateNames.filter((n) => n !== e.name);
  }
  return docs;
}

/** "Sənəddə", "həmin sənəd": a later reference joins the document named last before it. */
function linkDocumentReferences(state: DocState, mentions: Mention[], docs: Mention[], entities: Map<string, Entity>): void {
  if (!docs.length) return;
  const toks = state.tokens;
  const docHeadTokens = new Set(docs.map((d) => d.props.headIndex as number));
  // (tokens and mentions both taken in order: a token is inside a mention iff the furthest end among those starting at or
  // before it reaches it; the document named last before a token: the highest index among those ending before it)
  const docsByEnd: { d: Mention; k: number }[] = []; // (a loop: see joinTokens)
  for (let k = 0; k < docs.length; k++) docsByEnd.push({ d: docs[k], k });
  docsByEnd.sort((a, b) => a.d.end - b.d.end);
  let ended = 0;
  let lastDoc = -1;
  let started = 0;
  let reach = -Infinity;
  // (a token before the first document ends has none to refer to)
  for (let i = lowerBound(toks, docsByEnd[0].d.end, byStart); i < toks.length; i++) {
    const t = toks[i];
    for (; started < mentions.length && mentions[started].start <= t.start; started++) reach = Math.max(reach, mentions[started].end);
    if (t.kind !== 'word' || reach >= t.end || docHeadTokens.has(i) || !isSenad(state.analyses[i])) continue;
    for (; ended < docsByEnd.length && docsByEnd[ended].d.end <= t.start; ended++) lastDoc = Math.max(lastDoc, docsByEnd[ended].k);
    const prev = lastDoc >= 0 ? docs[lastDoc] : undefined;
    if (prev) entities.get(prev.key)?.spans.push({ start: t.start, end: t.end, text: t.text });
  }
}

/** A reading of "sənəd" in the singular among a word's readings. */
function isSenad(readings: Analysis[] | undefined): boolean {
  return !!readings?.some((a) => a.stem === 'sənəd' && !a.plural);
}

/** A body named after its parent in the genitive (Avropa Komissiyasının … Baş Direktorluğu). */
function linkParents(orgKeyOf: Map<Mention, string>, entities: Map<string, Entity>): void {
  // the named bodies, by start, never overlap: the one around a position is the last starting at or before it
  const bodies = [...orgKeyOf.keys()].filter((o) => o.end > o.start);
  for (const m of orgKeyOf.keys()) {
    const at = m.props.parentAt as number | undefined;
    if (at === undefined) continue;
    const k = lowerBound(bodies, at + 1, byStart) - 1;
    const parent = k >= 0 && at < bodies[k].end ? bodies[k] : undefined;
    const key = parent && orgKeyOf.get(parent);
    const e = entities.get(orgKeyOf.get(m)!);
    if (e && key && key !== e.key) e.links.parentOrganization = [key];
  }
}

const CONTEXT = readJson<{ appointment: string[]; boards?: string[] }>('context.json');
const APPOINTMENT = new Set(CONTEXT.appointment);
const BOARDS = new Set((CONTEXT.boards ?? []).map(lowerAz));
// the organization heads' izafet forms that a title word's first four letters begin (naziri → nazirliyi), by those letters
const IZAFETS_BY_TITLE = new Map<string, string[]>();
function izafetsFor(title: string): string[] {
  const prefix = title.slice(0, 4);
  let izafets = IZAFETS_BY_TITLE.get(prefix);
  if (!izafets) IZAFETS_BY_TITLE.set(prefix, (izafets = lexicon().orgHeads.filter((h) => h.izafet.startsWith(prefix)).map((h) => h.izafet)));
  return izafets;
}

/** jobTitle, worksFor and nationality from "<org/country>-in <post> <Person>" and "<domain> naziri" ↔ "<Domain> Nazirliyi". */
function linkPosts(state: DocState, mentions: Mention[], personOf: Map<Mention, string>, orgKeyOf: Map<Mention, string>, entities: Map<string, Entity>, lower: Lower): void {
  const toks = state.tokens;
  const titleForms = lexicon().titleForms;
  const tokenAt = (pos: number) => {
    const k = lowerBound(toks, pos, byStart);
    return k < toks.length ? k : -1;
  };
  // the people named right after a post (… naziri Sahil Babayev), with the post's title word: few articles have many
  const posts: { p: Mention; ti: number }[] = [];
  for (const p of mentions) {
    if (p.kind !== 'person' || p.props.initials) continue;
    const i = tokenAt(p.start);
    let ti = i - 1;
    // "<post> təyin olunan <Person>": the appointment words stand between
    while (ti > 0 && i - ti <= 3 && APPOINTMENT.has(toks[ti].lower)) ti--;
    if (ti >= 0 && titleForms.has(toks[ti].lower)) posts.push({ p, ti });
  }
  if (!posts.length) return;
  const orgs = mentions.filter((m) => m.kind === 'organization' && !m.props.generic);
  // (range searches and look-ups by name instead of scans of every mention per person)
  const orgsByEnd: { o: Mention; k: number; end: number }[] = []; // (a loop: see joinTokens)
  for (let k = 0; k < orgs.length; k++) orgsByEnd.push({ o: orgs[k], k, end: orgs[k].end });
  orgsByEnd.sort((a, b) => a.end - b.end || a.k - b.k);
  const orgByName = new Map<string, { o: Mention; k: number }>(); // lower-cased name → the first body with it
  orgs.forEach((o, k) => {
    if (!orgByName.has(lower(o.name))) orgByName.set(lower(o.name), { o, k });
  });
  const persons = mentions.filter((m) => m.kind === 'person');
  const countries = mentions.filter((m) => m.kind === 'place' && m.key.startsWith('country:'));
  const longestCountry = countries.reduce((n, m) => Math.max(n, m.end - m.start), 0);
  for (const { p, ti } of posts) {
    const person = entities.get(personOf.get(p)!);
    if (!person) continue;
    // the post phrase: lower-case words (and connectors) before the title word
    let a = ti;
    while (a > 0 && toks[a - 1].sentence === toks[ti].sentence && !toks[a - 1].upper && toks[a - 1].kind === 'word' && ti - a < 14) a--;
    // 1) "<domain> naziri" names the body "<Domain> Nazirliyi" of this article (the longest domain that does)
    let org: Mention | undefined;
    let domainStart = -1;
    const izafets = izafetsFor(toks[ti].lower);
    // the candidate domains, shortest first: the lower-case words from some k up to the title word
    const domains: string[] = [];
    for (let k = ti - 1; k >= a; k--) domains.push(domains.length ? `${toks[k].lower} ${domains[domains.length - 1]}` : toks[k].lower);
    for (let k = a; k < ti && !org; k++) {
      const domain = domains[ti - 1 - k];
      // the first body (in the text) named "<domain> <head>"
      let first: { o: Mention; k: number } | undefined;
      for (const izafet of izafets) {
        const named = orgByName.get(`${domain} ${izafet}`);
        if (named && (!first || named.k < first.k)) first = named;
      }
      org = first?.o;
      if (org) domainStart = k;
    }
    if (!person.props.jobTitle) {
      // the domain that names the body is the post's complement as written (… inkişafı naziri)
      person.props.jobTitle = domainStart >= 0 ? joinTokens(toks, domainStart, ti + 1, 'lower') : jobTitle(state, a, ti);
    }
    // 2) an organization in the genitive just before the post (Xidmətinin rəisi, Bankının … direktoru)
    if (!org) {
      // the nearest body ending within 80 code units before the post, in its sentence, with no person in between (the first of equals)
      const at = toks[a].start;
      org = undefined;
      for (let k = lowerBound(orgsByEnd, at - 79, byEnd); k < orgsByEnd.length && orgsByEnd[k].end <= at; k++) {
        const { o } = orgsByEnd[k];
        if (toks[tokenAt(o.end) - 1]?.sentence !== toks[ti].sentence) continue;
        if (startingIn(persons, o.end, at + 1).some((m) => m.end <= at)) continue;
        if (!org || o.end > org.end) org = o;
      }
      if (org) {
        const last = tokenAt(org.end) - 1;
        const between = joinTokens(toks, last + 1, a, 'text');
        if (/[.;:!?]/.test(between) || !(state.analyses[last] ?? []).some((x) => x.case === 'gen') && !toks[last + 1]?.text.startsWith('-')) org = undefined;
        // another body or a country in between owns the post instead
        else if (startingIn(mentions, org.end, toks[a].start + 1).some((m) => (m.kind === 'organization' || (m.kind === 'place' && genitiveAt(state, m.end))) && m.start >= org!.end && m.end <= toks[a].start)) org = undefined;
      }
    }
    // a board (İdarə Heyəti) of a named body: the person works for the body
    if (org && BOARDS.has(lower(org.name))) {
      // the last body (in the text) ending at most 8 code units before the board, with only a suffix between
      let owner: { o: Mention; k: number } | undefined;
      for (let k = lowerBound(orgsByEnd, org.start - 8, byEnd); k < orgsByEnd.length && orgsByEnd[k].end <= org.start; k++) {
        const o = orgsByEnd[k];
        if ((!owner || o.k > owner.k) && /^[\s"“”'’]*\p{Ll}{0,3}[\s"“”'’-]*\p{Ll}{0,3}\s*$/u.test(state.article.text.slice(o.end, org.start))) owner = o;
      }
      if (owner) org = owner.o;
    }
    if (org) {
      const key = orgKeyOf.get(org)!;
      person.links.worksFor = [...new Set([...(person.links.worksFor ?? []), key])];
      const loc = entities.get(key)?.links.location?.[0] ?? org.location;
      if (loc?.startsWith('country:') && entities.has(loc)) person.links.nationality = [loc];
    }
    // nationality from "<Country>(-ın) … <post>" right before
    if (!person.links.nationality) {
      const place = startingIn(countries, toks[a].start - 40 - longestCountry, toks[a].start + 1).find((m) => m.kind === 'place' && m.key.startsWith('country:') && m.end <= toks[a].start && toks[a].start - m.end <= 40 && !/[.,;]|\süzrə\s/.test(state.article.text.slice(m.end, toks[ti].start))); // not the country a post is about (Türkiyə üzrə direktoru)
      if (place) person.links.nationality = [place.key];
    }
  }
}

function genitiveAt(state: DocState, end: number): boolean {
  let i = lowerBound(state.tokens, end, byEnd);
  if (state.tokens[i]?.end !== end) i = -1;
  return i >= 0 && (state.analyses[i] ?? []).some((a) => a.case === 'gen' && a.nominative !== state.tokens[i].lower);
}

/**
 * The post in the nominative: the title word with the complement that belongs to it
 * (əmək və əhalinin sosial müdafiəsi naziri, mətbuat xidmətinin rəhbəri); a bare title
 * takes its dictionary form (Prezidenti → prezident).
 */
function jobTitle(state: DocState, a: number, ti: number): string {
  const toks = state.tokens;
  // the complement: genitives, bare nouns and "və" right before the title word, back to a
  let k = ti;
  while (k > a) {
    const t = toks[k - 1];
    const r = (state.analyses[k - 1] ?? [])[0];
    const izafet = (state.analyses[k - 1] ?? []).some((x) => x.possessive && x.nominative === t.lower && x.score >= 0.9);
    const ok = t.lower === 'və' || izafet || (r && (r.case === 'gen' || (r.case === 'nom' && !/(?:an|ən|ıb|ib|ub|üb|dı|di)$/.test(t.lower)))) || (!r && t.kind === 'word');
    if (!ok || ['üzrə', 'ilə', 'bu', 'o', 'isə'].includes(t.lower)) break;
    k--;
  }
  while (k < ti && toks[k].lower === 'və') k++;
  if (k < ti) return joinTokens(toks, k, ti + 1, 'lower');
  const title = toks[ti].lower;
  return titleNominatives().get(title) ?? title;
}

// a title's dictionary form by its izafet form (the first title listed with it)
let titleNominativeMap: Map<string, string> | null = null;
function titleNominatives(): Map<string, string> {
  if (!titleNominativeMap) {
    titleNominativeMap = new Map();
    for (const t of lexicon().titles) if (!titleNominativeMap.has(t.izafet)) titleNominativeMap.set(t.izafet, t.nominative);
  }
  return titleNominativeMap;
}

/** A document's parties (A ilə B arasında), period, date, areas and the document it is based on. */
function linkDocuments(state: DocState, docs: Mention[], mentions: Mention[], orgKeyOf: Map<Mention, string>, entities: Map<string, Entity>): void {
  if (!docs.length) return;
  const toks = state.tokens;
  // (range searches instead of scans of the sentence or of every mention per document)
  const within = (from: number, to: number) => startingIn(mentions, from, to);
  const namedOrgs = mentions.filter((m) => m.kind === 'organization' && !m.props.generic);
  const longestOrg = namedOrgs.reduce((n, m) => Math.max(n, m.end - m.start), 0);
  // the dates and the "arasında" tokens of a sentence, found once for all the documents in it
  const sentenceFacts = new Map<number, { dates: Mention[]; arasindaAt: number[] }>();
  const factsOf = (k: number) => {
    let facts = sentenceFacts.get(k);
    if (!facts) {
      const { start, end, first, last } = state.sentences[k];
      const arasindaAt: number[] = [];
      for (let i = first; i < last; i++) if (toks[i].lower === 'arasında') arasindaAt.push(i);
      const dates = within(start, end + 1).filter((m) => m.kind === 'date' && m.props.value && m.start >= start && m.end <= end);
      sentenceFacts.set(k, (facts = { dates, arasindaAt }));
    }
    return facts;
  };
  let president: Entity | undefined | null = null; // looked up once
  for (const d of docs) {
    const e = entities.get(d.key)!;
    const hi = d.props.headIndex as number;
    const sentence = state.sentences[toks[hi].sentence];
    const { dates, arasindaAt } = factsOf(toks[hi].sentence);
    const titleStart = (d.props.titleStart as number) ?? d.start;
    const inSentence = (m: Mention) => m.start >= sentence.start && m.end <= sentence.end;
    // parties: "A ilə B arasında" — the two bodies (or, without bodies, countries) right before the last "arasında" before the head
    const last = lowerBound(arasindaAt, hi, itself) - 1;
    const arasinda = last >= 0 ? arasindaAt[last] - sentence.first : -1;
    const previous = last > 0 ? arasindaAt[last - 1] - sentence.first : -1;
    if (arasinda >= 0) {
      const limit = toks[sentence.first + arasinda].start;
      const from = arasinda > 0 ? Math.max(sentence.start, (previous >= 0 ? toks[sentence.first + previous].end : sentence.start)) : sentence.start;
      const candidates = within(from, limit + 1).filter((m) => !m.props.generic && inSentence(m) && m.end <= limit && m.start >= from);
      const bodies = candidates.filter((m) => m.kind === 'organization');
      const chosen = (bodies.length ? bodies : candidates.filter((m) => m.kind === 'place')).slice(-2);
      const keys: string[] = []; // (a loop: see joinTokens)
      for (const m of chosen) {
        const k = m.kind === 'organization' ? orgKeyOf.get(m) : m.key;
        if (k && entities.has(k)) keys.push(k);
      }
      if (keys.length) e.links.parties = [...new Set([...(e.links.parties ?? []), ...keys])];
    }
    // who passed a legal act: the body (Nazirlər Kabinetinin qərarı) or the President (Prezidentin Sərəncamı) named right before it
    if (e.type === 'Legislation' && !e.links.legislationPassedBy) {
      const issuer = within(d.start - 3 - longestOrg, d.start + 1).find((m) => m.kind === 'organization' && !m.props.generic && m.end <= d.start && d.start - m.end <= 3);
      if (issuer && orgKeyOf.get(issuer)) e.links.legislationPassedBy = [orgKeyOf.get(issuer)!];
      else if (hi > 0 && /^prezident/.test(toks[hi - 1].lower)) {
        if (president === null) president = [...entities.values()].find((p) => p.kind === 'person' && /prezident/i.test(String(p.props.jobTitle ?? '')));
        if (president) e.links.legislationPassedBy = [president.key];
      }
    }
    const addLink = (rel: string, key: string) => {
      const keys = (e.links[rel] ??= []);
      if (!keys.includes(key)) keys.push(key);
    };
    for (const m of dates) {
      const v = String(m.props.value);
      if (v.includes('/') && m.end <= d.start && d.start - m.end < 20) e.props.temporalCoverage ??= v;
      // the date it was signed or adopted stands before it in the sentence (Ötən ilin may ayında … Memorandumu imzalanıb)
      else if (!v.includes('/') && !e.props.dateCreated && m.end <= d.start) {
        e.props.dateCreated = v;
        if (e.type === 'Legislation') e.props.legislationDate = v;
      }
      addLink('dates', m.key);
    }
    // the areas in its title, and the document it is based on (named in its title)
    for (const m of within(titleStart, d.end + 1)) {
      if (!inSentence(m)) continue;
      if (m.kind === 'area' && m.end <= d.end) addLink('about', m.key);
      if (m.kind === 'document' && m !== d && m.key !== d.key && m.end <= d.start) e.links.isBasedOn = [m.key];
    }
  }
}
