// Scoring against a gold set: a pure port of ../shared/tools/score.mjs (the
// shared scorer), so `aznews eval` and the shared scorer give the same
// numbers. Same normalisation (NFC, quotes stripped, Azerbaijani case
// folding, spaces collapsed, trailing punctuation dropped), same type
// classification, same one-to-one greedy matching in gold order, dates and
// areas deduplicated. No I/O here: pipeline/eval/run.ts reads the files.

export const KINDS = ['people', 'organizations', 'places', 'documents', 'dates', 'areas', 'affiliations'] as const;
export type Kind = (typeof KINDS)[number];

export const ORG_TYPES =
  /Organization$|^(NGO|Corporation|Embassy|SportsTeam|Airline|Consortium|PoliticalParty|WorkersUnion|PerformingGroup|MusicGroup|TheaterGroup|DanceGroup|CollegeOrUniversity|School|Hospital|BankOrCreditUnion|FinancialService|LocalBusiness|OnlineBusiness|Cooperative|LibrarySystem|FundingScheme|Project|ResearchProject|FundingAgency)$/;
export const PLACE_TYPES = new Set([
  'Place', 'Country', 'City', 'State', 'AdministrativeArea', 'Continent', 'BodyOfWater', 'SeaBodyOfWater', 'OceanBodyOfWater', 'RiverBodyOfWater',
  'LakeBodyOfWater', 'Landform', 'Mountain', 'LandmarksOrHistoricalBuildings', 'TouristAttraction', 'CivicStructure', 'Airport',
]);
const DOCUMENT_TYPES = ['Legislation', 'CreativeWork', 'DigitalDocument', 'Report', 'Article'];

type Json = Record<string, unknown>;
const list = (x: unknown): unknown[] => ([] as unknown[]).concat(x ?? []);

/** The matching key of a name: NFC, no quotes, Azerbaijani lower case (I→ı, İ→i), one space, no trailing punctuation. */
export function norm(s: unknown): string {
  return String(s ?? '')
    .normalize('NFC')
    .replace(/[“”„«»"'’‘`]/g, '')
    .toLocaleLowerCase('az')
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:]+$/, '')
    .trim();
}

