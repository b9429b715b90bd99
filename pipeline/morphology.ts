// Stage 3 — morphology: the readings of every word token, best first.
// The engine is language-neutral; the Azerbaijani suffix table is data.
import { Morphology, type MorphData, type Reading } from './engine/morph.js';
import { readJson, readTsv } from './lang/az/data.js';
import { lexicon } from './lang/az/lexicon.js';
import { lowerAz } from './lang/az/text.js';
import type { Analysis, DocState } from './types.js';

// this stage memoises the Analysis it derives, so the engine keeps no second cache
export const az = new Morphology(readJson<MorphData>('morphology.json'), 0);

const CASES = new Set(['gen', 'dat', 'acc', 'loc', 'abl', 'ins']);

function toAnalysis(r: Reading): Analysis {
  // the head-of-name nominative keeps plural and possessive (the izafet belongs to the name)
  let kept = 0;
  const poss = r.features.possessive ?? null;
  if (r.features.plural) kept++;
  if (poss) kept++;
  const nominative = kept ? r.surfaceStem + r.suffixes.slice(0, kept).join('') : r.stem;
  const c = r.features.case;
  return {
    stem: r.stem,
    nominative,
    case: (c && CASES.has(c) ? c : 'nom') as Analysis['case'],
    possessive: poss,
    plural: Boolean(r.features.plural),
    suffixes: r.suffixes,
    score: r.score,
  };
}

// words the lexicons know (common nouns, names, places, heads): a reading whose stem or
// nominative is one of them is preferred — the lexicons choose when they know the word
let knownWords: Set<string> | null = null;
let properNames: Set<string> | null = null;
function known(): Set<string> {
  if (knownWords) return knownWords;
  const lex = lexicon();
  const single = (names: string[]) => names.map(lowerAz).filter((n) => !/\s/.test(n));
  // place names: a possessive on them is rare (İraqı is İraq + accusative); person names are left
  // out here since many are also common words (Qalib, Nazir, Zaman)
  properNames = new Set([...single(lex.places.map((p) => p.name)), ...single(lex.countries.map((c) => c.name))]);
  knownWords = new Set([
    ...readTsv('nouns.tsv').map((r) => lowerAz(r[0])),
    ...properNames,
    ...lex.givenNames,
    ...lex.surnames,
    ...[...lex.surnames].filter((n) => /(ov|yev|ev|in)$/.test(n)).map((n) => `${n}a`), // feminine surnames
    ...lex.orgHeads.flatMap((h) => [h.head, h.izafet]),
    ...lex.titleWords,
    ...lex.documents.flatMap((d) => d.heads).filter((w) => !/\s/.test(w)),
  ]);
  return knownWords;
}
const KNOWN_BONUS = 0.35;

const analysisCache = new Map<string, Analysis[]>();

const IZAFET = readJson<{ izafetContext: { determiners: string[]; nominativePostpositions: string[]; bonus: number } }>('morphology.json').izafetContext;
const DETERMINERS = new Set(IZAFET.determiners);
const NOM_POSTPOSITIONS = new Set(IZAFET.nominativePostpositions);
// a verb form right after: the word is its object (sahibkarları dəstəkləməklə)
const GENITIVE_SUFFIX = new Set(['nın', 'nin', 'nun', 'nün', 'ın', 'in', 'un', 'ün']);
// "et-" and "al-" as active light verbs (ləğv etmək, nəzərə alaraq), not their passives (edilib, alınıb)
const ACTIVE_LIGHT_VERB = /^(?:et(?!il)|al(?!ın))/;
const PASSIVE = /(?:[ıiuü]l|[aə]n|[ıiuü]n|ıl|il)(?:ıb|ib|ub|üb|dı|di|du|dü|ır|ir|ur|ür|acaq|əcək|mış|miş|muş|müş|malı|məli)$/;
const VERBAL = /(?:maq|mək|maqla|məklə|araq|ərək|ıb|ib|ub|üb|dı|di|du|dü|ır|ir|ur|ür|acaq|əcək|mağa|məyə|mağı|məyi)$/;

/**
 * The head nominative of a word in its sentence: the neighbours decide between the izafet
 * reading (çempionatının qalibi, ABŞ dolları, səfəri ilə) and the accusative (bu qərarı,
 * sanksiyaları ləğv etmək). `prev`/`next` are the neighbouring words in lower case.
 */
