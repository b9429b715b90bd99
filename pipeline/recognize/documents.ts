// Documents: a kind head of CONTRACT.md §4 (Anlaşma Memorandumu, Fəaliyyət
// Planı, saziş, Sərəncam …) in any case form, with its title where the text
// gives it (… haqqında / … dair / … üzrə). The linker joins later references
// (Sənəddə, memorandum) to the first one.
import { lexicon, type DocKind } from '../lang/az/lexicon.js';
import { lowerAz, upperFirstAz } from '../lang/az/text.js';
import type { DocState, Mention } from '../types.js';
import { mention, type Rule } from './rule.js';
import { formsOf, perWord, textOf } from './tokens.js';

interface Head {
  words: string[];
  kind: DocKind;
}

let heads: { all: Head[]; byFirst: Map<string, Head[]> } | null = null;
/** The heads, longest first, and the same by their first word. */
function docHeads(): { all: Head[]; byFirst: Map<string, Head[]> } {
  if (heads) return heads;
  const all = lexicon()
    .documents.flatMap((k) => k.heads.map((h) => ({ words: h.split(' '), kind: k })))
    .sort((a, b) => b.words.length - a.words.length);
  const byFirst = new Map<string, Head[]>();
  for (const h of all) byFirst.set(h.words[0], [...(byFirst.get(h.words[0]) ?? []), h]);
  return (heads = { all, byFirst });
}

// genitive words whose "sənədi" is not a document name
const TITLE_LINKS = new Set(['haqqında', 'dair', 'üzrə', 'barədə']);

const DECISION_CITED = new Set(['əsasən', 'ilə', 'əsasında', 'uyğun', 'müvafiq']);

/** A body or a post in the genitive right before (Nazirlər Kabinetinin qərarı, Prezidentin Sərəncamı). */
function issuerBefore(state: DocState, i: number): boolean {
  const prev = state.tokens[i - 1];
  if (!prev || !prev.upper) return false;
  return (state.analyses[i - 1] ?? []).some((a) => a.case === 'gen' && a.nominative !== prev.lower);
}

function isPlural(state: DocState, i: number, head: string): boolean {
  return (state.analyses[i] ?? []).some((a) => a.stem === head && a.plural);
}

// where a title cannot reach back over: the parties (… arasında) and time adverbials (bir neçə gün öncə)
const TITLE_STOPS = new Set(['arasında', 'öncə', 'əvvəl', 'sonra', 'ki', 'isə', 'olaraq']);
const FINITE = /(?:ıb|ib|ub|üb|dı|di|du|dü|dır|dir|dur|dür|acaq|əcək|malı|məli)$/;
// between the title link and the head: a period (2023-2024-cü illər üçün) and numbers
const BETWEEN = /^(?:\d+|-|–|[ıiuü]|c[ıiuü]|il|illər|üçün|ilin|ildə)$/;

function izafetHead(state: DocState, i: number): boolean {
  return (state.analyses[i] ?? []).some((a) => a.possessive === '3sg' && a.score >= 0.9);
}

/** A lower-case word without a case ending that can modify a compound (not a verb form or a number). */
function isBareNoun(state: DocState, k: number): boolean {
  const t = state.tokens[k];
  if (t.kind !== 'word' || t.upper || /^\d/.test(t.text) || FINITE.test(t.lower) || TITLE_STOPS.has(t.lower)) return false;
  if (/(?:an|ən|yan|yən|mış|miş|muş|müş|araq|ərək|maq|mək)$/.test(t.lower)) return false; // participles, converbs, infinitives
  if (['və', 'ilə', 'üçün', 'bu', 'bir', 'həmin', 'o', 'yeni'].includes(t.lower)) return false;
  // no clear case ending (a 1-letter -a/-ı is too weak to rule a modifier out)
  const top = (state.analyses[k] ?? [])[0];
  return !top || top.case === 'nom' || (top.suffixes[top.suffixes.length - 1] ?? '').length < 2;
}

/** Index of "haqqında / dair / üzrə / barədə" before the head (a period phrase may stand between), or -1. */
function titleLinkBefore(state: DocState, i: number): number {
  for (let k = i - 1; k >= 0 && i - k <= 8; k--) {
    const t = state.tokens[k];
    if (TITLE_LINKS.has(t.lower)) return k;
    if (!BETWEEN.test(t.lower) && !/^c[ıiuü]$/.test(t.lower)) return -1;
  }
  return -1;
}

/** The token is the word in some form (its forms hold it, its nominatives and its stems). */
function stemMatches(state: DocState, i: number, word: string): boolean {
  const t = state.tokens[i];
  return !!t && t.kind === 'word' && formsOf(state, i).includes(word);
}

/** The heads whose first word a word can be, longest first (most words: none), once per word. */
const headsStartingWith = perWord<Head[]>((forms) => {
  const { all, byFirst } = docHeads();
  let candidates: Head[] | null = null;
  for (const f of forms) {
    const list = byFirst.get(f);
    if (list) candidates = candidates ? all.filter((x) => forms.includes(x.words[0])) : list;
  }
  return candidates;
});

