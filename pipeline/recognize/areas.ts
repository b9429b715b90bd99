// Cooperation areas: cues of CONTRACT.md §5 (lang/az/areas.json) in any
// inflection. Longest cue first, so "sosial müdafiə" is never "müdafiə"
// (defence). A cue counts in a sentence that speaks of cooperation, a
// field or a plan; cues inside organization names are dropped by the linker.
import { itself, lowerBound } from '../engine/search.js';
import { lexicon, type AreaDef } from '../lang/az/lexicon.js';
import { tokenizeName } from '../engine/gazetteer.js';
import { lowerAz } from '../lang/az/text.js';
import type { DocState, Mention } from '../types.js';
import { mention, type Rule } from './rule.js';
import { formsOf, perWord } from './tokens.js';

interface Cue {
  words: string[];
  area: AreaDef;
}
/** What a word form is to this rule: the first word of cues (longest first), a governor (sahə, üzrə …), or both. */
interface FormRole {
  cues?: Cue[];
  governor?: boolean;
}
let roles: Map<string, FormRole> | null = null;
// one map, so that one look-up per form of each token serves both questions
function formRoles(): Map<string, FormRole> {
  if (roles) return roles;
  const m = new Map<string, FormRole>();
  const role = (w: string) => {
    let r = m.get(w);
    if (!r) m.set(w, (r = {}));
    return r;
  };
  const all = lexicon()
    .areas.flatMap((a) => a.cues.map((c) => ({ words: tokenizeName(c, lowerAz), area: a })))
    .sort((a, b) => b.words.length - a.words.length);
  for (const c of all) (role(c.words[0]).cues ??= []).push(c);
  for (const g of lexicon().areaContext.governors) role(g).governor = true;
  return (roles = m);
}

/** The roles of all of a word's forms together (null: none), once per word. */
const roleOf = perWord<FormRole>((forms) => {
  const roles = formRoles();
  let governor = false;
  let cues: Cue[] | undefined;
  for (const f of forms) {
    const r = roles.get(f);
    if (!r) continue;
    governor ||= !!r.governor;
    // longest first (each list is; a word whose forms start two lists merges them)
    if (r.cues) cues = cues ? cues.concat(r.cues).sort((a, b) => b.words.length - a.words.length) : r.cues;
  }
  return governor || cues ? { governor, cues } : null;
});

function wordMatches(state: DocState, i: number, cue: string): boolean {
  const t = state.tokens[i];
  if (!t) return false;
  if (t.lower === cue) return true;
  return t.kind === 'word' && formsOf(state, i).includes(cue);
}

/** s === s.toLocaleUpperCase('az') without the locale call (≈ 1 µs): Azerbaijani upper-cases differently only i (→ İ). */
function allUpperAz(s: string): boolean {
  return !s.includes('i') && s.toUpperCase() === s;
}

/** A cue names a field only in a sentence about cooperation, a plan or an activity, outside proper names, and not as a verb. */
function countsAsField(state: DocState, a: number, b: number, first: string, governors: number[]): boolean {
  const toks = state.tokens;
  const ctx = lexicon().areaContext;
  const t = toks[a];
  // inside a capitalised name (İnvestisiya Forumu, Bakı İqlim Fəaliyyəti Həftəsi); acronyms (İKT) are cues
  const sentenceStart = state.sentences[t.sentence].first === a;
  if (t.upper && !allUpperAz(t.text) && !sentenceStart) return false;
  if (t.upper && (toks[b]?.upper && toks[b].kind === 'word' && !allUpperAz(toks[b].text))) return false;
  const next = toks[b];
  if (next && ctx.notBefore[first]?.some((w) => next.lower.startsWith(w))) return false;
  // part of a post (iqtisadiyyat naziri, müdafiə nazirinin müavini), not a field
  if (next && lexicon().titleWords.has(next.lower)) return false;
  const prev = toks[a - 1];
  if (prev && ctx.notAfterGenitive[first]?.some((w) => formsOf(state, a - 1).some((f) => f === w))) return false;
  // a governor in the sentence outside the cue (a scan of the sentence per cue was quadratic)
  const s = state.sentences[t.sentence];
  const inCue = lowerBound(governors, Math.min(Math.max(b, s.first), s.last), itself) - lowerBound(governors, Math.min(Math.max(a, s.first), s.last), itself);
  return lowerBound(governors, s.last, itself) - lowerBound(governors, s.first, itself) - inCue > 0;
}

