// The command line from the outside, as a user or a CI job runs it (needs the
// build that `npm install` runs through `prepare`).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aznews, filesUnder, ROOT } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'aznews-test-'));
const SEED = join(ROOT, 'input', 'dev', 'seed-metbuat-labour-pakistan.json');

describe('aznews extract', () => {
  it('mirrors input paths and lines of .jsonl files into the output directory', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in', 'a'), { recursive: true });
    writeFileSync(join(dir, 'in', 'a', 'b.txt'), 'Bakıda görüş olub.');
    writeFileSync(join(dir, 'in', 'c.jsonl'), '{"text":"Pakistanla əlaqələr"}\n{"text":"Bakı"}\n');
    writeFileSync(join(dir, 'in', 'notes.md'), '# not an article');
    const r = aznews(['extract', join(dir, 'in'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'out', 'a', 'b.jsonld'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'c', '1.jsonld'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'c', '2.jsonld'))).toBe(true);
    expect(r.stderr).toMatch(/skipped 1 file/);
    const doc = JSON.parse(readFileSync(join(dir, 'out', 'a', 'b.jsonld'), 'utf8'));
    expect(doc['@graph'].some((n: any) => n['@type'] === 'City' && n.name === 'Bakı')).toBe(true);
  });

  it('reports each bad input with its path and reason, writes the good ones, and exits 1', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'good.txt'), 'Azərbaycan və Pakistan arasında saziş imzalanıb.');
    writeFileSync(join(dir, 'in', 'bad.txt'), Buffer.from([0x41, 0xff, 0x42]));
    writeFileSync(join(dir, 'in', 'notext.json'), '{"headline": "x"}');
    writeFileSync(join(dir, 'in', 'mixed.jsonl'), '{"text":"Bakı"}\n{"text": 3}\n');
    const r = aznews(['extract', join(dir, 'in'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'in', 'bad.txt')}: invalid UTF-8 at byte offset 1`);
    expect(r.stderr).toContain(`${join(dir, 'in', 'notext.json')}:1: missing "text"`);
    expect(r.stderr).toContain(`${join(dir, 'in', 'mixed.jsonl')}: line 2: "text" must be a string`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack traces
    expect(existsSync(join(dir, 'out', 'good.jsonld'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'mixed', '1.jsonld'))).toBe(true);
  });

  it('uses --reference-date for relative dates when an article has no datePublished', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), 'Dünən nazir Bakıya gəlib.');
    const r = aznews(['extract', join(dir, 'a.txt'), '--out', join(dir, 'out'), '--reference-date', '2026-09-29']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 'out', 'a.jsonld'), 'utf8'));
    expect(doc['@graph'].find((n: any) => n['@type'] === 'TemporalExpression')).toMatchObject({ name: 'Dünən', value: '2026-09-28' });
  });

  it('is a filter: JSON Lines from stdin to JSON Lines on stdout, in input order', () => {
    const lines = ['{"text":"Bakıda görüş"}', '{"text":"Pakistanla saziş"}'].join('\n');
    const r = aznews(['extract', '-', '--out', '-', '--quiet'], lines);
    expect(r.code).toBe(0);
    const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(docs.map((d) => d['@graph'][0].text)).toEqual(['Bakıda görüş', 'Pakistanla saziş']);
  });

  it('exits 2 with a usage message for bad usage', () => {
    expect(aznews(['extract', 'input']).code).toBe(2); // --out missing
    expect(aznews(['extract', 'input', '--out', 'x', '--reference-date', '29.09.2026']).code).toBe(2);
    expect(aznews(['extract', 'no/such/path', '--out', tmp()]).code).toBe(2);
    expect(aznews(['frobnicate']).code).toBe(2);
  });

  it('explains itself in --help with examples', () => {
    const r = aznews(['extract', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--reference-date/);
    expect(r.stdout).toMatch(/Examples:/);
  });
});

describe('aznews validate', () => {
  it('accepts output/ and rejects a hand-broken copy with exit 1', () => {
    expect(aznews(['validate', 'output']).code).toBe(0);
    const dir = tmp();
    cpSync(join(ROOT, 'output', 'dev'), dir, { recursive: true });
    const f = filesUnder(dir, '.jsonld')[0];
    const doc = JSON.parse(readFileSync(f, 'utf8'));
    const node = doc['@graph'].find((n: any) => n.spans);
    node.spans[0].start += 1; // the span no longer slices the text
    writeFileSync(f, JSON.stringify(doc));
    const r = aznews(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(f);
    expect(r.stderr).toMatch(/does not match the article text/);
  });
});

describe('the seed article end to end', () => {
  it('finds the people, bodies, documents, dates and areas of the sample', () => {
    const dir = tmp();
    const r = aznews(['extract', SEED, '--out', dir]);
    expect(r.code).toBe(0);
    const graph = JSON.parse(readFileSync(join(dir, 'seed-metbuat-labour-pakistan.jsonld'), 'utf8'))['@graph'] as any[];
    const names = (t: RegExp) => graph.filter((n) => t.test(n['@type'])).map((n) => n.name);
    expect(names(/^Person$/)).toEqual(expect.arrayContaining(['Sacid Hüsseyn Turi', 'Sahil Babayev']));
    expect(names(/Organization$/)).toEqual(expect.arrayContaining(['Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi', 'İslam Əməkdaşlıq Təşkilatı']));
    expect(names(/^Country$/)).toEqual(expect.arrayContaining(['Pakistan', 'Azərbaycan']));
    const kinds = graph.filter((n) => n.additionalType).map((n) => n.additionalType);
    expect(kinds).toEqual(expect.arrayContaining(['memorandum', 'action-plan']));
    const dates = graph.filter((n) => n['@type'] === 'TemporalExpression').map((n) => n.value);
    expect(dates).toEqual(expect.arrayContaining(['2022-05', '2023/2024']));
    const areas = graph.filter((n) => n['@type'] === 'DefinedTerm').map((n) => n.termCode);
    expect(areas).toEqual(expect.arrayContaining(['labour', 'employment', 'social-protection', 'informal-employment', 'disability', 'ict']));
    expect(areas).not.toContain('defence'); // sosial müdafiə is not defence
    const turi = graph.find((n) => n.name === 'Sacid Hüsseyn Turi');
    expect(turi.alternateName).toContain('S.H.Turi');
    expect(turi.spans.length).toBeGreaterThanOrEqual(2);
    const babayev = graph.find((n) => n.name === 'Sahil Babayev');
    expect(graph.find((n) => n['@id'] === babayev.worksFor)?.name).toBe('Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi');
  });
});
