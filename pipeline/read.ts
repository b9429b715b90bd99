// Stage 1 — read: bytes of one input file → the articles in it (CONTRACT.md §2).
// Pure: the batch runner does the file I/O and hands the bytes in.
import { isUtf8 } from 'node:buffer';
import type { Article } from './types.js';

export type InputFormat = 'txt' | 'json' | 'jsonl';

export interface ReadOk {
  ok: true;
  article: Article;
  /** 1-based line of a .jsonl input */
  line?: number;
}
export interface ReadError {
  ok: false;
  line?: number;
  reason: string;
}
export type ReadResult = ReadOk | ReadError;

const ARTICLE_FIELDS = ['headline', 'datePublished', 'url', 'publisher', 'inLanguage'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function formatOf(path: string): InputFormat | null {
  const m = /\.(txt|json|jsonl)$/i.exec(path);
  return m ? (m[1].toLowerCase() as InputFormat) : null;
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. Only run after a decode failed. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let n = 0;
    let min = 0;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { n = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { n = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { n = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** Strict UTF-8 decode; the BOM is dropped (as TextDecoder does). */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; at: number; reason: string } {
  // (isUtf8 validates with SIMD; then the plain decoder: ≈ 5× faster than a fatal TextDecoder)
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    return { ok: false, at, reason: `invalid UTF-8 at byte offset ${at}` };
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** An article with every field present (absent ones undefined): one object shape whatever the input
 *  gives, so the stages' reads of it stay monomorphic (each new shape cost V8 a deoptimisation). */
function articleOf(text: string): Article {
  return { text, headline: undefined, datePublished: undefined, url: undefined, publisher: undefined, inLanguage: undefined };
}

/** Checks one parsed JSON value against the article shape; returns the article or why not. */
export function articleFromJson(value: unknown): { ok: true; article: Article } | { ok: false; reason: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: 'expected a JSON object with a "text" string' };
  }
  const obj = value as Record<string, unknown>;
  if (!('text' in obj)) return { ok: false, reason: 'missing "text"' };
  if (typeof obj.text !== 'string') return { ok: false, reason: `"text" must be a string, not ${jsonType(obj.text)}` };
  const article = articleOf(obj.text);
  for (const field of ARTICLE_FIELDS) {
    const v = obj[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') return { ok: false, reason: `"${field}" must be a string, not ${jsonType(v)}` };
    article[field] = v;
  }
  if (article.datePublished !== undefined && !ISO_DATE.test(article.datePublished)) {
    return { ok: false, reason: `"datePublished" is not an ISO 8601 date: ${JSON.stringify(article.datePublished)}` };
  }
  return { ok: true, article };
}

function jsonType(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** The line (1-based) of a character offset in a JSON text, for error messages. */
function lineOfJsonError(text: string, err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const m = /position (\d+)/.exec(msg);
  if (!m) return msg;
  const pos = Number(m[1]);
  const line = text.slice(0, pos).split('\n').length;
  return `${msg.replace(/ in JSON at position \d+.*$/, '')} (line ${line})`;
}

/** Articles of one .jsonl line; blank lines are allowed and skipped. */
export function readJsonLine(line: string, lineNo: number): ReadResult | null {
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { ok: false, line: lineNo, reason: `line ${lineNo}: not valid JSON (${e instanceof Error ? e.message : e})` };
  }
  const r = articleFromJson(value);
  return r.ok ? { ok: true, article: r.article, line: lineNo } : { ok: false, line: lineNo, reason: `line ${lineNo}: ${r.reason}` };
}

/** All articles of one input file. */
export function readArticles(bytes: Uint8Array, format: InputFormat): ReadResult[] {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return [{ ok: false, reason: decoded.reason }];
  const text = decoded.text;
  if (format === 'txt') {
    if (text.includes('\u0000')) return [{ ok: false, reason: 'binary content (NUL bytes), not a text article' }];
    return [{ ok: true, article: articleOf(text) }];
  }
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return [{ ok: false, reason: `not valid JSON: ${lineOfJsonError(text, e)}` }];
    }
    const r = articleFromJson(value);
    return [r.ok ? { ok: true, article: r.article } : { ok: false, line: 1, reason: r.reason }];
  }
  const out: ReadResult[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const r = readJsonLine(line.endsWith('\r') ? line.slice(0, -1) : line, i + 1);
    if (r) out.push(r);
  });
  return out;
}
