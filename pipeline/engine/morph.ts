// A small language-neutral suffix-stripping analyser and generator. All
// language facts (suffix templates, harmony, alternations) come from a data
// file such as pipeline/lang/az/morphology.json.

export interface SuffixDef {
  form: string;
  feature: string;
  after?: 'V' | 'C' | 'poss3';
  afterFeature?: string[];
  /** rarity of this suffix in news text (lowers the reading's score) */
  penalty?: number;
}
export interface MorphData {
  vowels: string;
  harmony: Record<string, Record<string, string>>;
  alternations: { surface: string; stem: string; minVowels: number; likelyEndings?: string[] }[];
  slots: { slot: string; suffixes: SuffixDef[] }[];
  derivations: SuffixDef[];
  minStem: number;
  preferredStemEndings: string[];
  hyphenSuffixes: string[];
  bufferVowelBias?: Record<string, number>;
  shortStem?: { length: number; penalty: number };
  extraSuffixPenalty?: number;
  oneLetterSuffixScore?: number;
  pluralStemPenalty?: number;
}

export interface Reading {
  /** remaining word with alternations undone: the dictionary stem */
  stem: string;
  /** the stem as it appears before the suffixes (alternation kept) */
  surfaceStem: string;
  /** features by slot */
  features: Record<string, string>;
  /** realised suffixes from the stem outward */
  suffixes: string[];
  score: number;
}

interface Need {
  poss3?: boolean;
  features?: string[];
}

export class Morphology {
  private readonly data: MorphData;
  private readonly cache = new Map<string, Reading[]>();
  private readonly maxCache: number;

  /** every surface variant of each suffix template, to reject most suffixes with one endsWith */
  private readonly variants = new Map<SuffixDef, string[]>();

  /** maxCache 0: no memo here (a caller that memoises the readings it derives) */
  constructor(data: MorphData, maxCache = 200_000) {
    this.data = data;
    this.maxCache = maxCache;
    for (const slot of data.slots) for (const def of slot.suffixes) this.variants.set(def, this.expand(def.form));
  }

  private expand(template: string): string[] {
    let out = [''];
    for (const ch of template) {
      const table = this.data.harmony[ch];
      const options = table ? [...new Set(Object.values(table))] : [ch];
      out = out.flatMap((p) => options.map((o) => p + o));
    }
    return out;
  }

  clearCache(): void {
    this.cache.clear();
  }

  isVowel(c: string): boolean {
    return this.data.vowels.includes(c);
  }

  lastVowel(s: string): string {
    for (let i = s.length - 1; i >= 0; i--) if (this.data.vowels.includes(s[i])) return s[i];
    return '';
  }

  /** Realises a template (A/I placeholders) after a stem, by harmony. */
  realise(template: string, stem: string): string {
    let v = this.lastVowel(stem);
    let out = '';
    for (const ch of template) {
      const table = this.data.harmony[ch];
      if (table) {
        const r = table[v] ?? table['a'];
        out += r;
        v = r;
      } else {
        out += ch;
        if (this.isVowel(ch)) v = ch;
      }
    }
    return out;
  }

  /** All readings of a lower-case word, best first (memoised). */
  analyse(word: string): Reading[] {
    const hit = this.cache.get(word);
    if (hit) return hit;
    const readings: Reading[] = [];
    this.strip(word, this.data.slots.length - 1, {}, [], null, readings, 0);
    if (!readings.length) readings.push({ stem: word, surfaceStem: word, features: {}, suffixes: [], score: 1 });
    readings.sort((a, b) => b.score - a.score || a.suffixes.length - b.suffixes.length);
    if (this.maxCache > 0) {
      if (this.cache.size >= this.maxCache) this.cache.clear();
      this.cache.set(word, readings);
    }
    return readings;
  }

  private strip(
    rest: string,
    slot: number,
    features: Record<string, string>,
    suffixes: string[],
    need: Need | null,
    out: Reading[],
    penalty: number,
  ): void {
    // the reading that stops here: only when no inner suffix is still required
    if (!need?.poss3 && !need?.features && rest.length >= this.data.minStem) this.emit(rest, features, suffixes, out, penalty);
    for (let s = slot; s >= 0; s--) {
      for (const def of this.data.slots[s].suffixes) {
        const len = def.form.length;
        if (rest.length - len < this.data.minStem) continue;
        if (!this.variants.get(def)!.some((v) => rest.endsWith(v))) continue;
        if (need?.poss3 && !(def.feature === '3sg' || def.feature === '3pl')) continue;
        if (need?.features && !need.features.includes(def.feature)) continue;
        const before = rest.slice(0, rest.length - len);
        const actual = rest.slice(rest.length - len);
        const realised = this.realise(def.form, before);
        let harmonyPenalty = 0;
        if (actual !== realised) {
          if (!this.matchesLoosely(def.form, actual)) continue;
          harmonyPenalty = 0.6; // harmony broken: loanwords do this, but rarely
        }
        if (!this.constraintOk(before, def.after)) continue;
        const next: Need | null =
          def.after === 'poss3' ? { poss3: true } : def.afterFeature ? { features: def.afterFeature } : null;
        const f = { ...features, [this.data.slots[s].slot]: def.feature };
        this.strip(before, s - 1, f, [actual, ...suffixes], next, out, penalty + harmonyPenalty + (def.penalty ?? 0));
      }
    }
  }

