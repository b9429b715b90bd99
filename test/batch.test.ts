// The batch job from the outside (the built CLI): bad input of every kind never
// stops it, the output is the same for any number of workers, a re-run skips
// what is current, shards split the inputs, and stdin → stdout streams.
// Fixtures are generated in a temporary directory (no 50 MB files committed).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BYTES_PER_THREAD, LineSplitter, runBatch, threadPlan, threadsFor } from '../pipeline/batch.js';
import { aznews, CLI, ROOT } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'aznews-batch-'));
const isRoot = process.getuid?.() === 0;

/** Every file under dir (hidden ones included) → its bytes, by relative path. */
/** The files of a tree without the resume state (its journals list lines in the order threads finished). */
function documents(t: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(t).filter(([p]) => !p.startsWith('.aznews-state')));
}

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'latin1');
    }
  };
  walk(dir);
  return out;
}

const GOOD = [
  'Azərbaycan və Pakistan arasında əmək, məşğulluq və sosial müdafiə sahələrində əməkdaşlığa dair memorandum imzalanıb.',
  'Əmək və Əhalinin Sosial Müdafiəsi Nazirliyində nazir Sahil Babayev Pakistan nümayəndə heyətini qəbul edib.',
  'Dünən Bakıda İslam Əməkdaşlıq Təşkilatının iclası keçirilib.',
];

/** A folder of good articles in all three formats (and a name with odd characters). */
function goodInputs(dir: string): void {
  mkdirSync(join(dir, 'sub dir'), { recursive: true });
  writeFileSync(join(dir, 'a.txt'), GOOD[0]);
  writeFileSync(join(dir, 'b.json'), JSON.stringify({ text: GOOD[1], datePublished: '2023-03-01', headline: 'Görüş' }));
  writeFileSync(join(dir, 'c.jsonl'), GOOD.map((text, i) => JSON.stringify({ text, url: `https://example.az/${i}` })).join('\n') + '\n');
  writeFileSync(join(dir, 'sub dir', "odd [1] 'ə' *?.txt"), GOOD[2]);
}

const MIXED_HEAD = [JSON.stringify({ text: GOOD[0] }), '{"text": "kəsik', JSON.stringify({ text: ['not', 'a', 'string'] })].join('\n') + '\n';
const BIG = 'Bakı '.repeat((50 * 1024 * 1024) / 6);

