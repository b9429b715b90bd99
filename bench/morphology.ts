// Micro-benchmark of the morphology stage: tokens per second through
// analyse(), cold (empty memo cache) and warm (news vocabulary repeats).
//   npm run build && node dist/bench/morphology.js
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lowerAz } from '../pipeline/lang/az/text.js';
import { analyse, clearMorphologyCache } from '../pipeline/morphology.js';
import { ROOT } from '../pipeline/paths.js';

function inputTexts(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    if (name.isDirectory()) out.push(...inputTexts(p));
    else if (name.name.endsWith('.txt')) out.push(readFileSync(p, 'utf8'));
    else if (name.name.endsWith('.json')) out.push(JSON.parse(readFileSync(p, 'utf8')).text);
  }
  return out;
}

const words = inputTexts(join(ROOT, 'input')).flatMap((t) => [...t.matchAll(/[\p{L}]+/gu)].map((m) => lowerAz(m[0])));
const distinct = new Set(words).size;

function run(label: string, tokens: string[], reset: boolean): void {
  if (reset) clearMorphologyCache();
  const t0 = performance.now();
  let readings = 0;
  for (const w of tokens) readings += analyse(w).length;
  const s = (performance.now() - t0) / 1000;
  console.log(`${label.padEnd(34)} ${String(tokens.length).padStart(9)} tokens  ${(tokens.length / s).toFixed(0).padStart(10)} tokens/s  (${(readings / tokens.length).toFixed(2)} readings/token)`);
}

console.log(`corpus: ${words.length} tokens, ${distinct} distinct, from input/`);
analyse('başlanğıc'); // loads the lexicons outside the timing
// cold: every distinct word analysed once with nothing memoised (3 rounds: the first also pays the JIT warm-up)
for (let round = 1; round <= 3; round++) run(`cold round ${round} (distinct words, no cache)`, [...new Set(words)], true);
// warm: a 1M-token stream of the same vocabulary, as a batch sees it
const stream: string[] = [];
while (stream.length < 1_000_000) stream.push(...words);
run('warm (1M tokens, memo cache)', stream, false);