const headRule: Rule = {
  id: 'document.head',
  kind: 'document',
  doc: 'A document-kind head word (memorandum, saziş, Fəaliyyət Planı, Sərəncam …) in any inflection; kind from lang/az/documents.json.',
  examples: {
    match: [
      { text: 'əməkdaşlıq haqqında Anlaşma Memorandumunun imzalandığı bildirilib', value: 'memorandum' },
      { text: '2023-2024-cü illər üçün Fəaliyyət Planı imzalanıb', value: 'action-plan' },
      { text: 'Prezidentin Sərəncamı ilə təyin olunub', value: 'order' },
      { text: 'Azərbaycan Respublikası Prezidentinin Sərəncamı ilə təyin olunan', name: 'Azərbaycan Respublikası Prezidentinin Sərəncamı' },
      { text: 'maliyyələşdirmə sazişinin imzalandığını elan ediblər', value: 'agreement' },
      { text: 'Bəyannamədə qeyd olunub', value: 'declaration' },
      { text: 'qərara əsasən siyahıya daxil edilib', value: 'decision' },
      { text: 'Nazirlər Kabinetinin qərarı ilə təsdiq edilib', value: 'decision' },
      { text: 'Prezidentin Fərmanı ilə təltif olunub', value: 'decree' },
      { text: 'ikitərəfli ticarət haqqında sazişi imzalayıblar', value: 'agreement' },
      { text: 'strateji müddətli maliyyələşdirmə sazişinin imzalandığını elan ediblər', name: 'müddətli maliyyələşdirmə sazişi' },
      { text: 'Bir neçə gün öncə mədən sənayesi üzrə Dövlət Proqramı qəbul olunmuşdur', name: 'mədən sənayesi üzrə Dövlət Proqramı' },
      { text: 'tərəflər yol xəritəsini təsdiqləyib', value: 'roadmap' },
    ],
    noMatch: ['sanksiyaları ləğv etmək qərarına gəlib', 'proqramçılar toplaşıb', 'Yaponiya bu qərarı vəziyyəti nəzərə alaraq qəbul edib', 'peşə istiqamətləri üzrə proqramların hazırlanması', 'bir çox yeni müqavilələr imzalanıb'],
  },
  apply(state) {
    const out: Mention[] = [];
    const toks = state.tokens;
    for (let i = 0; i < toks.length; i++) {
      if (toks[i].kind !== 'word') continue;
      const candidates = headsStartingWith(state, i);
      if (!candidates) continue;
      for (const h of candidates) {
        const n = h.words.length;
        let ok = true;
        for (let k = 0; k < n && ok; k++) ok = stemMatches(state, i + k, h.words[k]);
        if (!ok) continue;
        const last = i + n - 1;
        const next = toks[last + 1];
        // plural heads (yeni müqavilələr, proqramların) speak of documents in general
        if (isPlural(state, last, h.words[n - 1])) break;
        // "qərar" is a document when the text cites it (qərara əsasən, qərarı ilə) or names who adopted it;
        // otherwise it is the act of deciding (… ləğv etmək qərarına gəlib, bu qərarı qəbul edib)
        if (h.kind.kind === 'decision' && !(next && DECISION_CITED.has(next.lower)) && !issuerBefore(state, i)) break;
        // the title: "… haqqında / dair <head>" back to the start of the phrase
        let start = i;
        const link = titleLinkBefore(state, i);
        if (link >= 0) {
          // back to the parties (… arasında), a finite verb or the sentence start
          let k = link - 1;
          while (k >= 0 && toks[k].sentence === toks[i].sentence && !TITLE_STOPS.has(toks[k].lower) && !FINITE.test(toks[k].lower) && i - k < 40) k--;
          start = k + 1;
          while (start < link && (toks[start].kind !== 'word' || toks[start].upper && ((state.analyses[start] ?? [])[0]?.case ?? 'nom') !== 'nom')) start++;
        }
        // a capitalised name right before the head belongs to the title (DOST konsepsiyası, Dövlət Proqramı)
        // for a legal act, its issuer in the genitive too (Azərbaycan Respublikası Prezidentinin Sərəncamı)
        const genitive = (k: number) => (state.analyses[k] ?? []).some((a) => a.case === 'gen' && a.nominative !== toks[k].lower);
        if (start === i) {
          let seenGenitive = false;
          while (start > 0 && i - start < 5 && toks[start - 1].upper && toks[start - 1].sentence === toks[i].sentence && toks[start - 1].kind === 'word') {
            const gen = genitive(start - 1);
            if (gen && (h.kind.type !== 'Legislation' || seenGenitive || start !== i)) break;
            seenGenitive ||= gen;
            start--;
          }
        }
        // a compound's modifiers: "maliyyələşdirmə sazişi", "kredit sazişi" (the head carries the izafet)
        if (start === i && izafetHead(state, last)) {
          while (start > 0 && i - start < 2 && isBareNoun(state, start - 1)) start--;
        }
        const title = start < i ? `${textOf(state, start, i)} ${titleHead(state, i, h.words)}` : titleHead(state, i, h.words);
        out.push(mention({
          kind: 'document',
          rule: this.id,
          start: toks[i].start,
          end: toks[last].end,
          name: title,
          type: h.kind.type,
          key: `doc:${h.kind.kind}`,
          props: { additionalType: h.kind.kind, titleStart: toks[start].start, headIndex: i },
        }));
        i = last;
        break;
      }
    }
    return out;
  },
};

/** The head in the nominative as written (capitalised when the text capitalises it). */
function titleHead(state: DocState, a: number, words: string[]): string {
  let out = ''; // (a loop: a map/join chain deoptimised this rule on new array kinds)
  for (let k = 0; k < words.length; k++) {
    const t = state.tokens[a + k];
    const form = k === words.length - 1 ? izafetForm(state, a + k, words[k]) : t.lower;
    out += (k ? ' ' : '') + (t.upper ? upperFirstAz(form) : form);
  }
  return out;
}

function izafetForm(state: DocState, i: number, stem: string): string {
  const forms = formsOf(state, i).filter((f) => f.startsWith(stem.slice(0, -1)));
  // keep the izafet possessive (Memorandumu, Planı) when the word carries one
  const poss = (state.analyses[i] ?? []).find((a) => a.possessive === '3sg' && a.stem === stem);
  return poss ? poss.nominative : forms.includes(stem) ? stem : lowerAz(stem);
}

export const documentRules: Rule[] = [headRule];