describe('bad input never stops the batch', () => {
  const dir = tmp();
  const inDir = join(dir, 'in');
  const out = join(dir, 'out');
  let r: ReturnType<typeof aznews>;
  let fifo = false;
  beforeAll(() => {
    mkdirSync(inDir);
    goodInputs(inDir);
    const bad: Record<string, string | Buffer> = {
      'invalid-utf8.txt': Buffer.concat([Buffer.from('Bakı '), Buffer.from([0xc3, 0x28]), Buffer.from(' Gəncə')]),
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      'nul.txt': Buffer.from('Bakı\u0000Gəncə'),
      'binary.jsonl': Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff, 0x0a, 0x7d]),
      'empty.txt': '',
      'empty.json': '',
      'empty.jsonl': '',
      'blank.txt': '  \n\t\n',
      'blank.jsonl': '\n  \n',
      'wrong-types.json': JSON.stringify({ text: 42 }),
      'array.json': '[1, 2, 3]',
      'date-number.json': JSON.stringify({ text: 'Bakı', datePublished: 20230301 }),
      'headline-object.json': JSON.stringify({ text: 'Bakı', headline: { az: 'x' } }),
      'broken.json': '{"text": "Bakı",',
      // a .jsonl file with broken lines among good ones: cut JSON, a wrong type, invalid UTF-8 bytes
      'mixed.jsonl': Buffer.concat([Buffer.from(MIXED_HEAD), Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]), Buffer.from(JSON.stringify({ text: GOOD[1] }) + '\n')]),
      // a 50 MB single line between two good ones, and a 50 MB single-line article
      'huge-line.jsonl': `${JSON.stringify({ text: GOOD[2] })}\n${JSON.stringify({ text: BIG })}\n${JSON.stringify({ text: GOOD[0] })}\n`,
      'huge.txt': BIG,
      // a bad article in a file whose name holds a line break
      'line\nbreak.json': '{"text": null}',
      // two inputs with one output path (dup.jsonld): the first one in order keeps it
      'dup.json': JSON.stringify({ text: GOOD[0] }),
      'dup.txt': GOOD[1],
    };
    for (const [name, content] of Object.entries(bad)) writeFileSync(join(inDir, name), content);
    // unreadable inputs (tests run as root, where chmod 000 still reads: a dangling link and a FIFO are unreadable for everyone)
    symlinkSync(join(dir, 'no-such-target.txt'), join(inDir, 'dangling.txt'));
    fifo = spawnSync('mkfifo', [join(inDir, 'fifo.jsonl')]).status === 0;
    writeFileSync(join(inDir, 'locked.txt'), GOOD[0]);
    chmodSync(join(inDir, 'locked.txt'), 0o000);
    r = aznews(['extract', inDir, '--out', out, '--verbose']);
  }, 120_000);

  it('exits 1 and still writes every good article', () => {
    expect(r.code).toBe(1);
    for (const p of ['a.jsonld', 'b.jsonld', 'c/1.jsonld', 'c/2.jsonld', 'c/3.jsonld', "sub dir/odd [1] 'ə' *?.jsonld", 'mixed/1.jsonld', 'mixed/5.jsonld', 'huge-line/1.jsonld', 'huge-line/3.jsonld']) {
      expect(existsSync(join(out, p)), p).toBe(true);
    }
    expect(existsSync(join(out, 'mixed', '2.jsonld'))).toBe(false);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack traces
  });

  const reasons: [string, RegExp][] = [
    ['invalid-utf8.txt', /: invalid UTF-8 at byte offset 6$/],
    ['binary.txt', /: invalid UTF-8 at byte offset 0$/],
    ['nul.txt', /: binary content \(NUL bytes\), not a text article$/],
    ['binary.jsonl', /: binary content \(NUL bytes\), not JSON Lines$/],
    ['empty.txt', /: empty file: no article$/],
    ['empty.json', /: empty file: no article$/],
    ['empty.jsonl', /: empty file: no article$/],
    ['blank.txt', /: blank file: no article text$/],
    ['blank.jsonl', /: no article: only blank lines$/],
    ['wrong-types.json', /:1: "text" must be a string, not a number$/],
    ['array.json', /:1: expected a JSON object with a "text" string$/],
    ['date-number.json', /:1: "datePublished" must be a string, not a number$/],
    ['headline-object.json', /:1: "headline" must be a string, not an object$/],
    ['broken.json', /: not valid JSON: /],
    ['huge.txt', /: file too large \([\d,]{10} bytes; the limit for one article is 2 MB, see --max-article-size\)$/],
    ['dangling.txt', /: cannot read: broken symbolic link \(its target does not exist\)$/],
  ];

  it('reports each bad input once, with its path and a reason a person understands', () => {
    if (fifo) reasons.push(['fifo.jsonl', /: cannot read: not a regular file \(a FIFO, socket or device\)$/]);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('aznews: ') && !/^aznews: (wrote|up to date|\d+ worker)/.test(l));
    for (const [name, reason] of reasons) {
      const hits = lines.filter((l) => l.startsWith(`aznews: ${join(inDir, name)}:`));
      expect(hits, name).toHaveLength(1);
      expect(hits[0], name).toMatch(reason);
    }
  });

  it('reports each broken line of a .jsonl file with its line number, once', () => {
    const mixed = r.stderr.split('\n').filter((l) => l.startsWith(`aznews: ${join(inDir, 'mixed.jsonl')}`));
    expect(mixed).toEqual([
      expect.stringMatching(/mixed\.jsonl: line 2: not valid JSON/),
      expect.stringMatching(/mixed\.jsonl: line 3: "text" must be a string, not an array$/),
      expect.stringMatching(/mixed\.jsonl: line 4: invalid UTF-8 at byte offset \d+$/),
    ]);
    const huge = r.stderr.split('\n').filter((l) => l.startsWith(`aznews: ${join(inDir, 'huge-line.jsonl')}`));
    expect(huge).toEqual([expect.stringMatching(/huge-line\.jsonl: line 2: line too large \([\d,]+ bytes; the limit for one article is 2 MB/)]);
  });

  it('gives the byte offset of invalid UTF-8 in the file, not in the line', () => {
    const offset = Buffer.byteLength(MIXED_HEAD) + 1;
    expect(r.stderr).toContain(`mixed.jsonl: line 4: invalid UTF-8 at byte offset ${offset}`);
  });

  it('reports an unreadable file (permission denied when not running as root)', () => {
    const hits = r.stderr.split('\n').filter((l) => l.includes('locked.txt'));
    if (isRoot) expect(existsSync(join(out, 'locked.jsonld'))).toBe(true);
    else expect(hits).toEqual([`aznews: ${join(inDir, 'locked.txt')}: cannot read: permission denied`]);
  });

  it('writes one output path once: the second input that maps to it is reported', () => {
    expect(r.stderr).toContain(`aznews: ${join(inDir, 'dup.txt')}: same output file as ${join(inDir, 'dup.json')} (${join(out, 'dup.jsonld')}); not written`);
    expect(JSON.parse(readFileSync(join(out, 'dup.jsonld'), 'utf8'))['@graph'][0].text).toBe(GOOD[0]);
  });

  it('shows a path with a line break on one line, escaped', () => {
    expect(r.stderr).toContain(`aznews: ${join(inDir, 'line\\nbreak.json')}:1: "text" must be a string, not null`);
  });

  it('does not hold a 50 MB line in memory', () => {
    const rss = Number(/peak RSS (\d+) MB/.exec(r.stderr)?.[1]);
    expect(rss).toBeGreaterThan(0);
    expect(rss).toBeLessThan(300);
  });

  it('ends with one summary line counting articles, entities, skipped and failed', () => {
    const summary = r.stderr.trim().split('\n').pop()!;
    const written = isRoot ? 12 : 11; // dup.json; as root, locked.txt can be read
    expect(summary).toMatch(new RegExp(`^aznews: ${written}/${written} articles written \\(.*organizations \\d+.*\\), 0 skipped \\(up to date\\), \\d+ failed, [\\d.]+ s`));
    const failed = Number(/(\d+) failed/.exec(summary)![1]);
    expect(failed).toBe(reasons.length + 1 /* line break */ + 1 /* dup.txt */ + 4 /* mixed ×3, huge-line */ + (isRoot ? 0 : 1)); // (reasons has the FIFO by now)
  });
});

