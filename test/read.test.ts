import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, readArticles } from '../pipeline/read.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('read', () => {
  it('drops a UTF-8 BOM and keeps CRLF line endings so offsets stay exact', () => {
    const r = readArticles(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Bakı\r\nGəncə')]), 'txt');
    expect(r).toEqual([{ ok: true, article: { text: 'Bakı\r\nGəncə' } }]);
  });
  it('rejects invalid UTF-8 with the byte offset', () => {
    const data = new Uint8Array([...bytes('Bakı '), 0xc3, 0x28, ...bytes(' x')]);
    const [r] = readArticles(data, 'txt');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('invalid UTF-8 at byte offset 6');
    expect(firstInvalidUtf8(bytes('Əmək'))).toBe(-1);
  });
  it('reads a .json article with its optional fields', () => {
    const [r] = readArticles(bytes(JSON.stringify({ text: 'Mətn', datePublished: '2023-06-15T10:30:00+04:00', url: 'https://apa.az/x' })), 'json');
    expect(r).toEqual({ ok: true, article: { text: 'Mətn', datePublished: '2023-06-15T10:30:00+04:00', url: 'https://apa.az/x' } });
  });
  it('says why a .json article is unusable', () => {
    expect(readArticles(bytes('{"headline": "x"}'), 'json')[0]).toMatchObject({ ok: false, reason: 'missing "text"' });
    expect(readArticles(bytes('{"text": 5}'), 'json')[0]).toMatchObject({ ok: false, reason: '"text" must be a string, not a number' });
    expect(readArticles(bytes('{"text": "a", "datePublished": "dünən"}'), 'json')[0]).toMatchObject({ ok: false });
    expect(readArticles(bytes('{"text": '), 'json')[0]).toMatchObject({ ok: false });
  });
  it('reads .jsonl line by line, reporting a broken line and keeping the others', () => {
    const r = readArticles(bytes('{"text":"bir"}\n{broken\n\n{"text":"üç"}\n'), 'jsonl');
    expect(r.map((x) => (x.ok ? [x.line, x.article.text] : [x.line, 'error']))).toEqual([
      [1, 'bir'],
      [2, 'error'],
      [4, 'üç'],
    ]);
    expect(r[1].ok === false && r[1].reason).toMatch(/^line 2: not valid JSON/);
  });
});
