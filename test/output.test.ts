// output/ is what `npm start` writes for input/: this fails when the
// pipeline's results drift from the committed outputs (re-run `npm start`
// and review the diff when a change is meant).
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs, outputPath } from '../pipeline/batch.js';
import { extract } from '../pipeline/pipeline.js';
import { readArticles, formatOf } from '../pipeline/read.js';
import { ROOT } from './helpers.js';

describe('committed output/ matches what the pipeline produces for input/', () => {
  const { files } = expandInputs([join(ROOT, 'input')]);
  it('covers the sample and the dev articles', () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
  });
  for (const file of files) {
    it(relative(ROOT, file.path), () => {
      const results = readArticles(readFileSync(file.path), formatOf(file.path)!);
      for (const r of results) {
        if (!r.ok) throw new Error(r.reason);
        const expected = readFileSync(outputPath(file, join(ROOT, 'output'), formatOf(file.path) === 'jsonl' ? r.line : undefined), 'utf8');
        expect(JSON.stringify(extract(r.article).document, null, 1) + '\n').toBe(expected);
      }
    });
  }
});
