// The Azerbaijani lexicons, loaded once: countries (CLDR through
// Intl.DisplayNames, plus long forms), places, organizations, names, titles,
// document kinds, cooperation-area cues and calendar words.
import { lowerAz } from './text.js';
import { readJson, readTsv } from './data.js';

export interface PlaceEntry {
  name: string;
  type: string;
  iso?: string; // for countries: ISO 3166-1 alpha-2; for other places: the country they are in
  country?: boolean;
}
export interface OrgEntry {
  name: string;
  type: string;
  acronyms: string[];
  country?: string;
  aliases: string[];
}
export interface OrgHead {
  head: string; // nominative lower case: nazirlik
  izafet: string; // lower case: nazirliyi
  type: string;
}
export interface DocKind {
  kind: string;
  type: 'Legislation' | 'CreativeWork';
  heads: string[]; // lower-case nominative word sequences, e.g. "fəaliyyət planı"
}
export interface AreaDef {
  code: string;
  az: string;
  en: string;
  cues: string[]; // lower-case stems / word sequences
}

// region codes CLDR names that are not current ISO 3166-1 alpha-2 countries: macro-regions,
// exceptional reservations, pseudo-locales and withdrawn codes that share a current country's name
const NOT_ISO_3166_1 = new Set([
  'EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'XK', 'ZZ', 'AC', 'CP', 'DG', 'EA', 'IC', 'TA', 'CQ',
  'AN', 'BU', 'CS', 'DD', 'DY', 'FX', 'HV', 'NH', 'RH', 'SU', 'TP', 'UK', 'VD', 'YD', 'YU', 'ZR',
]);

function displayCountries(): PlaceEntry[] {
  const dn = new Intl.DisplayNames(['az'], { type: 'region', fallback: 'none' });
  const out: PlaceEntry[] = [];
  const A = 65;
  for (let i = 0; i < 26; i++)
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      let name: string | undefined;
      try {
        name = dn.of(code);
      } catch {
        name = undefined;
      }
      // only current ISO 3166-1 codes: CLDR also names macro-regions, reservations and withdrawn codes (DD → Almaniya)
      if (!name || name === code || NOT_ISO_3166_1.has(code)) continue;
      out.push({ name: name.replace(/’/g, "'"), type: 'Country', iso: code, country: true });
    }
  return out;
}

function splitList(s: string | undefined, sep: string | RegExp): string[] {
  return (s ?? '').split(sep).map((x) => x.trim()).filter(Boolean);
}

export class Lexicon {
  readonly countries: PlaceEntry[];
  readonly countryAliases: { iso: string; alias: string }[];
  readonly places: PlaceEntry[];
  readonly organizations: OrgEntry[];
  readonly orgHeads: OrgHead[];
  readonly givenNames: Set<string>; // lower case
  readonly surnames: Set<string>; // lower case, masculine
  readonly titles: { nominative: string; izafet: string; kind: string }[];
  readonly documents: DocKind[];
  readonly areas: AreaDef[];
  readonly areaContext: { governors: string[]; notBefore: Record<string, string[]>; notAfterGenitive: Record<string, string[]> };
  readonly countryByIso = new Map<string, PlaceEntry>();
  /** every form of a post (nominative and izafet, multi-word ones included): naziri, baş naziri */
  readonly titleForms: Set<string>;
  /** the one-word forms of posts: a word that makes a run a title, not a name */
  readonly titleWords: Set<string>;

  constructor() {
    this.countries = displayCountries();
    for (const c of this.countries) this.countryByIso.set(c.iso!, c);
    this.countryAliases = readTsv('places/country-aliases.tsv')
      .filter((r) => r.length >= 2 && this.countryByIso.has(r[0]))
      .map(([iso, alias]) => ({ iso, alias }));
    this.places = [
      ...readTsv('places/azerbaijan.tsv').map(([name, type]) => ({ name, type: type || 'Place', iso: 'AZ' })),
      ...readTsv('places/world.tsv').map(([name, type, iso]) => ({ name, type: type || 'Place', iso: iso || undefined })),
    ].filter((p) => p.name);
    this.organizations = ['organizations/azerbaijan-state.tsv', 'organizations/international.tsv', 'organizations/media.tsv']
      .flatMap((f) => readTsv(f))
      .filter((r) => r[0])
      .map(([name, type, acronyms, country, aliases]) => ({
        name,
        type: type || 'Organization',
        acronyms: splitList(acronyms, ','),
        country: country || undefined,
        aliases: splitList(aliases, '|'),
      }));
    const heads = readTsv('organizations/heads.tsv').filter((r) => r[0] && r[1]);
    this.orgHeads = heads.map(([head, izafet, type]) => ({ head: lowerAz(head), izafet: lowerAz(izafet), type: type || 'Organization' }));
    this.givenNames = new Set(readTsv('people/given-names.tsv').map((r) => lowerAz(r[0])));
    this.surnames = new Set(readTsv('people/surnames.tsv').map((r) => lowerAz(r[0])));
    this.titles = readTsv('people/titles.tsv')
      .filter((r) => r[0] && r[1])
      .map(([n, i, k]) => ({ nominative: lowerAz(n), izafet: lowerAz(i), kind: k ?? 'office' }));
    this.titleForms = new Set(this.titles.flatMap((t) => [t.nominative, t.izafet]));
    this.titleWords = new Set([...this.titleForms].filter((w) => !w.includes(' ')));
    this.documents = readJson<DocKind[]>('documents.json');
    const areas = readJson<{ areas: AreaDef[]; governors: string[]; notBefore: Record<string, string[]>; notAfterGenitive: Record<string, string[]> }>('areas.json');
    this.areas = areas.areas;
    this.areaContext = { governors: areas.governors, notBefore: areas.notBefore, notAfterGenitive: areas.notAfterGenitive };
  }
}

// -ov/-ova, -yev/-yeva, -zadə: a word of this shape is a surname even when no list has it
const SURNAME_SHAPE = /(ov|ova|yev|yeva|zadə)$/;

/** A known surname or a word shaped like an Azerbaijani one (lower case). */
export function surnameLike(lower: string): boolean {
  return lexicon().surnames.has(lower) || SURNAME_SHAPE.test(lower);
}

let shared: Lexicon | null = null;
/** The lexicon, loaded on first use and kept for the process (and each worker). */
export function lexicon(): Lexicon {
  return (shared ??= new Lexicon());
}
