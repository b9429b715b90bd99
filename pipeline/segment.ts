// Stage 2 — segment: sentences by UAX #29 (engine/sentences.ts for Latin-script
// text, Intl.Segmenter for any other; both know `Metbuat.az` is not a sentence
// end) and tokens by one scan over a character-class table
// (engine/chars.ts; ≈30× faster than Intl.Segmenter's word mode).
// Offsets are UTF-16 code units into the text.
import type { DocState, Sentence, Token } from './types.js';
import { lowerAz } from './lang/az/text.js';
import { charClass, charWidth, SPACE, UPPER, WORD } from './engine/chars.js';
import { sentenceEnds } from './engine/sentences.js';

const sentenceSegmenter = new Intl.Segmenter('az', { granularity: 'sentence' });

// V8's Intl.Segmenter gets quadratically slow on strings longer than 65 536 code
// units (each step costs time proportional to the whole string), so a long text
// is segmented in windows of at most WINDOW code units, cut after a line break
// (a sentence always ends there, UAX #29 SB4: the result is the same) or, in
// a longer paragraph, after a space.
const WINDOW = 32_768;

export function* sentenceSegments(text: string, window = WINDOW): Generator<{ index: number; segment: string }> {
  if (text.length <= window) {
    yield* sentenceSegmenter.segment(text);
    return;
  }
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + window);
    let piece = text.slice(start, end);
    if (end < text.length) {
      let cut = piece.lastIndexOf('\n') + 1;
      if (cut <= 0) cut = piece.lastIndexOf(' ') + 1;
      if (cut <= 0) cut = piece.length - (/[\ud800-\udbff]/.test(piece[piece.length - 1]) ? 1 : 0);
      end = start + cut;
      piece = piece.slice(0, cut);
    }
    for (const s of sentenceSegmenter.segment(piece)) yield { index: start + s.index, segment: s.segment };
    start = end;
  }
}

function icuSentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const s of sentenceSegments(text)) ends.push(s.index + s.segment.length);
  return ends;
}

export function segment(state: DocState): DocState {
  const text = state.article.text;
  // lower-cased once: lowerAz keeps lengths, so a token's lower case is a slice of it
  const lower = lowerAz(text);
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  let sentenceIndex = 0;
  let start = 0;
  for (const end of sentenceEnds(text) ?? icuSentenceEnds(text)) {
    const first = tokens.length;
    let i = start;
    while (i < end) {
      const cls = charClass(text, i);
      if (cls & SPACE) {
        i += charWidth(text, i);
        continue;
      }
      // a word is a run of letters, marks and digits; any other character is one punct token
      let j = i + charWidth(text, i);
      if (cls & WORD) while (j < end && charClass(text, j) & WORD) j += charWidth(text, j);
      const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
      tokens.push({
        start: i,
        end: j,
        text: text.slice(i, j),
        lower: lower.slice(i, j),
        kind: cls & WORD ? 'word' : 'punct',
        spaceBefore: i === 0 || prev === 32 || prev === 10 || prev === 13 || prev === 9 || prev === 0xa0,
        sentence: sentenceIndex,
        upper: (cls & UPPER) !== 0,
      });
      i = j;
    }
    if (tokens.length > first) {
      sentences.push({ start, end, first, last: tokens.length });
      sentenceIndex++;
    }
    start = end;
  }
  return { ...state, lowerText: lower, sentences, tokens };
}
