// Stage 3 — morphology: the readings of every word token, best first.
// The engine is language-neutral; the Azerbaijani suffix table is data.
import { Morphology, type MorphData, type Reading } from './engine/morph.js';
import { readJson, readTsv } from './lang/az/data.js';
import { lexicon } from './lang/az/lexicon.js';
import { lowerAz } from './lang/az/text.js';
import type { Analysis, DocState } from './types.js';

export const az = new Morphology(readJson<MorphData>('morphology.json'));

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
function known(): Set<string> {
  if (knownWords) return knownWords;
  const lex = lexicon();
  const single = (names: string[]) => names.map(lowerAz).filter((n) => !/\s/.test(n));
  knownWords = new Set([
    ...readTsv('nouns.tsv').map((r) => lowerAz(r[0])),
    ...lex.givenNames,
    ...lex.surnames,
    ...single(lex.places.map((p) => p.name)),
    ...single(lex.countries.map((c) => c.name)),
    ...lex.orgHeads.flatMap((h) => [h.head, h.izafet]),
    ...lex.titles.flatMap((t) => [t.nominative, t.izafet]).filter((w) => !/\s/.test(w)),
    ...lex.documents.flatMap((d) => d.heads).filter((w) => !/\s/.test(w)),
  ]);
  return knownWords;
}
const KNOWN_BONUS = 0.35;

const analysisCache = new Map<string, Analysis[]>();

/** Empties the memo caches (for benchmarks). */
export function clearMorphologyCache(): void {
  analysisCache.clear();
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
    .map((a) => (a.suffixes.length && (k.has(a.stem) || k.has(a.nominative)) ? { ...a, score: a.score + KNOWN_BONUS } : a))
    .sort((x, y) => y.score - x.score);
  if (analysisCache.size > 200_000) analysisCache.clear();
  analysisCache.set(word, hit);
  return hit;
}

/** Candidate head nominatives of a word, most plausible first (scores of equal nominatives add up). */
export function nominatives(word: string): string[] {
  // best reading per nominative, plus a little for each further reading that agrees
  const votes = new Map<string, number>();
  for (const a of analyse(word)) {
    const prev = votes.get(a.nominative);
    // only plausible readings (not a rare 2nd-person possessive) add weight
    votes.set(a.nominative, prev === undefined ? a.score : Math.max(prev, a.score) + (a.score > 0.9 ? 0.05 : 0));
  }
  return [...votes.entries()].sort((a, b) => b[1] - a[1]).map(([n]) => n);
}

export function morphology(state: DocState): DocState {
  const analyses = state.tokens.map((t) => (t.kind === 'word' && !/^\d/.test(t.lower) ? analyse(t.lower) : []));
  return { ...state, analyses };
}