describe('parallel output', () => {
  const dir = tmp();
  const inDir = join(dir, 'in');
  mkdirSync(inDir);
  goodInputs(inDir);
  // enough articles that several are in flight on every worker
  const lines: string[] = [];
  for (let i = 0; i < 60; i++) lines.push(JSON.stringify({ text: `${GOOD[i % 3]} ${i}-ci xəbər.`, datePublished: '2023-03-01' }));
  writeFileSync(join(inDir, 'many.jsonl'), lines.join('\n') + '\n');

  it('is byte-identical for 0, 1, 2 and 3 workers, and across runs', () => {
    const trees = ['0', '1', '2', '3', '2'].map((w, k) => {
      const out = join(dir, `out-${k}`);
      const r = aznews(['extract', inDir, '--out', out, '--workers', w, '--quiet']);
      expect(r.code).toBe(0);
      return tree(out);
    });
    expect(Object.keys(trees[0]).filter((p) => p.endsWith('.jsonld'))).toHaveLength(66);
    // the documents (the resume journals list the same lines, in the order threads finished)
    for (const t of trees.slice(1)) expect(documents(t)).toEqual(documents(trees[0]));
    const journal = (t: Record<string, string>) => Object.entries(t).filter(([p]) => p.startsWith('.aznews-state')).map(([p, c]) => `${p}: ${c.split('\n').sort().join('\n')}`);
    for (const t of trees.slice(1)) expect(journal(t)).toEqual(journal(trees[0]));
  });

  it('streams JSON Lines in input order, the same for any number of workers', () => {
    const input = lines.join('\n') + '\n';
    const outs = ['0', '1', '2', '3'].map((w) => aznews(['extract', '-', '--out', '-', '--workers', w, '--quiet'], input));
    for (const o of outs) {
      expect(o.code).toBe(0);
      expect(o.stdout).toBe(outs[0].stdout);
    }
    const docs = outs[0].stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(docs.map((d) => d['@graph'][0].text)).toEqual(lines.map((l) => JSON.parse(l).text));
    // the same documents as the files, on one line each
    const file = JSON.parse(readFileSync(join(dir, 'out-0', 'many', '7.jsonld'), 'utf8'));
    expect(docs[6]).toEqual(file);
  });
});

