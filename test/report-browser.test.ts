// The review pages in a real browser: Debian's Chromium (/usr/bin/chromium;
// .ci/run installs it) driven by playwright-core, from file:// with the
// network unused. Saves the screenshot the README shows (docs/review.png,
// rewritten when missing or with AZNEWS_UPDATE_SCREENSHOT=1; every run also
// writes test/artifacts/review.png).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../pipeline/batch.js';
import { extract } from '../pipeline/pipeline.js';
import { viewOf } from '../pipeline/report/render.js';
import { writeReport } from '../pipeline/report/site.js';
import { ROOT } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SEED = join(ROOT, 'output', 'dev', 'seed-metbuat-labour-pakistan.jsonld');

const dir = mkdtempSync(join(tmpdir(), 'aznews-browser-'));
const site = join(dir, 'review');
const url = (rel: string) => pathToFileURL(join(site, rel)).href;

let context: BrowserContext;
const requests: string[] = [];
const errors: string[] = [];

async function open(rel: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${rel}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${rel}: console: ${m.text()}`);
  });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url(rel));
  return page;
}

describe('the review site in Chromium', () => {
  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does this)`).toBe(true);
    // the seed article, and an article full of markup
    mkdirSync(join(dir, 'in'));
    copyFileSync(SEED, join(dir, 'in', 'seed-metbuat-labour-pakistan.jsonld'));
    const { document } = extract({
      text: 'Bakıda <script>window.__pwned = 1</script> Azərbaycan və Pakistan arasında <img src=x onerror="window.__pwned = 2"> saziş imzalanıb.',
      headline: '<script>window.__pwned = 3</script> başlıq',
      url: 'javascript:window.__pwned = 4',
    });
    (document['@graph'][1] as Record<string, unknown>).name = '<img src=x onerror="window.__pwned = 5">';
    writeFileSync(join(dir, 'in', 'hostile.jsonld'), JSON.stringify(document));
    writeReport(expandInputs([join(dir, 'in')], (p) => p.endsWith('.jsonld')).files, site);
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 860 },
      offline: true,
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  it('has one highlight per span; focusing one shows its node and links; Enter opens it in the panel', async () => {
    const doc = JSON.parse(readFileSync(SEED, 'utf8'));
    const spans = doc['@graph'].reduce((a: number, n: { spans?: unknown[] }) => a + (n.spans?.length ?? 0), 0);
    const page = await open('seed-metbuat-labour-pakistan.html');
    expect(await page.locator('mark.hl').count()).toBe(spans);
    expect(await page.locator('#tip').isVisible()).toBe(false);

    // a person with an employer, else the first span
    const view = viewOf(doc);
    const pick = view.spans.find((s) => view.nodes[s.e]['@type'] === 'Person' && view.nodes[s.e].worksFor) ?? view.spans[0];
    const node = view.nodes[pick.e];
    const mark = page.locator(`#s-${pick.n}`);
    await mark.focus();
    const tip = page.locator('#tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const shown = await tip.innerText();
    expect(shown).toContain(String(node.name));
    expect(shown).toContain(String(node['@id']));
    expect(shown).toContain(String(node['@type']));
    if (node.worksFor) {
      const employer = view.nodes.find((n) => n['@id'] === node.worksFor)!;
      expect(shown).toContain('worksFor');
      expect(shown).toContain(String(employer.name));
    }
    expect(await mark.evaluate((m) => m.getAttribute('aria-describedby'))).toBe('tip');
    // every piece of the same node lights up
    expect(await page.locator(`mark.active[data-e="${pick.e}"]`).count()).toBeGreaterThan(0);

    const shot = await page.screenshot();
    mkdirSync(join(ROOT, 'test', 'artifacts'), { recursive: true });
    writeFileSync(join(ROOT, 'test', 'artifacts', 'review.png'), shot);
    const committed = join(ROOT, 'docs', 'review.png');
    if (!existsSync(committed) || process.env.AZNEWS_UPDATE_SCREENSHOT === '1') {
      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      writeFileSync(committed, shot);
    }

    await page.keyboard.press('Enter');
    expect(await page.locator(`#e-${pick.e}`).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await tip.isVisible()).toBe(false);

    // a span link in the side panel focuses its highlight
    const other = view.spans.find((s) => s.e !== pick.e)!;
    await page.locator(`#e-${other.e}`).evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await page.locator(`a[data-s="${other.n}"]`).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`s-${other.n}`);
    await expect.poll(() => tip.innerText()).toContain(String(view.nodes[other.e]['@id']));

    // the legend hides a kind's highlights
    await page.locator(`.legend input[data-kind="${other.kind}"]`).uncheck();
    expect(await page.evaluate(() => document.body.className)).toContain(`off-${other.kind}`);
    await page.close();
  });

  it('shows <script> and <img onerror> in an article as text, and runs none of it', async () => {
    const page = await open('hostile.html');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('article.text').innerText()).toContain('<script>window.__pwned = 1</script>');
    expect(await page.locator('article.text').innerText()).toContain('<img src=x onerror="window.__pwned = 2">');
    expect(await page.locator('h1').innerText()).toBe('<script>window.__pwned = 3</script> başlıq');
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    // the renamed node's name, in the panel and in the tooltip
    await page.locator('details.ent').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
    expect(await page.locator('aside.panel').innerText()).toContain('<img src=x onerror="window.__pwned = 5">');
    await page.locator('mark.hl').first().focus();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const count = viewOf(JSON.parse(readFileSync(join(dir, 'in', 'hostile.jsonld'), 'utf8'))).spans.length;
    expect(await page.locator('mark.hl').count()).toBe(count);
    await page.close();
  });

  it('links the index to every article page, from file:// with no network', async () => {
    const page = await open('index.html');
    const links = page.locator('table.index tbody a');
    expect(await links.count()).toBe(2);
    await page.locator('table.index tbody a', { hasText: 'başlıq' }).click();
    await page.waitForURL(/hostile\.html$/);
    expect(await page.locator('h1').innerText()).toContain('başlıq');
    await page.locator('a.back').click();
    await page.waitForURL(/index\.html$/);
    await page.close();
    expect(errors).toEqual([]);
    expect(requests.filter((r) => !r.startsWith('file://'))).toEqual([]);
  });
});