const cueRule: Rule = {
  id: 'area.cue',
  kind: 'area',
  doc: 'A cue word or phrase of a cooperation area, in any inflection, longest first.',
  examples: {
    match: [
      { text: 'əmək, məşğulluq və sosial müdafiə sahələrində əməkdaşlıq', value: 'social-protection' },
      { text: 'Sənəddə qeyri-rəsmi məşğulluğun qarşısının alınması istiqamətində tədbirlər əksini tapır', value: 'informal-employment' },
      { text: 'əlilliyi olan şəxslərin sosial problemlərinin həlli üzrə proqramlar', value: 'disability' },
      { text: 'İKT-nin tətbiqi istiqamətində', value: 'ict' },
      { text: 'müdafiə sənayesi sahəsində əməkdaşlıq', value: 'defence' },
      { text: 'əmək və sosial müdafiə sahəsində əlaqələr', value: 'social-protection' },
      { text: 'tərəflər ticarət və investisiya sahələrində əməkdaşlığı müzakirə ediblər', value: 'trade' },
      { text: 'tərəflər ticarət və investisiya sahələrində əməkdaşlığı müzakirə ediblər', value: 'investment' },
      { text: 'nəqliyyat-kommunikasiya layihələri üzrə əməkdaşlıq', value: 'transport' },
      { text: 'kənd təsərrüfatı sektorunda fəaliyyət göstərən sahibkarlar', value: 'agriculture' },
      { text: 'təhsil, elm və mədəniyyət sahələrində əlaqələr genişlənir', value: 'science' },
      { text: 'gömrük məsələləri üzrə saziş imzalanıb', value: 'customs' },
      { text: 'minatəmizləmə sahəsində beynəlxalq yardım', value: 'demining' },
      { text: 'turizm potensialının inkişafı', value: 'tourism' },
    ],
    noMatch: ['nümayəndə heyəti Bakıya gəlib', 'görüşün yekunu olaraq sənəd imzalanıb', 'FMO ilə əməkdaşlığımızı bərpa etməkdən məmnunuq', 'İlham Əliyev II Azərbaycan Beynəlxalq İnvestisiya Forumu çərçivəsində çıxış edib', 'siyasi dəstəkdən məmnunluq ifadə olunub', 'sənədi iqtisadiyyat naziri imzalayıb, əməkdaşlıq genişlənir', 'Nazir Səhiyyə Nazirliyində görüşüb', 'enerji içkisi satışa çıxarılıb'],
  },
  apply(state) {
    const out: Mention[] = [];
    const toks = state.tokens;
    // one pass over the tokens: the governors (… sahəsində, … üzrə) and the words that may start a cue
    const governors: number[] = []; // in text order, so counted in a range by binary search
    const starts: number[] = []; // the tokens that may start a cue, and those cues
    const startCues: Cue[][] = [];
    for (let k = 0; k < toks.length; k++) {
      const r = roleOf(state, k);
      if (!r) continue;
      if (r.governor) governors.push(k);
      if (r.cues && toks[k].kind === 'word') {
        starts.push(k);
        startCues.push(r.cues);
      }
    }
    let next = 0; // past the last cue taken or refused
    for (let s = 0; s < starts.length; s++) {
      const i = starts[s];
      if (i < next) continue;
      for (const c of startCues[s]) {
        const n = c.words.length;
        let ok = true;
        for (let k = 0; k < n && ok; k++) ok = wordMatches(state, i + k, c.words[k]);
        if (!ok) continue;
        next = i + n;
        if (!countsAsField(state, i, i + n, c.words[0], governors)) break;
        out.push(mention({
          kind: 'area',
          rule: this.id,
          start: toks[i].start,
          end: toks[i + n - 1].end,
          name: c.area.az,
          type: 'DefinedTerm',
          key: `area:${c.area.code}`,
          props: { termCode: c.area.code, en: c.area.en },
        }));
        break;
      }
    }
    return out;
  },
};

export const areaRules: Rule[] = [cueRule];