export function nominativeInContext(word: string, prev: string | undefined, next: string | undefined, capitalised: boolean, next2?: string): string {
  const cands = nominatives(word, { capitalised });
  const readings = analyse(word);
  // only the izafet/accusative pair is decided here: X-ı kept as "Xı" (izafet) or read as "X" (accusative)
  const acc = readings.find((a) => a.case === 'acc' && !a.possessive && known().has(a.stem) && a.suffixes.length === (a.plural ? 2 : 1));
  const izafet = readings.find((a) => a.case === 'nom' && (a.possessive === '3sg' || a.possessive === '3pl') && a.stem === acc?.stem && a.nominative === word);
  if (properNames!.has(word)) return word; // Bakı, Turi: a known name as written
  if (!acc || !izafet || !cands.slice(0, 3).includes(acc.nominative) || !cands.slice(0, 3).includes(izafet.nominative)) return cands[0];
  // a proper name rarely takes a possessive: İraqı is İraq in the accusative
  if (properNames!.has(acc.stem)) return acc.nominative;
  // the izafet (or a possessed subject) unless the neighbours make it an object
  let score = 0.03;
  if (next && NOM_POSTPOSITIONS.has(next)) score += IZAFET.bonus;
  if (prev) {
    const p = analyse(prev);
    const top = p[0]?.score ?? 0;
    if (DETERMINERS.has(prev) || /l[ıiuü]$/.test(prev)) score -= IZAFET.bonus;
    // after a genitive or a bare noun: the izafet (çempionatının qalibi, münaqişə zamanı, İKT-nin tətbiqi)
    else if (GENITIVE_SUFFIX.has(prev) || p.some((a) => a.case === 'gen' && a.suffixes.length && a.score >= top - 0.1) || known().has(prev)) score += IZAFET.bonus;
  }
  if (next && /^ol/.test(next)) score += IZAFET.bonus; // the copula takes a subject (qalibi olub, yekunu olaraq)
  // a passive verb takes the word as its subject (Planı imzalanıb), an active one as its object
  else if (next && VERBAL.test(next)) score += PASSIVE.test(next) ? IZAFET.bonus : -IZAFET.bonus;
  else if (next2 && ACTIVE_LIGHT_VERB.test(next2) && !NOM_POSTPOSITIONS.has(next!)) score -= IZAFET.bonus; // ləğv etmək, inkişaf etdirməyi
  return score > 0 ? izafet.nominative : acc.nominative;
}

/** Empties the memo caches (for benchmarks). */
export function clearMorphologyCache(): void {
  analysisCache.clear();
  nominativesCache.clear();
  wordEntries.clear();
  az.clearCache();
}

/** Readings of one word (any case), best first; memoised. */
export function analyse(word: string): Analysis[] {
  let hit = analysisCache.get(word);
  if (hit) return hit;
  const k = known();
  hit = az
    .analyse(word)
    .map(toAnalysis)
    .map((a) => {
      if (!(k.has(a.stem) || k.has(a.nominative))) return a;
      // a proper name with a possessive is unlikely: only its plain readings gain
      if (a.possessive && properNames!.has(a.stem) && !k.has(a.nominative)) return a;
      if (a.possessive && properNames!.has(a.stem) && !a.suffixes.length) return a;
      if (a.possessive && properNames!.has(a.stem)) return { ...a, score: a.score + KNOWN_BONUS / 2 };
      return { ...a, score: a.score + KNOWN_BONUS };
    })
    .sort((x, y) => y.score - x.score);
  if (analysisCache.size > 200_000) analysisCache.clear();
  analysisCache.set(word, hit);
  return hit;
}

/** Candidate head nominatives of a word, most plausible first (scores of equal nominatives add up). */
export function nominatives(word: string, opts: { capitalised?: boolean } = {}): string[] {
  // memoised like analyse (recognizers ask for the same words over and over); callers must not change the array
  const key = opts.capitalised === undefined ? word : `${word}\u0000${opts.capitalised ? 1 : 0}`;
  let hit = nominativesCache.get(key);
  if (!hit) {
    if (nominativesCache.size > 200_000) nominativesCache.clear();
    nominativesCache.set(key, (hit = rankNominatives(word, opts.capitalised)));
  }
  return hit;
}
const nominativesCache = new Map<string, string[]>();

function rankNominatives(word: string, capitalised: boolean | undefined): string[] {
  const opts = { capitalised };
  // best reading per nominative, plus a little for each further reading that agrees
  const votes = new Map<string, number>();
  for (const r of analyse(word)) {
    // -ı/-i is an izafet inside a capitalised name (Dövlət Proqramı) and more often the accusative in running text (bu qərarı)
    const a = opts.capitalised === undefined || r.possessive !== '3sg' ? r : { ...r, score: r.score + (opts.capitalised ? 0.03 : -0.03) };
    const prev = votes.get(a.nominative);
    // only plausible readings (not a rare 2nd-person possessive) add weight
    votes.set(a.nominative, prev === undefined ? a.score : Math.max(prev, a.score) + (a.score > 0.9 ? 0.05 : 0));
  }
  return [...votes.entries()].sort((a, b) => b[1] - a[1]).map(([n]) => n);
}

const NO_READINGS: Analysis[] = [];

// What the stage hands on for a word depends on the word alone: memoised across documents (one lookup per token).
const wordEntries = new Map<string, { readings: Analysis[]; forms: string[] }>();

function wordEntry(t: DocState['tokens'][number]): { readings: Analysis[]; forms: string[] } {
  let e = wordEntries.get(t.lower);
  if (e) return e;
  const c = t.lower.charCodeAt(0);
  // (numbers and punctuation have no readings)
  const readings = t.kind === 'word' && !(c >= 48 && c <= 57) ? analyse(t.lower) : NO_READINGS;
  // the word's lower case, then the other head nominatives and stems of its readings
  const forms = [t.lower];
  for (const r of readings) {
    if (!forms.includes(r.nominative)) forms.push(r.nominative);
    if (!forms.includes(r.stem)) forms.push(r.stem);
  }
  if (wordEntries.size > 200_000) wordEntries.clear();
  wordEntries.set(t.lower, (e = { readings, forms }));
  return e;
}

export function morphology(state: DocState): DocState {
  const n = state.tokens.length;
  const analyses: Analysis[][] = new Array(n);
  const forms: string[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const e = wordEntry(state.tokens[i]);
    analyses[i] = e.readings;
    forms[i] = e.forms;
  }
  return { ...state, analyses, forms };
}
