// `aznews eval`: the scoring is a port of ../shared/tools/score.mjs and must
// give the same numbers — checked here on the same predictions (the shared
// scorer's kept outputs) and end to end (both running the built CLI).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runEval } from '../pipeline/eval/run.js';
import { goldItems, KINDS, match, norm, predicted, scoreCases } from '../pipeline/eval/score.js';
import { aznews, ROOT } from './helpers.js';

const SHARED = join(ROOT, '..', 'shared');
const DEV = join(SHARED, 'gold', 'dev');
const tmp = () => mkdtempSync(join(tmpdir(), 'aznews-eval-'));

/** The shared scorer, run as its README says: from the project root. */
function sharedScore(args: string[]): any {
  return JSON.parse(execFileSync(process.execPath, [join(SHARED, 'tools', 'score.mjs'), ...args, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 }));
}

const doc = (text: string, nodes: Record<string, unknown>[]) => ({
  '@context': {},
  '@graph': [{ '@id': 'a', '@type': 'NewsArticle', text, mentions: nodes.map((n) => n['@id']) }, ...nodes],
});
const span = (text: string, s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });

describe('scoring rules (as in the shared scorer)', () => {
  it('folds case the Azerbaijani way, strips quotes, spaces and trailing punctuation', () => {
    expect(norm('İSPANİYA')).toBe('ispaniya');
    expect(norm('IRAQ')).toBe('ıraq');
    expect(norm('«Azərişıq»  ASC.')).toBe('azərişıq asc');
    expect(norm('"Bakı"')).toBe(norm('Bakı'));
  });

  it('matches one to one, greedily in gold order, on any accepted variant', () => {
    const gold = [
      { keys: ['sahil babayev', 'babayev'], label: 'Sahil Babayev' },
      { keys: ['babayev'], label: 'Babayev' },
    ];
    const m = match(gold, [{ keys: ['babayev'], label: 'Babayev' }]);
    expect(m).toMatchObject({ tp: 1, fp: 0, fn: 1, missed: ['Babayev'] });
  });

  it('reads people, organizations, places, documents, dates (deduped), areas and affiliations from a document', () => {
    const text = 'Nazir Sahil Babayev Bakıda memorandum imzalayıb. Dünən. Dünən.';
    const d = doc(text, [
      { '@id': 'p', '@type': 'Person', name: 'Sahil Babayev', worksFor: 'o', spans: [span(text, 'Sahil Babayev')] },
      { '@id': 'o', '@type': 'GovernmentOrganization', name: 'ƏMƏK NAZİRLİYİ', spans: [span(text, 'Nazir')] },
      { '@id': 'c', '@type': 'City', name: 'Bakı', spans: [span(text, 'Bakıda')] },
      { '@id': 'm', '@type': 'CreativeWork', name: 'memorandum', additionalType: 'memorandum', spans: [span(text, 'memorandum')] },
      { '@id': 'd1', '@type': 'TemporalExpression', name: 'Dünən', value: '2026-09-28', spans: [span(text, 'Dünən')] },
      { '@id': 'd2', '@type': 'TemporalExpression', name: 'dünən', value: '2026-09-28', spans: [span(text, 'Dünən')] },
    ]);
    const v: string[] = [];
    const p = predicted(d, v, 'x');
    expect(v).toEqual([]);
    expect(p.people[0].keys).toEqual(['sahil babayev']);
    expect(p.organizations[0].keys).toEqual(['əmək nazirliyi']);
    expect(p.documents[0].keys).toEqual(['memorandum']);
    expect(p.dates).toHaveLength(1);
    expect(p.affiliations[0].keys).toEqual(['sahil babayev @ əmək nazirliyi']);
    const r = scoreCases([
      {
        id: 'x',
        doc: d,
        gold: {
          people: [{ name: ['Sahil Babayev'] }],
          organizations: [{ name: 'Əmək Nazirliyi' }],
          places: [{ name: ['Bakı'] }, { name: ['Pakistan'], country: 'PK' }],
          documents: [{ kind: 'memorandum' }],
          dates: ['2026-09-28'],
          affiliations: [[['Sahil Babayev'], ['Əmək Nazirliyi']]],
        },
      },
    ]);
    expect(r.kinds.places).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(r.micro).toMatchObject({ tp: 6, fp: 0, fn: 1 });
    expect(r.details).toEqual([{ id: 'x', kind: 'places', missed: ['Pakistan'], extra: [] }]);
  });

  it('counts a span that does not slice the text and a missing document as contract violations', () => {
    const v: string[] = [];
    predicted(doc('Bakı', [{ '@id': 'c', '@type': 'City', name: 'Bakı', spans: [{ start: 1, end: 4, text: 'Bakı' }] }]), v, 'x');
    predicted(null, v, 'y');
    expect(v).toHaveLength(3);
    expect(goldItems({}).people).toEqual([]);
  });
});

