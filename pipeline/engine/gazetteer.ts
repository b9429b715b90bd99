// Language-neutral multi-word gazetteer over tokens. All words but the last
// must match exactly (lower case); the last may match any of its forms (the
// caller supplies them, e.g. de-inflected readings), since in agglutinative
// languages only the last word of a name inflects.
export interface GazToken {
  lower: string;
  kind: string;
  upper: boolean;
  text: string;
}

export interface GazMatch<T> {
  start: number; // token index
  end: number; // exclusive
  value: T;
}

const WORDS = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

export function tokenizeName(name: string, lower: (s: string) => string): string[] {
  return [...lower(name).matchAll(WORDS)].map((m) => m[0]);
}

export class Gazetteer<T> {
  private readonly byFirst = new Map<string, { words: string[]; value: T }[]>();
  // for the cheap test before a walk (mayStartAt): the one-word names, and the second words of longer names by their first
  private readonly oneWord = new Set<string>();
  private readonly seconds = new Map<string, Set<string>>();
  private readonly lower: (s: string) => string;

  constructor(lower: (s: string) => string) {
    this.lower = lower;
  }

  add(name: string, value: T): void {
    const words = tokenizeName(name, this.lower);
    if (!words.length) return;
    const list = this.byFirst.get(words[0]) ?? [];
    if (!list.some((e) => e.words.join(' ') === words.join(' '))) list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(words[0], list);
    if (words.length === 1) this.oneWord.add(words[0]);
    else {
      let s = this.seconds.get(words[0]);
      if (!s) this.seconds.set(words[0], (s = new Set()));
      s.add(words[1]);
    }
  }

  get size(): number {
    let n = 0;
    for (const l of this.byFirst.values()) n += l.length;
    return n;
  }

  /**
   * Whether an entry can start at token i, by what matchAt requires: a one-word entry in any form
   * of the word; a longer one by its first word as written and its second word as written or (when
   * last) in any form. Most words fail this and are spared the walk through the entries.
   */
  private mayStartAt(tokens: GazToken[], i: number, keys: string[], forms: (k: number) => string[]): boolean {
    const first = tokens[i];
    if (this.oneWord.has(first.lower)) return true;
    for (const k of keys) if (this.oneWord.has(k)) return true;
    const seconds = this.seconds.get(first.lower);
    const next = tokens[i + 1];
    if (!seconds || !next) return false;
    if (seconds.has(next.lower)) return true;
    for (const f of forms(i + 1)) if (seconds.has(f)) return true;
    return false;
  }

  /** Longest entry starting at token i, or null. */
  matchAt(tokens: GazToken[], i: number, forms: (k: number) => string[]): GazMatch<T> | null {
    const first = tokens[i];
    if (!first) return null;
    const keys = forms(i);
    if (!this.mayStartAt(tokens, i, keys, forms)) return null;
    let best: GazMatch<T> | null = null;
    // the word as written first, then its other forms (no Set: this runs for every token)
    for (let f = -1; f < keys.length; f++) {
      const key = f < 0 ? first.lower : keys[f];
      if (f >= 0 && key === first.lower) continue;
      const list = this.byFirst.get(key);
      if (!list) continue;
      for (const e of list) {
        const n = e.words.length;
        if (best && n <= best.end - best.start) break;
        if (i + n > tokens.length) continue;
        if (n === 1) {
          best = { start: i, end: i + 1, value: e.value };
          break;
        }
        if (key !== first.lower) continue; // only the last word may inflect
        let ok = true;
        for (let k = 1; k < n - 1 && ok; k++) ok = tokens[i + k].lower === e.words[k];
        if (!ok) continue;
        const last = i + n - 1;
        if (tokens[last].lower !== e.words[n - 1] && !forms(last).includes(e.words[n - 1])) continue;
        best = { start: i, end: i + n, value: e.value };
        break;
      }
    }
    return best;
  }
}
