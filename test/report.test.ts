// `aznews report`: the highlighted text (nesting, crossing spans), escaping,
// a deterministic site that skips its own folder, and the committed review
// of output/ (output/review, written by `npm start`) kept up to date.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../pipeline/batch.js';
import { extract } from '../pipeline/pipeline.js';
import { esc, safeUrl } from '../pipeline/report/html.js';
import { layout, renderArticlePage, renderText, viewOf } from '../pipeline/report/render.js';
import { writeReport } from '../pipeline/report/site.js';
import { aznews, filesUnder, ROOT } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'aznews-report-'));
const jsonldFiles = (dir: string) => expandInputs([dir], (p) => p.endsWith('.jsonld')).files;

/** A document with nodes of the given spans (each [start, end, @type]). */
function docWith(text: string, spans: [number, number, string][]) {
  const nodes = spans.map(([start, end, type], i) => ({ '@id': `n${i}`, '@type': type, name: text.slice(start, end), spans: [{ start, end, text: text.slice(start, end) }] }));
  return { '@context': {}, '@graph': [{ '@id': 'a', '@type': 'NewsArticle', text, mentions: nodes.map((n) => n['@id']) }, ...nodes] };
}

/** The highlighted text as a bracketed string: [k:…] per mark, for readable expectations. */
function brackets(text: string, spans: [number, number, string][]): string {
  const show = (ps: ReturnType<typeof layout>): string =>
    ps.map((p) => ('span' in p ? `[${p.first ? '' : '+'}${p.span.n}:${show(p.children)}]` : p.text)).join('');
  return show(layout(text, viewOf(docWith(text, spans)).spans));
}

describe('highlighting', () => {
  it('nests a span inside a longer one (the outer first)', () => {
    const text = 'Naftalan Şəhər İcra Hakimiyyəti';
    expect(brackets(text, [[0, 8, 'City'], [0, 31, 'GovernmentOrganization']])).toBe('[1:[0:Naftalan] Şəhər İcra Hakimiyyəti]');
  });

  it('splits a span that crosses another into a first piece and a continuation', () => {
    const text = 'abcdefghij';
    expect(brackets(text, [[0, 6, 'Person'], [3, 9, 'City']])).toBe('[0:abc[1:def]][+1:ghi]j');
  });

  it('keeps identical, adjacent and empty spans, one highlight each', () => {
    const text = 'Bakı və Gəncə';
    const spans: [number, number, string][] = [[0, 4, 'City'], [0, 4, 'Place'], [4, 4, 'Place'], [8, 13, 'City']];
    const html = renderText(viewOf(docWith(text, spans)));
    expect(html.match(/<mark class="hl /g)).toHaveLength(4);
    expect(html.replace(/<[^>]+>/g, '')).toBe(text);
  });

  it('has one focusable highlight per span of a real document, and the text unchanged', () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'output', 'dev', 'seed-metbuat-labour-pakistan.jsonld'), 'utf8'));
    const spans = doc['@graph'].reduce((a: number, n: any) => a + (n.spans?.length ?? 0), 0);
    const html = renderText(viewOf(doc));
    expect(html.match(/<mark class="hl [^"]*" id="s-\d+" tabindex="0"/g)).toHaveLength(spans);
    const unescaped = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(unescaped).toBe(doc['@graph'][0].text);
  });
});