describe('resumable and sharded runs', () => {
  it('skips articles whose output is current, redoes changed ones, and --force redoes all', () => {
    const dir = tmp();
    const inDir = join(dir, 'in');
    mkdirSync(inDir);
    goodInputs(inDir);
    const out = join(dir, 'out');
    const first = aznews(['extract', inDir, '--out', out]);
    expect(first.stderr).toMatch(/6\/6 articles written.*, 0 skipped/);
    const before = tree(out);
    const again = aznews(['extract', inDir, '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/0\/6 articles written, 6 skipped \(up to date\), 0 failed/);
    expect(tree(out)).toEqual(before);
    // one changed article, one deleted output
    writeFileSync(join(inDir, 'a.txt'), GOOD[1]);
    const lines = readFileSync(join(inDir, 'c.jsonl'), 'utf8').split('\n');
    lines[1] = JSON.stringify({ text: GOOD[0] });
    writeFileSync(join(inDir, 'c.jsonl'), lines.join('\n'));
    const changed = aznews(['extract', inDir, '--out', out, '--verbose']);
    expect(changed.stderr).toMatch(/2\/6 articles written.*, 4 skipped/);
    expect(changed.stderr).toContain(`wrote ${join(out, 'a.jsonld')}`);
    expect(changed.stderr).toContain(`wrote ${join(out, 'c', '2.jsonld')}`);
    expect(JSON.parse(readFileSync(join(out, 'a.jsonld'), 'utf8'))['@graph'][0].text).toBe(GOOD[1]);
    // another reference date is another result
    expect(aznews(['extract', inDir, '--out', out, '--reference-date', '2024-01-01']).stderr).toMatch(/6\/6 articles written/);
    expect(aznews(['extract', inDir, '--out', out, '--force', '--reference-date', '2024-01-01']).stderr).toMatch(/6\/6 articles written.*, 0 skipped/);
    // the state lives in one hidden folder that validate and the output mirror ignore
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual(['.aznews-state']);
    expect(aznews(['validate', out]).code).toBe(0);
  });

  it('keeps one journal per output folder: a line cut short is ignored, superseded lines are compacted', () => {
    const dir = tmp();
    const inDir = join(dir, 'in');
    mkdirSync(inDir);
    goodInputs(inDir);
    const out = join(dir, 'out');
    expect(aznews(['extract', inDir, '--out', out, '--quiet']).code).toBe(0);
    const journal = join(out, '.aznews-state', 'c', '.aznews-journal');
    const lines = readFileSync(journal, 'utf8').trim().split('\n');
    expect(lines.map((l) => l.split('\t')[0]).sort()).toEqual(['1.jsonld', '2.jsonld', '3.jsonld']);
    // a crash mid-append, and 200 stale lines from earlier runs (another key for the same name)
    const stale = Array.from({ length: 200 }, () => `1.jsonld\t${'0'.repeat(64)}\n`).join('');
    writeFileSync(journal, stale + lines.join('\n') + '\n' + '2.jsonld\t12ab');
    const again = aznews(['extract', inDir, '--out', out]);
    expect(again.stderr).toMatch(/0\/6 articles written, 6 skipped \(up to date\)/);
    expect(readFileSync(journal, 'utf8').trim().split('\n').sort()).toEqual([...lines].sort());
  });

  it('--shard K/N splits the articles into N disjoint, deterministic parts', () => {
    const dir = tmp();
    const inDir = join(dir, 'in');
    mkdirSync(inDir);
    goodInputs(inDir);
    const lines = Array.from({ length: 30 }, (_, i) => JSON.stringify({ text: `${GOOD[i % 3]} (${i})` }));
    writeFileSync(join(inDir, 'many.jsonl'), lines.join('\n'));
    const all = aznews(['extract', inDir, '--out', join(dir, 'all'), '--quiet']);
    expect(all.code).toBe(0);
    const whole = tree(join(dir, 'all'));
    const parts = [1, 2, 3].map((k) => {
      const r = aznews(['extract', inDir, '--out', join(dir, `part-${k}`), '--shard', `${k}/3`, '--quiet']);
      expect(r.code).toBe(0);
      return tree(join(dir, `part-${k}`));
    });
    const docs = parts.map((p) => Object.keys(p).filter((k) => k.endsWith('.jsonld')));
    for (const d of docs) expect(d.length).toBeGreaterThan(3); // each part has a fair share of 36
    expect(docs.flat().sort()).toEqual(Object.keys(whole).filter((k) => k.endsWith('.jsonld')).sort());
    expect(documents(Object.assign({}, ...parts))).toEqual(documents(whole));
    const again = aznews(['extract', inDir, '--out', join(dir, 'part-2b'), '--shard', '2/3', '--quiet']);
    expect(again.code).toBe(0);
    expect(documents(tree(join(dir, 'part-2b')))).toEqual(documents(parts[1]));
  });

  it('stops an article that takes longer than --timeout; the others of its chunk are still written', () => {
    const dir = tmp();
    const slow = 'Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi '.repeat(100_000); // ≈ 5 MB: 4–8 s to extract here
    const lines = GOOD.map((text) => JSON.stringify({ text }));
    lines.splice(1, 0, JSON.stringify({ text: slow }));
    writeFileSync(join(dir, 'in.jsonl'), lines.join('\n') + '\n');
    const r = aznews(['extract', join(dir, 'in.jsonl'), '--out', join(dir, 'out'), '--workers', '1', '--timeout', '2', '--max-article-size', '8']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/in\.jsonl:2: extraction (took longer than 2 s|ran out of memory)/);
    expect(r.stderr).toMatch(/3\/4 articles written.*1 failed/);
    expect(readdirSync(join(dir, 'out', 'in')).sort()).toEqual(['1.jsonld', '3.jsonld', '4.jsonld']);
  });

  it('rejects a malformed --shard, --workers or --timeout with exit 2', () => {
    for (const bad of [['--shard', '0/3'], ['--shard', '4/3'], ['--shard', 'x'], ['--workers', '-1'], ['--workers', '1.5'], ['--timeout', '-2'], ['--quiet', '--verbose']]) {
      expect(aznews(['extract', 'input', '--out', tmp(), ...bad]).code, bad.join(' ')).toBe(2);
    }
  });
});

describe('a filter on stdin and stdout', () => {
  it('answers each line before the input ends (it streams; nothing waits for EOF)', async () => {
    const child = spawn(process.execPath, [CLI, 'extract', '-', '--out', '-', '--workers', '1', '--quiet'], { cwd: ROOT });
    let out = '';
    const waitFor = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no output line ${n} yet: ${out}`)), 30_000);
        const check = () => {
          if (out.split('\n').length > n) {
            clearTimeout(timer);
            child.stdout.off('data', onData);
            resolve();
          }
        };
        const onData = (d: Buffer) => {
          out += d.toString('utf8');
          check();
        };
        child.stdout.on('data', onData);
        check();
      });
    child.stdin.write(JSON.stringify({ text: GOOD[0] }) + '\n');
    await waitFor(1);
    child.stdin.write(JSON.stringify({ text: GOOD[1] }) + '\n');
    await waitFor(2);
    child.stdin.end();
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(0);
    const docs = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(docs.map((d) => d['@graph'][0].text)).toEqual([GOOD[0], GOOD[1]]);
  });

  it('reports a broken stdin line as stdin:line and keeps going', () => {
    const r = aznews(['extract', '-', '--out', '-'], `${JSON.stringify({ text: GOOD[0] })}\n{oops\n\n${JSON.stringify({ text: GOOD[2] })}\n`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^aznews: stdin: line 2: not valid JSON/m);
    // the documents either side of the broken line, whole and in order (they share one chunk's buffer)
    const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(docs.map((d) => d['@graph'][0].text)).toEqual([GOOD[0], GOOD[2]]);
  });

  it('stops quietly when the reader goes away (… | head -1)', () => {
    const input = Array.from({ length: 40 }, (_, i) => JSON.stringify({ text: `${GOOD[i % 3]} ${i}` })).join('\n');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" extract - --out - --workers 1 | head -1`], { input, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
});

describe('LineSplitter', () => {
  const split = (chunks: string[], max = 100) => {
    const s = new LineSplitter(max);
    const out = [];
    for (const c of chunks) out.push(...s.push(Buffer.from(c)));
    out.push(...s.end());
    return out.map((l) => ({ line: l.line, offset: l.offset, text: l.data ? Buffer.from(l.data).toString() : null }));
  };
  it('splits across chunk borders, drops CR, keeps offsets', () => {
    expect(split(['ab', 'c\nde\r', '\n\nf'])).toEqual([
      { line: 1, offset: 0, text: 'abc' },
      { line: 2, offset: 4, text: 'de' },
      { line: 3, offset: 8, text: '' },
      { line: 4, offset: 9, text: 'f' },
    ]);
  });
  it('drops the bytes of a line longer than the limit but counts it', () => {
    expect(split(['12345', '67890\nok\n'], 8)).toEqual([
      { line: 1, offset: 0, text: null },
      { line: 2, offset: 11, text: 'ok' },
    ]);
  });
});

describe('worker threads by the size of the input (no --workers)', () => {
  const MiB = 1024 * 1024;
  it('one thread per BYTES_PER_THREAD of input, at least one, at most the cores', () => {
    expect(threadsFor(0, 2)).toBe(1);
    expect(threadsFor(BYTES_PER_THREAD - 1, 2)).toBe(1);
    expect(threadsFor(BYTES_PER_THREAD, 2)).toBe(2);
    expect(threadsFor(100 * BYTES_PER_THREAD, 2)).toBe(2);
    expect(threadsFor(3 * BYTES_PER_THREAD, 8)).toBe(4);
    expect(threadsFor(5 * MiB, 4, MiB)).toBe(4);
  });

  it('plans files by their size (a shard by its share), a pipe to grow, and --workers as given', () => {
    const dir = tmp();
    const big = join(dir, 'big.jsonl');
    closeSync(openSync(big, 'w'));
    truncateSync(big, BYTES_PER_THREAD + 1); // (sparse: no 8 MiB written)
    const small = join(dir, 'small.txt');
    writeFileSync(small, GOOD[0]);
    const files = (ps: string[]) => ({ files: ps.map((path) => ({ path, base: dir })) });
    expect(threadPlan(files([small]), { outDir: '-' }, 2)).toEqual({ start: 1, max: 1, perThread: BYTES_PER_THREAD });
    expect(threadPlan(files([small, big]), { outDir: '-' }, 2)).toEqual({ start: 2, max: 2, perThread: BYTES_PER_THREAD });
    expect(threadPlan(files([big]), { outDir: '-', shard: { index: 1, count: 2 } }, 2)).toEqual({ start: 1, max: 1, perThread: BYTES_PER_THREAD });
    expect(threadPlan(files([big]), { outDir: '-', workers: 1 }, 2)).toEqual({ start: 1, max: 1, perThread: BYTES_PER_THREAD });
    expect(threadPlan(files([small]), { outDir: '-', workers: 3 }, 2)).toEqual({ start: 3, max: 3, perThread: BYTES_PER_THREAD });
    expect(threadPlan({ stream: Readable.from([]) }, { outDir: '-' }, 2)).toEqual({ start: 1, max: 2, perThread: BYTES_PER_THREAD });
  });

  it('runs a small batch on one thread, and says so with --verbose', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), GOOD[1]);
    const r = aznews(['extract', join(dir, 'a.txt'), '--out', '-', '--verbose']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/up to \d+ worker thread\(s\), one per 8 MiB of input/);
    expect(r.stderr).toMatch(/, 1 worker thread\(s\), peak RSS/);
  });

  it('adds threads to a pipe as its input goes on, with the same output as one thread', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => JSON.stringify({ url: `https://example.az/${i}`, text: `${GOOD[i % GOOD.length]} (${i})` }) + '\n');
    const run = async (job: { workers?: number; bytesPerThread?: number }) => {
      const out: string[] = [];
      const summary = await runBatch({ stream: Readable.from([Buffer.from(lines.join(''))]) }, { outDir: '-', onDocument: (l) => out.push(l), ...job });
      return { out, summary };
    };
    const grown = await run({ bytesPerThread: 2_000 }); // (the articles are ≈ 130 bytes: a second thread after ≈ 15)
    const one = await run({ workers: 1 });
    expect(grown.summary.written).toBe(60);
    const articleBytes = lines.reduce((n, l) => n + Buffer.byteLength(l) - 1, 0); // (≈ 8 000: ≥ 2 threads where there are 2 cores)
    expect(grown.summary.threads).toBe(Math.min(availableParallelism(), 1 + Math.floor(articleBytes / 2_000)));
    expect(one.summary.threads).toBe(1);
    expect(grown.out).toEqual(one.out);
  });
});
