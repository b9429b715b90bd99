// Stage 5 — link: resolves overlapping mentions, merges mentions of one
// entity (initials and lone surnames join the full name; two wordings of one
// body join), and adds the relations: worksFor / jobTitle / nationality,
// an organization's location, a document's parties, dates, areas and basis.
import { lexicon } from './lang/az/lexicon.js';
import { readJson } from './lang/az/data.js';
import { lowerAz } from './lang/az/text.js';
import { analyse, nominatives } from './morphology.js';
import type { DocState, Entity, Mention, Span } from './types.js';

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const inside = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start >= b.start && a.end <= b.end;

// Linear-time helpers (scanning every mention or token per mention was quadratic on long articles).
/** Index of the first item whose `start` (or the given key) is ≥ pos, in an array sorted by it; length if none. */
function lowerBound<T>(xs: readonly T[], pos: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(xs[mid]) >= pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
const byStart = (x: { start: number }) => x.start;
const byEnd = (x: { end: number }) => x.end;
/** Code units covered by any of the ranges (each holds 1 + the index of the range covering it last). */
function coverage(ranges: readonly { start: number; end: number }[]): Int32Array {
  let n = 0;
  for (const r of ranges) n = Math.max(n, r.end);
  const cover = new Int32Array(n + 1);
  ranges.forEach((r, k) => cover.fill(k + 1, r.start, r.end));
  return cover;
}
const covers = (cover: Int32Array, r: { start: number; end: number }) => {
  for (let i = r.start; i < r.end && i < cover.length; i++) if (cover[i]) return true;
  return false;
};

/** Drops mentions that a more specific one covers. */
function resolveOverlaps(mentions: Mention[]): Mention[] {
  const orgs = mentions.filter((m) => m.kind === 'organization' && !m.props.generic);
  const people = mentions.filter((m) => m.kind === 'person');
  // organizations: keep the longest of overlapping ones (gazetteer wins a tie)
  const keptOrgs: Mention[] = [];
  // the kept bodies never overlap each other: which one covers each code unit
  const keptAt = new Int32Array(mentions.reduce((n, m) => Math.max(n, m.end), 0) + 1);
  const overlapsKept = (m: Mention) => (m.end > m.start ? covers(keptAt, m) : keptOrgs.some((k) => overlaps(k, m)));
  for (const m of [...orgs].sort((a, b) => b.end - b.start - (a.end - a.start) || (a.rule === 'org.gazetteer' ? -1 : 1))) {
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
    if (m.kind === 'place' && !['Country', 'City', 'AdministrativeArea'].includes(m.type) && insideKept(m)) continue;
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

function surnameOf(name: string): string {
  const w = name.split(/[\s.]+/).filter(Boolean);
  return lowerAz(w[w.length - 1] ?? '');
}

/** Groups person mentions: initials and shorter forms join the fullest matching name. */
/** The forms a name's last word may stand for (Kiralin → kirali). */
function lastWordForms(name: string): Set<string> {
  const w = lowerAz(name).split(/\s+/).pop() ?? '';
  return new Set([w, ...analyse(w).map((a) => a.stem), ...nominatives(w)]);
}

function personGroups(people: Mention[]): Map<string, Mention[]> {
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
    const words = lowerAz(p.name).split(/\s+/);
    let forms: Set<string> | null = null;
    const host = byFirst.get(words[0])?.find(({ cw }) => cw[cw.length - 1] === words[words.length - 1] || (forms ??= lastWordForms(p.name)).has(cw[cw.length - 1]))?.c;
    const key = host ? host.key : p.key;
    if (!host && !canon.has(p.key)) {
      canon.set(p.key, p);
      const cw = lowerAz(p.name).split(/\s+/);
      addTo(byFirst, cw[0], { c: p, cw });
      addTo(byLast, cw[cw.length - 1], { c: p, cw });
    }
    join(key, p);
  }
  for (const p of people.filter((x) => x.props.initials)) {
    const sn = surnameOf(p.name);
    const initials = p.name.replace(/\s/g, '').split('.').slice(0, -1).map((x) => lowerAz(x));
    const host = byLast.get(sn)?.find(({ cw }) => !initials.length || cw[0].startsWith(initials[0]))?.c;
    const key = host ? host.key : p.key;
    join(key, p);
  }
  return groups;
}

function contentWords(name: string): Set<string> {
  return new Set(lowerAz(name).split(/[\s,]+/).filter((w) => w.length > 2 && w !== 'və' && w !== 'üzrə'));
}

/** Two wordings of one body: same location and head, and most words shared. */
function sameBody(a: Mention, b: Mention): boolean {
  const na = lowerAz(a.name);
  const nb = lowerAz(b.name);
  if (a.location && b.location && a.location !== b.location) return false;
  // one name is the other without its owner or without its leading words (Dövlət Xidməti, Milli Observatoriya)
  if (na === nb || (nb.split(' ').length >= 2 && na.endsWith(' ' + nb)) || (na.split(' ').length >= 2 && nb.endsWith(' ' + na))) return true;
  if (a.location !== b.location || !a.location) return false;
  const wa = lowerAz(a.name).split(/\s+/);
  const wb = lowerAz(b.name).split(/\s+/);
  if (wa[wa.length - 1] !== wb[wb.length - 1]) return false;
  const ca = contentWords(a.name);
  const cb = contentWords(b.name);
  let shared = 0;
  for (const w of ca) if (cb.has(w)) shared++;
  return shared / Math.min(ca.size, cb.size) >= 0.5 && shared >= 2;
}

export function link(state: DocState): DocState {
  const mentions = resolveOverlaps(state.mentions);
  const toks = state.tokens;
  const entities = new Map<string, Entity>();
  // the spans each entity has, as start:end (kept in step with e.spans, which other steps also push to)
  const spanKeys = new Map<Entity, { seen: number; keys: Set<string> }>();
  const hasSpan = (e: Entity, m: Mention) => {
    let k = spanKeys.get(e);
    if (!k) spanKeys.set(e, (k = { seen: 0, keys: new Set() }));
    for (; k.seen < e.spans.length; k.seen++) k.keys.add(`${e.spans[k.seen].start}:${e.spans[k.seen].end}`);
    return k.keys.has(`${m.start}:${m.end}`);
  };
  const add = (m: Mention, key = m.key): Entity => {
    let e = entities.get(key);
    if (!e) {
      e = { kind: m.kind, key, id: '', type: m.type, name: m.name, alternateNames: [], spans: [], props: {}, links: {} };
      entities.set(key, e);
    }
    if (!hasSpan(e, m)) e.spans.push(span(state, m));
    if (m.name !== e.name && !e.alternateNames.includes(m.name)) e.alternateNames.push(m.name);
    for (const [k, v] of Object.entries(m.props)) {
      if (k === 'alternateName') {
        for (const a of v as string[]) if (a !== e.name && !e.alternateNames.includes(a)) e.alternateNames.push(a);
      } else if (!(k in e.props)) e.props[k] = v;
    }
    if (m.location) e.links.location = [...new Set([...(e.links.location ?? []), m.location])];
    return e;
  };

  // people
  const people = mentions.filter((m) => m.kind === 'person');
  const groups = personGroups(people);
  const personOf = new Map<Mention, string>();
  for (const [key, ms] of groups) {
    const best = ms.find((m) => m.key === key) ?? ms[0];
    const e = add(best, key);
    personOf.set(best, key);
    for (const m of ms) {
      add(m, key);
      personOf.set(m, key);
    }
    e.name = best.name;
    e.alternateNames = e.alternateNames.filter((n) => n !== e.name);
  }
  // lone surnames / given names later in the text are the same person
  // (one pass over the tokens, looking each one's forms up among the people's surnames and given names)
  const mentioned = coverage(mentions);
  const taken = (a: number, b: number) => (b > a ? covers(mentioned, { start: a, end: b }) : mentions.some((m) => m.start < b && a < m.end));
  const bySurname = new Map<string, { e: Entity; words: string[]; sn: string; given: string }[]>();
  for (const e of [...entities.values()].filter((x) => x.kind === 'person')) {
    const words = e.name.split(/\s+/);
    if (words.length < 2) continue;
    const p = { e, words, sn: lowerAz(words[words.length - 1]), given: lowerAz(words[0]) };
    for (const w of new Set([p.sn, ...(lexicon().givenNames.has(p.given) ? [p.given] : [])])) {
      const l = bySurname.get(w);
      if (l) l.push(p);
      else bySurname.set(w, [p]);
    }
  }
  if (bySurname.size) {
    for (const t of toks) {
      if (!t.upper || t.kind !== 'word' || taken(t.start, t.end)) continue;
      const forms = [t.lower, ...nominatives(t.lower)];
      const seen = new Set<Entity>();
      for (const f of forms) {
        for (const { e, words, sn, given } of bySurname.get(f) ?? []) {
          if (seen.has(e)) continue;
          seen.add(e);
          const hit = forms.includes(sn) ? words[words.length - 1] : forms.includes(given) && lexicon().givenNames.has(given) ? words[0] : null;
          if (!hit) continue;
          e.spans.push({ start: t.start, end: t.end, text: t.text });
          if (!e.alternateNames.includes(hit)) e.alternateNames.push(hit);
        }
      }
    }
  }

  // organizations: by key, then join two wordings of one body; generic references join the last named one
  const orgMentions = mentions.filter((m) => m.kind === 'organization');
  const orgKeyOf = new Map<Mention, string>();
  // the named bodies so far, once per (key, name, location) — all that the tests below look at: by the last
  // word of the name, in order of first use (two wordings of one body share it), and by name, in order of last use
  const namedByLastWord = new Map<string, Mention[]>();
  const namedSeen = new Set<string>();
  const lastUseByName = new Map<string, { n: Mention; last: string; forms: string[] }>();
  for (const m of orgMentions) {
    if (m.props.generic) {
      const head = m.key.slice(4);
      let target: Mention | undefined;
      for (const { n, last, forms } of [...lastUseByName.values()].reverse()) {
        if (last === lowerAz(m.name) || forms.some((x) => x.startsWith(head.slice(0, -1)))) {
          target = n;
          break;
        }
      }
      if (target) {
        const e = entities.get(orgKeyOf.get(target)!);
        if (e) e.spans.push(span(state, m));
      }
      continue;
    }
    const lastWord = lowerAz(m.name).split(/\s+/).pop()!;
    const same = namedByLastWord.get(lastWord)?.find((n) => orgKeyOf.get(n) !== m.key && sameBody(n, m));
    const key = same ? orgKeyOf.get(same)! : m.key;
    add(m, key);
    orgKeyOf.set(m, key);
    const sig = JSON.stringify([key, m.name, m.location ?? null]);
    if (!namedSeen.has(sig)) {
      namedSeen.add(sig);
      const l = namedByLastWord.get(lastWord);
      if (l) l.push(m);
      else namedByLastWord.set(lastWord, [m]);
    }
    const prev = lastUseByName.get(m.name);
    lastUseByName.delete(m.name);
    lastUseByName.set(m.name, { n: m, last: prev?.last ?? lastWord, forms: prev?.forms ?? nominatives(lastWord) });
  }

  // places, dates, areas, documents: by key; a place named by its first word and by a longer
  // designated form (Ordubad / Ordubad rayonu, Naxçıvan / Naxçıvan Muxtar Respublikası) is one place
  const placeKeyOf = new Map<string, string>();
  const places = mentions.filter((m) => m.kind === 'place');
  // (each distinct place once — the tests look at type, key and name only — searched in order of first
  // use, and visited in order of last use so that the last one to set a key wins, as before)
  const placeSig = (o: Mention) => JSON.stringify([o.type, o.key, o.name]);
  const uniquePlaces = [...new Map(places.map((o) => [placeSig(o), o] as const)).values()];
  const byLastUse = new Map<string, Mention>();
  for (const o of places) {
    byLastUse.delete(placeSig(o));
    byLastUse.set(placeSig(o), o);
  }
  for (const m of byLastUse.values()) {
    if (m.type === 'Country') continue;
    const words = lowerAz(m.name).split(/\s+/);
    const longer = uniquePlaces.find((o) => o.type !== 'Country' && o.key !== m.key && lowerAz(o.name).split(/\s+/).length > words.length && lowerAz(o.name).startsWith(words.join(' ') + ' '));
    if (longer && words.length === 1) placeKeyOf.set(m.key, longer.key);
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
      const e = add(m, key);
      const longest = longestOf.get(key);
      if (longest && e.name !== longest.name) {
        e.alternateNames = [...new Set([e.name, ...e.alternateNames])].filter((n) => n !== longest.name);
        e.name = longest.name;
        e.type = longest.type;
      }
    } else if (m.kind === 'date' || m.kind === 'area') add(m);
  }
  const docs = mentions.filter((m) => m.kind === 'document');
  for (const m of docs) {
    const e = add(m);
    // the fullest title names the document
    if (m.name.length > e.name.length) {
      if (!e.alternateNames.includes(e.name)) e.alternateNames.push(e.name);
      e.name = m.name;
    }
    e.alternateNames = e.alternateNames.filter((n) => n !== e.name);
  }

  // "Sənəddə", "həmin sənəd": a later reference joins the document named last before it
  const docHeadTokens = new Set(docs.map((d) => d.props.headIndex as number));
  // (mentions are sorted by start: a token is inside one iff the furthest end among those starting at or before it reaches it;
  // the document named last before a token: the highest index among those ending before it, tokens taken in order)
  const mentionReach: number[] = [];
  mentions.forEach((m, k) => mentionReach.push(Math.max(m.end, k ? mentionReach[k - 1] : -Infinity)));
  const insideMention = (t: { start: number; end: number }) => {
    const k = lowerBound(mentions, t.start + 1, byStart) - 1;
    return k >= 0 && mentionReach[k] >= t.end;
  };
  const docsByEnd = docs.map((d, k) => ({ d, k })).sort((a, b) => a.d.end - b.d.end);
  let ended = 0;
  let lastDoc = -1;
  toks.forEach((t, i) => {
    if (t.kind !== 'word' || docHeadTokens.has(i) || insideMention(t)) return;
    if (!(state.analyses[i] ?? []).some((a) => a.stem === 'sənəd' && !a.plural)) return;
    for (; ended < docsByEnd.length && docsByEnd[ended].d.end <= t.start; ended++) lastDoc = Math.max(lastDoc, docsByEnd[ended].k);
    const prev = lastDoc >= 0 ? docs[lastDoc] : undefined;
    if (prev) entities.get(prev.key)?.spans.push({ start: t.start, end: t.end, text: t.text });
  });

  // relations
  linkPosts(state, mentions, personOf, orgKeyOf, entities);
  // a body named after its parent in the genitive (Avropa Komissiyasının … Baş Direktorluğu)
  const bodies = [...orgKeyOf.keys()];
  for (const m of bodies) {
    const at = m.props.parentAt as number | undefined;
    if (at === undefined) continue;
    const parent = bodies.find((o) => o.start <= at && at < o.end);
    const key = parent && orgKeyOf.get(parent);
    const e = entities.get(orgKeyOf.get(m)!);
    if (e && key && key !== e.key) e.links.parentOrganization = [key];
  }
  linkDocuments(state, docs, mentions, orgKeyOf, entities);
  for (const e of entities.values()) {
    if (e.kind !== 'organization' || !e.links.location) continue;
    e.links.location = e.links.location.filter((k) => entities.has(k));
    if (!e.links.location.length) delete e.links.location;
  }
  for (const e of entities.values()) e.spans.sort((a, b) => a.start - b.start);
  return { ...state, mentions, entities: [...entities.values()] };
}

const CONTEXT = readJson<{ appointment: string[]; boards?: string[] }>('context.json');
const APPOINTMENT = new Set(CONTEXT.appointment);
const BOARDS = new Set((CONTEXT.boards ?? []).map(lowerAz));

/** jobTitle, worksFor and nationality from "<org/country>-in <post> <Person>" and "<domain> naziri" ↔ "<Domain> Nazirliyi". */
function linkPosts(state: DocState, mentions: Mention[], personOf: Map<Mention, string>, orgKeyOf: Map<Mention, string>, entities: Map<string, Entity>): void {
  const toks = state.tokens;
  const titleForms = lexicon().titleForms;
  const tokenAt = (pos: number) => {
    const k = lowerBound(toks, pos, byStart);
    return k < toks.length ? k : -1;
  };
  const orgs = mentions.filter((m) => m.kind === 'organization' && !m.props.generic);
  // (range searches instead of scans of every mention per person)
  const orgsByEnd = orgs.map((o, k) => ({ o, k, end: o.end })).sort((a, b) => a.end - b.end || a.k - b.k);
  const persons = mentions.filter((m) => m.kind === 'person');
  const countries = mentions.filter((m) => m.kind === 'place' && m.key.startsWith('country:'));
  const longestCountry = countries.reduce((n, m) => Math.max(n, m.end - m.start), 0);
  /** mentions (sorted by start) that start in [from, to) */
  const startingIn = function* <T extends { start: number }>(xs: readonly T[], from: number, to: number) {
    for (let k = lowerBound(xs, from, byStart); k < xs.length && xs[k].start < to; k++) yield xs[k];
  };
  for (const p of mentions.filter((m) => m.kind === 'person' && !m.props.initials)) {
    const i = tokenAt(p.start);
    let ti = i - 1;
    // "<post> təyin olunan <Person>": the appointment words stand between
    while (ti > 0 && i - ti <= 3 && APPOINTMENT.has(toks[ti].lower)) ti--;
    if (ti < 0 || !titleForms.has(toks[ti].lower)) continue;
    const person = entities.get(personOf.get(p)!);
    if (!person) continue;
    // the post phrase: lower-case words (and connectors) before the title word
    let a = ti;
    while (a > 0 && toks[a - 1].sentence === toks[ti].sentence && !toks[a - 1].upper && toks[a - 1].kind === 'word' && ti - a < 14) a--;
    // 1) "<domain> naziri" names the body "<Domain> Nazirliyi" of this article (the longest domain that does)
    let org: Mention | undefined;
    let domainStart = -1;
    const heads = lexicon().orgHeads;
    for (let k = a; k < ti && !org; k++) {
      const domain = toks.slice(k, ti).map((t) => t.lower).join(' ');
      org = orgs.find((o) => {
        const n = lowerAz(o.name);
        return heads.some((h) => n === `${domain} ${h.izafet}` && h.izafet.startsWith(toks[ti].lower.slice(0, 4)));
      });
      if (org) domainStart = k;
    }
    if (!person.props.jobTitle) {
      // the domain that names the body is the post's complement as written (… inkişafı naziri)
      person.props.jobTitle = domainStart >= 0 ? toks.slice(domainStart, ti + 1).map((t) => t.lower).join(' ') : jobTitle(state, a, ti);
    }
    // 2) an organization in the genitive just before the post (Xidmətinin rəisi, Bankının … direktoru)
    if (!org) {
      // the nearest body ending within 80 code units before the post, in its sentence, with no person in between (the first of equals)
      const at = toks[a].start;
      org = undefined;
      for (let k = lowerBound(orgsByEnd, at - 79, byEnd); k < orgsByEnd.length && orgsByEnd[k].end <= at; k++) {
        const { o } = orgsByEnd[k];
        if (toks[tokenAt(o.end) - 1]?.sentence !== toks[ti].sentence) continue;
        let personBetween = false;
        for (const m of startingIn(persons, o.end, at + 1)) if (m.end <= at) personBetween = true;
        if (personBetween) continue;
        if (!org || o.end > org.end) org = o;
      }
      if (org) {
        const last = tokenAt(org.end) - 1;
        const between = toks.slice(last + 1, a).map((t) => t.text).join(' ');
        if (/[.;:!?]/.test(between) || !(state.analyses[last] ?? []).some((x) => x.case === 'gen') && !toks[last + 1]?.text.startsWith('-')) org = undefined;
        // another body or a country in between owns the post instead
        else if ([...startingIn(mentions, org.end, toks[a].start + 1)].some((m) => (m.kind === 'organization' || (m.kind === 'place' && genitiveAt(state, m.end))) && m.start >= org!.end && m.end <= toks[a].start)) org = undefined;
      }
    }
    // a board (İdarə Heyəti) of a named body: the person works for the body
    if (org && BOARDS.has(lowerAz(org.name))) {
      const owner = orgs.filter((o) => o.end <= org!.start && org!.start - o.end <= 8 && /^[\s"“”'’]*\p{Ll}{0,3}[\s"“”'’-]*\p{Ll}{0,3}\s*$/u.test(state.article.text.slice(o.end, org!.start))).pop();
      if (owner) org = owner;
    }
    if (org) {
      const key = orgKeyOf.get(org)!;
      person.links.worksFor = [...new Set([...(person.links.worksFor ?? []), key])];
      const loc = entities.get(key)?.links.location?.[0] ?? org.location;
      if (loc?.startsWith('country:') && entities.has(loc)) person.links.nationality = [loc];
    }
    // nationality from "<Country>(-ın) … <post>" right before
    if (!person.links.nationality) {
      const place = [...startingIn(countries, toks[a].start - 40 - longestCountry, toks[a].start + 1)].find((m) => m.kind === 'place' && m.key.startsWith('country:') && m.end <= toks[a].start && toks[a].start - m.end <= 40 && !/[.,;]|\süzrə\s/.test(state.article.text.slice(m.end, toks[ti].start))); // not the country a post is about (Türkiyə üzrə direktoru)
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
  if (k < ti) return toks.slice(k, ti + 1).map((t) => t.lower).join(' ');
  const title = toks[ti].lower;
  return lexicon().titles.find((t) => t.izafet === title)?.nominative ?? title;
}

/** A document's parties (A ilə B arasında), period, date, areas and the document it is based on. */
function linkDocuments(state: DocState, docs: Mention[], mentions: Mention[], orgKeyOf: Map<Mention, string>, entities: Map<string, Entity>): void {
  const toks = state.tokens;
  // (range searches instead of scans of the sentence or of every mention per document)
  const arasindaAt: number[] = [];
  toks.forEach((t, i) => t.lower === 'arasında' && arasindaAt.push(i));
  const within = (from: number, to: number) => {
    const out: Mention[] = [];
    for (let k = lowerBound(mentions, from, byStart); k < mentions.length && mentions[k].start < to; k++) out.push(mentions[k]);
    return out;
  };
  const namedOrgs = mentions.filter((m) => m.kind === 'organization' && !m.props.generic);
  const longestOrg = namedOrgs.reduce((n, m) => Math.max(n, m.end - m.start), 0);
  let president: Entity | undefined | null = null; // looked up once
  for (const d of docs) {
    const e = entities.get(d.key)!;
    const hi = d.props.headIndex as number;
    const sentence = state.sentences[toks[hi].sentence];
    const titleStart = (d.props.titleStart as number) ?? d.start;
    const inSentence = (m: Mention) => m.start >= sentence.start && m.end <= sentence.end;
    // parties: "A ilə B arasında" — the two bodies (or, without bodies, countries) right before the last "arasında" before the head
    const last = lowerBound(arasindaAt, hi, (i) => i) - 1;
    const arasinda = last >= 0 && arasindaAt[last] >= sentence.first ? arasindaAt[last] - sentence.first : -1;
    const previous = last > 0 && arasindaAt[last - 1] >= sentence.first ? arasindaAt[last - 1] - sentence.first : -1;
    if (arasinda >= 0) {
      const limit = toks[sentence.first + arasinda].start;
      const from = arasinda > 0 ? Math.max(sentence.start, (previous >= 0 ? toks[sentence.first + previous].end : sentence.start)) : sentence.start;
      const candidates = within(from, limit + 1).filter((m) => !m.props.generic && inSentence(m) && m.end <= limit && m.start >= from);
      const bodies = candidates.filter((m) => m.kind === 'organization');
      const chosen = (bodies.length ? bodies : candidates.filter((m) => m.kind === 'place')).slice(-2);
      const keys = chosen.map((m) => (m.kind === 'organization' ? orgKeyOf.get(m) : m.key)).filter((k): k is string => !!k && entities.has(k));
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
    for (const m of within(sentence.start, sentence.end + 1)) {
      if (!inSentence(m)) continue;
      if (m.kind === 'date' && m.props.value) {
        const v = String(m.props.value);
        if (v.includes('/') && m.end <= d.start && d.start - m.end < 20) e.props.temporalCoverage ??= v;
        // the date it was signed or adopted stands before it in the sentence (Ötən ilin may ayında … Memorandumu imzalanıb)
        else if (!v.includes('/') && !e.props.dateCreated && m.end <= d.start) {
          e.props.dateCreated = v;
          if (e.type === 'Legislation') e.props.legislationDate = v;
        }
        e.links.dates = [...new Set([...(e.links.dates ?? []), m.key])];
      }
      if (m.kind === 'area' && m.start >= titleStart && m.end <= d.end) e.links.about = [...new Set([...(e.links.about ?? []), m.key])];
      if (m.kind === 'document' && m !== d && m.key !== d.key && m.start >= titleStart && m.end <= d.start) e.links.isBasedOn = [m.key];
    }
  }
}