describe('escaping', () => {
  it('escapes markup and drops non-http links', () => {
    expect(esc(`<img src=x onerror="alert('x')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('https://apa.az/x?a=1&b=2')).toBe('https://apa.az/x?a=1&b=2');
  });

  it('shows <script> and <img onerror> from the article, its headline and its nodes as text', () => {
    const { document } = extract({
      text: 'Bakıda <script>window.__pwned = 1</script> Pakistan ilə <img src=x onerror="window.__pwned = 2"> saziş imzalanıb.',
      headline: '<script>window.__pwned = 3</script>',
      url: 'javascript:window.__pwned = 4',
    });
    (document['@graph'][1] as any).name = '<img src=x onerror="window.__pwned = 5">';
    const html = renderArticlePage({ doc: document, file: '<b>x</b>.jsonld', problems: ['<script>bad</script>'], indexHref: '../index.html' });
    expect(html).not.toMatch(/<script>window|<img|<b>x|href="javascript:|<script>bad/);
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned = 5&quot;&gt;');
    // one script element (the page's own) and a CSP that admits only it
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-/);
  });
});

describe('aznews report', () => {
  it('writes index.html and one page per article, deterministically, skipping its own folder', () => {
    const dir = tmp();
    cpSync(join(ROOT, 'output', 'dev'), join(dir, 'out', 'dev'), { recursive: true });
    writeFileSync(join(dir, 'out', 'broken.jsonld'), '{"@graph": [');
    const r = aznews(['report', join(dir, 'out'), '--out', join(dir, 'out', 'review')]);
    expect(r.code, r.stderr).toBe(0);
    const first = filesUnder(join(dir, 'out', 'review'), '.html').map((f) => [relative(dir, f), readFileSync(f, 'utf8')]);
    expect(first.length).toBe(filesUnder(join(dir, 'out', 'dev'), '.jsonld').length + 1);
    const index = readFileSync(join(dir, 'out', 'review', 'index.html'), 'utf8');
    expect(index).toContain('href="dev/seed-metbuat-labour-pakistan.html"');
    expect(index).toMatch(/broken\.jsonld[\s\S]*not valid JSON/);
    expect(index).not.toContain(dir); // no absolute paths
    // a second run (the review folder now exists inside the input) gives the same bytes
    expect(aznews(['report', join(dir, 'out'), '--out', join(dir, 'out', 'review')]).code).toBe(0);
    const second = filesUnder(join(dir, 'out', 'review'), '.html').map((f) => [relative(dir, f), readFileSync(f, 'utf8')]);
    expect(second).toEqual(first);
  });

  it('lists validation problems in the index and on the page, and removes pages it no longer writes', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    const doc = JSON.parse(readFileSync(join(ROOT, 'output', 'dev', 'seed-metbuat-labour-pakistan.jsonld'), 'utf8'));
    doc['@graph'][1].spans[0].start += 1;
    writeFileSync(join(dir, 'in', 'bad.jsonld'), JSON.stringify(doc));
    writeFileSync(join(dir, 'in', 'gone.jsonld'), JSON.stringify(doc));
    writeReport(jsonldFiles(join(dir, 'in')), join(dir, 'review'));
    expect(existsSync(join(dir, 'review', 'gone.html'))).toBe(true);
    writeFileSync(join(dir, 'review', 'mine.html'), '<p>not written by aznews</p>');
    const summary = writeReport(jsonldFiles(join(dir, 'in')).filter((f) => !f.path.endsWith('gone.jsonld')), join(dir, 'review'));
    expect(summary.withProblems).toBe(1);
    expect(existsSync(join(dir, 'review', 'gone.html'))).toBe(false);
    expect(existsSync(join(dir, 'review', 'mine.html'))).toBe(true);
    expect(readFileSync(join(dir, 'review', 'index.html'), 'utf8')).toMatch(/does not match the article text/);
    expect(readFileSync(join(dir, 'review', 'bad.html'), 'utf8')).toMatch(/Validation problems[\s\S]*does not match the article text/);
  });

  it('exits 2 when there is nothing to report', () => {
    const dir = tmp();
    expect(aznews(['report', dir, '--out', join(dir, 'review')]).code).toBe(2);
    expect(aznews(['report', join(dir, 'nowhere'), '--out', join(dir, 'review')]).code).toBe(2);
  });
});

describe('output/review (written by npm start) is the review of output/', () => {
  it('matches what `aznews report output --out output/review` writes — re-run `npm start` when this fails', () => {
    const review = join(ROOT, 'output', 'review');
    expect(existsSync(join(review, 'index.html')), 'output/review/index.html is missing: run npm start').toBe(true);
    const dir = tmp();
    writeReport(jsonldFiles(join(ROOT, 'output')), dir);
    const fresh = filesUnder(dir, '.html').map((f) => relative(dir, f));
    expect(filesUnder(review, '.html').map((f) => relative(review, f))).toEqual(fresh);
    for (const f of fresh) expect(readFileSync(join(review, f), 'utf8'), `output/review/${f} is stale: run npm start`).toBe(readFileSync(join(dir, f), 'utf8'));
  });
});