describe('aznews eval agrees with ../shared/tools/score.mjs on the dev gold set', () => {
  it('has the shared folder beside the project', () => {
    expect(existsSync(join(SHARED, 'tools', 'score.mjs')), `${SHARED}/tools/score.mjs is missing`).toBe(true);
  });

  let shared: any;
  let keep: string;
  beforeAll(() => {
    keep = join(tmp(), 'pred');
    shared = sharedScore([DEV, '--keep', keep]);
  }, 300_000);

  it('scores the same predictions identically: per-kind tp/fp/fn, micro F1, misses and extras', () => {
    const ours = runEval(DEV, { predDir: keep });
    expect(shared.articles).toBeGreaterThan(0);
    for (const k of KINDS) {
      const { tp, fp, fn } = ours.kinds[k];
      expect({ kind: k, tp, fp, fn }).toEqual({ kind: k, tp: shared.kinds[k].tp, fp: shared.kinds[k].fp, fn: shared.kinds[k].fn });
      expect(ours.kinds[k].f.toFixed(3)).toBe(shared.kinds[k].f.toFixed(3));
    }
    expect(ours.micro.f.toFixed(3)).toBe(shared.micro.f.toFixed(3));
    expect(ours.details).toEqual(shared.details);
    expect(ours.violations).toBe(shared.violations);
    expect(ours.missingOutputs).toBe(shared.missingOutputs);
  });

  it('runs the extraction itself and still agrees (both through the built CLI)', () => {
    const r = aznews(['eval', DEV, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const ours = JSON.parse(r.stdout);
    for (const k of KINDS) expect([k, ours.kinds[k].tp, ours.kinds[k].fp, ours.kinds[k].fn]).toEqual([k, shared.kinds[k].tp, shared.kinds[k].fp, shared.kinds[k].fn]);
    expect(ours.micro.f.toFixed(3)).toBe(shared.micro.f.toFixed(3));
    expect(ours.runError).toBeNull();
  });

  it('prints the table, each article’s misses and extras, and the micro line', () => {
    const r = aznews(['eval', DEV, '--pred', keep]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kind +P +R +F1 +tp +fp +fn$/m);
    for (const k of KINDS) expect(r.stdout).toMatch(new RegExp(`^${k} +\\d\\.\\d{3} +\\d\\.\\d{3} +\\d\\.\\d{3}`, 'm'));
    expect(r.stdout).toContain(`micro F1 ${shared.micro.f.toFixed(3)}`);
    for (const d of shared.details.slice(0, 3)) expect(r.stdout).toContain(d.id);
  });
});

describe('aznews eval as a CI gate', () => {
  // a gold set of one's own: two annotated articles
  const dir = tmp();
  mkdirSync(join(dir, 'inputs'));
  mkdirSync(join(dir, 'gold'));
  writeFileSync(join(dir, 'inputs', 'a.json'), JSON.stringify({ text: 'Azərbaycan və Pakistan arasında saziş imzalanıb.', datePublished: '2026-09-29' }));
  writeFileSync(join(dir, 'gold', 'a.json'), JSON.stringify({ places: [{ name: 'Azərbaycan', country: 'AZ' }, { name: 'Pakistan', country: 'PK' }], documents: [{ kind: 'agreement' }] }));
  writeFileSync(join(dir, 'inputs', 'b.json'), JSON.stringify({ text: 'Nazir dünən Bakıda olub.', datePublished: '2026-09-29' }));
  writeFileSync(join(dir, 'gold', 'b.json'), JSON.stringify({ places: [{ name: 'Bakı' }], dates: ['2026-09-28'], people: [{ name: 'Heç Kim' }] }));

  it('exits 0 at or above --min-f1 and 1 below it', () => {
    const ok = aznews(['eval', dir, '--min-f1', '0.5']);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const bad = aznews(['eval', dir, '--min-f1', '0.99', '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ minF1: 0.99, pass: false });
    expect(bad.stderr).toMatch(/below --min-f1 0\.99/);
    expect(JSON.parse(bad.stdout).details).toContainEqual({ id: 'b', kind: 'people', missed: ['Heç Kim'], extra: [] });
  });

  it('exits 2 for bad usage', () => {
    expect(aznews(['eval', join(dir, 'nowhere')]).code).toBe(2);
    expect(aznews(['eval', dir, '--min-f1', '80']).code).toBe(2);
    expect(aznews(['eval', dir, '--pred', join(dir, 'nowhere')]).code).toBe(2);
  });
});