  private matchesLoosely(template: string, actual: string): boolean {
    if (template.length !== actual.length) return false;
    for (let i = 0; i < template.length; i++) {
      const t = template[i];
      const table = this.data.harmony[t];
      if (table) {
        if (!Object.values(table).includes(actual[i])) return false;
      } else if (t !== actual[i]) return false;
    }
    return true;
  }

  private constraintOk(before: string, after: SuffixDef['after']): boolean {
    const last = before[before.length - 1] ?? '';
    if (after === 'V') return this.isVowel(last);
    if (after === 'C') return !this.isVowel(last);
    if (after === 'poss3') return this.isVowel(last) || /(?:lar|lər)ı$|(?:lar|lər)i$/.test(before);
    return true;
  }

  private emit(rest: string, features: Record<string, string>, suffixes: string[], out: Reading[], penalty: number): void {
    const d = this.data;
    let stem = rest;
    let score = 1 - penalty;
    const firstSuffix = suffixes[0];
    if (firstSuffix && this.isVowel(firstSuffix[0])) {
      for (const alt of d.alternations) {
        if (rest.endsWith(alt.surface) && this.vowelCount(rest) >= alt.minVowels) {
          stem = rest.slice(0, -alt.surface.length) + alt.stem;
          // ğ before a vowel is nearly always q; y is k only in stems shaped like -lik, -ək (else a buffer y)
          if (alt.likelyEndings?.some((e) => stem.endsWith(e))) score += 0.2;
          else score -= 0.2;
        }
      }
    }
    if (suffixes.length) {
      // a 1-letter outer suffix is weak evidence; a word that ends like a longer suffix is likely inflected
      const outer = suffixes[suffixes.length - 1];
      score += outer.length >= 2 ? 0.05 * outer.length : (d.oneLetterSuffixScore ?? -0.25);
      const inner = (features.possessive ? 1 : 0) + (features.plural ? 1 : 0);
      if (features.case) score -= (d.extraSuffixPenalty ?? 0) * inner;
      // the buffer n after a vowel-final stem (ölkə-nin) versus the stem's own n (zaman-ı)
      const caseSuffix = features.case ? suffixes[suffixes.length - 1 - (features.ki ? 1 : 0) - (features.predicative ? 1 : 0)] : undefined;
      if (caseSuffix?.startsWith('n') && suffixes.length === 1) score += d.bufferVowelBias?.[rest[rest.length - 1]] ?? 0;
    }
    if (this.prefersEnding(stem)) score += 0.3;
    // a stem that itself ends like the plural is more likely the plural (proqramlar-ın, not proqramlar+ın)
    if (!features.plural && d.pluralStemPenalty && /l[aə]r$/.test(stem)) score -= d.pluralStemPenalty;
    if (this.vowelCount(stem) === 0) score -= 0.5;
    if (d.shortStem && stem.length <= d.shortStem.length && suffixes.length && this.isVowel(stem[stem.length - 1])) score -= d.shortStem.penalty;
    out.push({ stem, surfaceStem: rest, features: { ...features }, suffixes, score });
  }

  private prefersEnding(stem: string): boolean {
    return this.data.preferredStemEndings.some((e) => stem.endsWith(e));
  }

  private vowelCount(s: string): number {
    let n = 0;
    for (const c of s) if (this.isVowel(c)) n++;
    return n;
  }

  /** Generates the form of a (lower-case) stem with features by slot, e.g. {possessive:'3sg', case:'loc'}. */
  generate(stem: string, features: Record<string, string>): string {
    let word = stem;
    let prevFeature: string | null = null;
    for (const { slot, suffixes } of this.data.slots) {
      const want = features[slot];
      if (!want) continue;
      const candidates = suffixes.filter((d) => d.feature === want);
      const poss3 = prevFeature === '3sg' || prevFeature === '3pl';
      const def =
        candidates.find((d) => d.after === 'poss3' && poss3) ??
        candidates.find((d) => (d.after === 'V' && this.endsInVowel(word)) || (d.after === 'C' && !this.endsInVowel(word))) ??
        candidates.find((d) => !d.after) ??
        candidates[0];
      if (!def) throw new Error(`no suffix for ${slot}=${want}`);
      const suffix = this.realise(def.form, word);
      if (this.isVowel(suffix[0])) {
        for (const alt of this.data.alternations) {
          if (word.endsWith(alt.stem) && this.vowelCount(word) >= alt.minVowels) word = word.slice(0, -alt.stem.length) + alt.surface;
        }
      }
      word += suffix;
      prevFeature = want;
    }
    return word;
  }

  private endsInVowel(s: string): boolean {
    return this.isVowel(s[s.length - 1] ?? '');
  }

  get hyphenSuffixes(): readonly string[] {
    return this.data.hyphenSuffixes;
  }
}