/** The local name of a type or IRI: `schema:Person`, `https://…/areas#ict` → `Person`, `ict`. */
export const local = (t: unknown): string => String(t).split(/[#/:]/).pop() ?? '';
export const typesOf = (n: Json): string[] => list(n['@type']).map(local);
const idOf = (r: unknown): unknown => (r && typeof r === 'object' ? (r as Json)['@id'] : r);
/** The normalised canonical name and alternate names of a node. */
export function namesOf(n: Json): string[] {
  return [n.name, ...list(n.alternateName)]
    .flat()
    .filter(Boolean)
    .map((x) => norm(typeof x === 'object' ? (x as Json)['@value'] : x));
}

/** The scorer's kind of a node (null for the NewsArticle and for nodes it does not score). */
export function kindOf(n: Json): Exclude<Kind, 'affiliations'> | null {
  const t = typesOf(n);
  if (t.includes('NewsArticle')) return null;
  if (t.includes('Person')) return 'people';
  if (t.some((x) => ORG_TYPES.test(x))) return 'organizations';
  if (t.some((x) => PLACE_TYPES.has(x))) return 'places';
  if (t.includes('TemporalExpression')) return 'dates';
  if (t.includes('DefinedTerm')) return 'areas';
  if (!t.some((x) => x.endsWith('Event')) && (n.additionalType || t.some((x) => DOCUMENT_TYPES.includes(x)))) return 'documents';
  return null;
}

/** One thing to match: any of its keys may match; the label is what a person reads. */
export interface Item {
  keys: unknown[];
  label: string;
}
export type Items = Record<Kind, Item[]>;

const emptyItems = (): Items => Object.fromEntries(KINDS.map((k) => [k, []])) as unknown as Items;

/** What a JSON-LD document (null: missing) predicts, per kind; contract violations are pushed onto `violations`. */
export function predicted(doc: unknown, violations: string[], id: string): Items {
  const d = doc as Json | null;
  const graph = (Array.isArray(d?.['@graph']) ? d!['@graph'] : []) as Json[];
  if (!graph.length) violations.push(`${id}: no @graph`);
  const byId = new Map(graph.map((n) => [n['@id'], n]));
  const article = graph.find((n) => typesOf(n).includes('NewsArticle'));
  if (!article) violations.push(`${id}: no NewsArticle node`);
  const text = String(article?.text ?? '');
  const out = emptyItems();
  for (const n of graph) {
    const t = typesOf(n);
    if (t.includes('NewsArticle')) continue;
    if (!n['@id']) violations.push(`${id}: node without @id (${t})`);
    for (const s of list(n.spans) as Json[]) {
      if (typeof s?.start !== 'number' || text.slice(s.start, s.end as number) !== s.text)
        violations.push(`${id}: span ${JSON.stringify(s)} of ${n.name} does not match the article text`);
    }
    if (!n.spans || !list(n.spans).length) violations.push(`${id}: ${t} "${n.name}" has no spans`);
    const label = `${n.name}`;
    const kind = kindOf(n);
    if (kind === 'people' || kind === 'organizations') out[kind].push({ keys: namesOf(n), label });
    else if (kind === 'places') out.places.push({ keys: [...namesOf(n), n.identifier && norm(n.identifier)].filter(Boolean), label });
    else if (kind === 'dates') {
      if (n.value) out.dates.push({ keys: [String(n.value)], label: `${n.value} (${n.name ?? ''})` });
    } else if (kind === 'areas') {
      if (n.termCode) out.areas.push({ keys: [String(n.termCode)], label: String(n.termCode) });
    } else if (kind === 'documents') {
      const docKind = list(n.additionalType).map((x) => local(idOf(x)))[0];
      if (!docKind) violations.push(`${id}: document "${n.name}" has no additionalType`);
      out.documents.push({ keys: [docKind], label: `${docKind}: ${n.name}` });
    }
  }
  for (const k of ['dates', 'areas'] as const) {
    const seen = new Set<unknown>();
    out[k] = out[k].filter((p) => !seen.has(p.keys[0]) && seen.add(p.keys[0]));
  }
  for (const n of graph.filter((x) => typesOf(x).includes('Person'))) {
    for (const r of [...list(n.worksFor), ...list(n.affiliation)]) {
      const org = byId.get(idOf(r));
      if (!org) continue;
      const keys: string[] = [];
      for (const a of namesOf(n)) for (const b of namesOf(org)) keys.push(`${a} @ ${b}`);
      out.affiliations.push({ keys, label: `${n.name} @ ${org.name}` });
    }
  }
  return out;
}

/** A gold annotation file (GUIDELINES.md). */
export interface Gold {
  people?: { name: string | string[] }[];
  organizations?: { name: string | string[] }[];
  places?: { name: string | string[]; country?: string }[];
  documents?: { kind: string }[];
  dates?: string[];
  areas?: string[];
  affiliations?: [string | string[], string | string[]][];
}

export function goldItems(g: Gold): Items {
  const v = (x: unknown) => list(x).map(norm);
  const first = (x: unknown) => String(list(x)[0]);
  const out = emptyItems();
  for (const p of g.people ?? []) out.people.push({ keys: v(p.name), label: first(p.name) });
  for (const o of g.organizations ?? []) out.organizations.push({ keys: v(o.name), label: first(o.name) });
  for (const p of g.places ?? []) out.places.push({ keys: [...v(p.name), ...(p.country ? [norm(p.country)] : [])], label: first(p.name) });
  for (const d of g.documents ?? []) out.documents.push({ keys: [d.kind], label: String(d.kind) });
  for (const d of g.dates ?? []) out.dates.push({ keys: [String(d)], label: String(d) });
  for (const a of g.areas ?? []) out.areas.push({ keys: [a], label: String(a) });
  for (const [p, o] of g.affiliations ?? []) {
    const keys: string[] = [];
    for (const a of v(p)) for (const b of v(o)) keys.push(`${a} @ ${b}`);
    out.affiliations.push({ keys, label: `${first(p)} @ ${first(o)}` });
  }
  return out;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface Match extends Counts {
  missed: string[];
  extra: string[];
}

/** One-to-one matching: each gold item, in order, takes the first unused prediction sharing a key. */
export function match(gold: Item[], pred: Item[]): Match {
  const used = new Set<number>();
  const missed: string[] = [];
  for (const g of gold) {
    const gs = new Set(g.keys);
    const i = pred.findIndex((p, j) => !used.has(j) && p.keys.some((k) => gs.has(k)));
    if (i >= 0) used.add(i);
    else missed.push(g.label);
  }
  const extra = pred.filter((_, j) => !used.has(j)).map((p) => p.label);
  return { tp: gold.length - missed.length, fp: extra.length, fn: missed.length, missed, extra };
}

export interface Score extends Counts {
  p: number;
  r: number;
  f: number;
}

export function f1({ tp, fp, fn }: Counts): Score {
  const p = tp + fp ? tp / (tp + fp) : tp + fn ? 0 : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { tp, fp, fn, p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** One article to score: its gold annotation and the predicted document (null when there is none). */
export interface Case {
  id: string;
  gold: Gold;
  doc: unknown;
}

export interface Detail {
  id: string;
  kind: Kind;
  missed: string[];
  extra: string[];
}

export interface ArticleScore {
  id: string;
  kinds: Record<Kind, Match>;
  micro: Score;
}

export interface ScoreResult {
  articles: number;
  kinds: Record<Kind, Score>;
  micro: Score;
  violations: number;
  /** per (article, kind) with something missed or extra — the shared scorer's `details` */
  details: Detail[];
  violationList: string[];
  perArticle: ArticleScore[];
}

const sum = (xs: Counts[]): Counts => xs.reduce((a, t) => ({ tp: a.tp + t.tp, fp: a.fp + t.fp, fn: a.fn + t.fn }), { tp: 0, fp: 0, fn: 0 });

/** Scores every case (in the order given: the shared scorer sorts by id). */
export function scoreCases(cases: Case[], violations: string[] = []): ScoreResult {
  const totals = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<Kind, Counts>;
  const details: Detail[] = [];
  const perArticle: ArticleScore[] = [];
  for (const c of cases) {
    const pred = predicted(c.doc, violations, c.id);
    const gi = goldItems(c.gold);
    const kinds = {} as Record<Kind, Match>;
    for (const k of KINDS) {
      const m = match(gi[k], pred[k]);
      kinds[k] = m;
      for (const x of ['tp', 'fp', 'fn'] as const) totals[k][x] += m[x];
      if (m.missed.length || m.extra.length) details.push({ id: c.id, kind: k, missed: m.missed, extra: m.extra });
    }
    perArticle.push({ id: c.id, kinds, micro: f1(sum(Object.values(kinds))) });
  }
  return {
    articles: cases.length,
    kinds: Object.fromEntries(KINDS.map((k) => [k, f1(totals[k])])) as Record<Kind, Score>,
    micro: f1(sum(Object.values(totals))),
    violations: violations.length,
    details,
    violationList: violations.slice(0, 50),
    perArticle,
  };
}
