// Unicode character classes for the tokenizer, looked up by code unit instead
// of running a Unicode-property regex per token (the regex scan cost ≈ 40 ns
// a character; a table lookup a few). Each class is decided once per code
// point by the same regexes, so the table and the regexes cannot disagree.

export const WORD = 1; // \p{L}\p{M}\p{N}: part of a word
export const SPACE = 2; // \s: separates tokens
export const UPPER = 4; // \p{Lu}: an upper-case letter
const KNOWN = 8; // the entry has been computed

const IS_WORD = /^[\p{L}\p{M}\p{N}]$/u;
const IS_SPACE = /^\s$/u;
const IS_UPPER = /^\p{Lu}$/u;

function classify(ch: string): number {
  return KNOWN | (IS_WORD.test(ch) ? WORD : 0) | (IS_SPACE.test(ch) ? SPACE : 0) | (IS_UPPER.test(ch) ? UPPER : 0);
}

// Basic Multilingual Plane, filled on first use of each code unit; astral code points in a map
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();

/** The class bits (WORD | SPACE | UPPER) of the code point that starts at `i`. */
export function charClass(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) {
      let k = astral.get(cp);
      if (k === undefined) astral.set(cp, (k = classify(String.fromCodePoint(cp))));
      return k;
    }
  }
  let k = bmp[c];
  if (k === 0) bmp[c] = k = classify(String.fromCharCode(c));
  return k;
}

/** Code units taken by the code point that starts at `i` (2 for a surrogate pair). */
export function charWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}
