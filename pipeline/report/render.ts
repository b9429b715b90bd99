// The review site's pages, as strings (pure: no I/O, no clock — the same
// documents give byte-identical pages). An article page shows the text with
// every span highlighted: the text is cut at every span boundary and the
// spans become nested <mark>s; a span that crosses another is continued in
// a second piece, so overlapping spans stay readable (an outer mark's
// underline sits below the inner ones). Each span's first piece is one
// focusable highlight (mark.hl, id s-N); its node's details are rendered
// once, escaped, in the side panel (card-N) and shown on hover or focus.
import { kindOf as scoreKindOf, local, typesOf } from '../eval/score.js';
import { CSS, KIND_STYLES, SCRIPT } from './assets.js';
import { esc, GENERATOR, hrefOf, page, safeUrl } from './html.js';

type Json = Record<string, unknown>;
export type ReportKind = 'person' | 'organization' | 'place' | 'document' | 'date' | 'area' | 'other';

const FROM_SCORE: Record<string, ReportKind> = {
  people: 'person', organizations: 'organization', places: 'place', documents: 'document', dates: 'date', areas: 'area',
};

/** The colour kind of a node, classified as the scorer does (anything else: other). */
export function reportKind(n: Json): ReportKind {
  const k = scoreKindOf(n);
  return k ? FROM_SCORE[k] : 'other';
}

const list = (x: unknown): unknown[] => ([] as unknown[]).concat(x ?? []);
const isArticle = (n: Json) => typesOf(n).includes('NewsArticle');
const typeLabel = (n: Json) => list(n['@type']).map(local).join(', ') || '(no @type)';

export interface SpanRef {
  /** index over all spans of the document, in node order (id s-N) */
  n: number;
  /** index of the node among the non-article nodes (ids e-N, card-N) */
  e: number;
  start: number;
  end: number;
  kind: ReportKind;
  /** 1-based position among its node's spans */
  i: number;
  of: number;
}

export interface DocView {
  article: Json | null;
  text: string;
  nodes: Json[];
  spans: SpanRef[];
  /** spans that could not be drawn (outside the text) */
  skipped: number;
}

/** The article node, the other nodes and every span of a parsed document. */
export function viewOf(doc: unknown): DocView {
  const graph = (Array.isArray((doc as Json | null)?.['@graph']) ? (doc as Json)['@graph'] : []) as Json[];
  const objects = graph.filter((n) => n && typeof n === 'object');
  const article = objects.find(isArticle) ?? null;
  const text = typeof article?.text === 'string' ? article.text : '';
  const nodes = objects.filter((n) => !isArticle(n));
  const spans: SpanRef[] = [];
  let skipped = 0;
  let n = 0;
  nodes.forEach((node, e) => {
    const ss = list(node.spans) as Json[];
    ss.forEach((s, i) => {
      const start = Number(s?.start);
      const end = Number(s?.end);
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
        skipped++;
        return;
      }
      spans.push({ n: n++, e, start, end, kind: reportKind(node), i: i + 1, of: ss.length });
    });
  });
  return { article, text, nodes, spans, skipped };
}

// ---- the highlighted text -------------------------------------------------

interface TextPiece {
  text: string;
}
interface MarkPiece {
  span: SpanRef;
  first: boolean;
  children: Piece[];
}
type Piece = TextPiece | MarkPiece;
const isMark = (p: Piece): p is MarkPiece => 'span' in p;

/** Nests the spans over the text: outer (longer) spans first; a span that crosses the one above it is split. */
export function layout(text: string, spans: SpanRef[]): Piece[] {
  const root: Piece[] = [];
  const stack: MarkPiece[] = [];
  const started = new Set<number>();
  const children = () => (stack.length ? stack[stack.length - 1].children : root);
  const order = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.n - b.n);
  const bounds = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  let pos = 0;
  let next = 0; // index into order
  for (const p of bounds) {
    if (p > pos) children().push({ text: text.slice(pos, p) });
    pos = p;
    // close the spans that end here; the ones above them that go on are reopened
    const idx = stack.findIndex((m) => m.span.end === p);
    const reopen = idx >= 0 ? stack.splice(idx).filter((m) => m.span.end > p).map((m) => m.span) : [];
    // open the spans that start here, together with the reopened ones: the longest outermost
    const opening: SpanRef[] = [...reopen];
    while (next < order.length && order[next].start === p) opening.push(order[next++]);
    opening.sort((a, b) => b.end - a.end || a.start - b.start || a.n - b.n);
    for (const s of opening) {
      const m: MarkPiece = { span: s, first: !started.has(s.n), children: [] };
      started.add(s.n);
      children().push(m);
      if (s.end > p) stack.push(m); // an empty span stays an empty mark
    }
  }
  return root;
}

function height(p: Piece): number {
  if (!isMark(p)) return -1;
  return 1 + Math.max(-1, ...p.children.map(height));
}

function renderPieces(pieces: Piece[], view: DocView): string {
  let out = '';
  for (const p of pieces) {
    if (!isMark(p)) {
      out += esc(p.text);
      continue;
    }
    const s = p.span;
    const h = Math.min(4, height(p));
    const cls = `${p.first ? 'hl' : 'hl-cont'} k-${s.kind}${h > 0 ? ` h${h}` : ''}`;
    if (p.first) {
      const node = view.nodes[s.e];
      const label = `${typeLabel(node)}: ${String(node.name ?? '')}`;
      const pos = `span ${s.i} of ${s.of} · characters ${s.start}–${s.end}`;
      out += `<mark class="${cls}" id="s-${s.n}" tabindex="0" data-e="${s.e}" data-pos="${esc(pos)}" aria-label="${esc(label)}">`;
    } else out += `<mark class="${cls}" data-e="${s.e}" data-s="${s.n}">`;
    out += renderPieces(p.children, view) + '</mark>';
  }
  return out;
}

/** The article text with every drawable span as a highlight. */
export function renderText(view: DocView): string {
  return renderPieces(layout(view.text, view.spans), view);
}

// ---- node details -------------------------------------------------------------

const PREFERRED = [
  'alternateName', 'jobTitle', 'worksFor', 'affiliation', 'nationality', 'location', 'parentOrganization', 'identifier',
  'additionalType', 'dateCreated', 'temporalCoverage', 'dates', 'parties', 'about', 'isBasedOn', 'value', 'termCode', 'inDefinedTermSet',
];

function refLabel(n: Json): string {
  const name = String(n.name ?? n['@id'] ?? '');
  if (n.value !== undefined) return `${name} = ${String(n.value)}`;
  if (n.termCode !== undefined) return `${name} (${String(n.termCode)})`;
  return name;
}

function renderValue(v: unknown, index: Map<unknown, number>, nodes: Json[]): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Json;
    if ('@value' in o) return `${esc(o['@value'])}${o['@language'] ? ` <span class="muted">(${esc(o['@language'])})</span>` : ''}`;
    if ('@id' in o && Object.keys(o).length === 1) return renderValue(o['@id'], index, nodes);
    return `<code>${esc(JSON.stringify(o))}</code>`;
  }
  if (typeof v === 'string' && index.has(v)) {
    const e = index.get(v)!;
    const t = nodes[e];
    return `<a href="#e-${e}" class="k-${reportKind(t)}">${esc(refLabel(t))}</a> <span class="muted">${esc(typeLabel(t))}</span><br><code>${esc(v)}</code>`;
  }
  if (typeof v === 'string' && /^https?:\/\//.test(v)) return `<code>${esc(v)}</code>`;
  return esc(typeof v === 'string' ? v : JSON.stringify(v));
}

/** A node's card: kind, type, canonical name, @id and every property, links resolved to the linked node's name. */
export function renderCard(node: Json, e: number, view: DocView, index: Map<unknown, number>): string {
  const kind = reportKind(node);
  const keys = Object.keys(node).filter((k) => !k.startsWith('@') && k !== 'name' && k !== 'spans');
  keys.sort((a, b) => {
    const ia = PREFERRED.indexOf(a), ib = PREFERRED.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || (a < b ? -1 : a > b ? 1 : 0);
  });
  const rows = [`<dt>@id</dt><dd><code>${esc(node['@id'] ?? '(none)')}</code></dd>`];
  for (const k of keys) {
    const vals = list(node[k]);
    if (!vals.length) continue;
    rows.push(`<dt>${esc(k)}</dt><dd>${vals.map((v) => `<div>${renderValue(v, index, view.nodes)}</div>`).join('')}</dd>`);
  }
  const nSpans = list(node.spans).length;
  rows.push(`<dt>spans</dt><dd>${nSpans}</dd>`);
  return (
    `<div class="card k-${kind}" id="card-${e}">` +
    `<div class="card-h"><span class="badge">${esc(typeLabel(node))}</span> <b lang="az">${esc(node.name ?? '(no name)')}</b></div>` +
    `<dl>${rows.join('')}</dl></div>`
  );
}

// ---- pages ------------------------------------------------------------------

export interface Counts {
  [kind: string]: number;
}

export function countKinds(view: DocView): Counts {
  const c: Counts = Object.fromEntries(KIND_STYLES.map((k) => [k.key, 0]));
  for (const n of view.nodes) c[reportKind(n)]++;
  return c;
}

export interface ArticlePageInput {
  doc: unknown;
  /** the .jsonld file, relative to the folder given (shown, never an absolute path) */
  file: string;
  problems: string[];
  /** link from this page to index.html */
  indexHref: string;
}

export function titleOf(doc: unknown, file: string): string {
  const h = viewOf(doc).article?.headline;
  return typeof h === 'string' && h.trim() ? h : file;
}

export function renderArticlePage(input: ArticlePageInput): string {
  const view = viewOf(input.doc);
  const a = view.article ?? {};
  const title = titleOf(input.doc, input.file);
  const index = new Map<unknown, number>();
  view.nodes.forEach((n, e) => {
    if (!index.has(n['@id'])) index.set(n['@id'], e);
  });
  const counts = countKinds(view);
  const spanCounts: Counts = {};
  for (const s of view.spans) spanCounts[s.kind] = (spanCounts[s.kind] ?? 0) + 1;

  const meta: string[] = [];
  if (a.datePublished !== undefined) meta.push(`<span><time>${esc(a.datePublished)}</time></span>`);
  if (a.publisher !== undefined) meta.push(`<span>${esc(typeof a.publisher === 'object' ? (a.publisher as Json).name ?? JSON.stringify(a.publisher) : a.publisher)}</span>`);
  const url = safeUrl(a.url);
  if (url) meta.push(`<span><a href="${esc(url)}" rel="noopener noreferrer">${esc(a.url)}</a></span>`);
  else if (a.url !== undefined) meta.push(`<span>${esc(a.url)}</span>`);
  if (title !== input.file) meta.push(`<span><code>${esc(input.file)}</code></span>`);
  meta.push(`<span>${view.nodes.length} nodes, ${view.spans.length} spans</span>`);

  const problems = [...input.problems];
  if (view.skipped) problems.push(`${view.skipped} span(s) outside the text are not shown`);

  const shown = KIND_STYLES.filter((k) => k.key !== 'other' || counts.other);
  const legend = shown
    .map(
      (k) =>
        `<label class="k-${k.key}"><input type="checkbox" checked data-kind="${k.key}"> <span class="sw"></span> ${esc(k.label)} ` +
        `<span class="muted">${counts[k.key]} · ${spanCounts[k.key] ?? 0} spans</span></label>`,
    )
    .join('\n');

  const panel = shown
    .filter((k) => counts[k.key])
    .map((k) => {
      const items = view.nodes
        .map((n, e) => ({ n, e }))
        .filter(({ n }) => reportKind(n) === k.key)
        .map(({ n, e }) => {
          const mine = view.spans.filter((s) => s.e === e);
          const links = mine.length
            ? mine.map((s) => `<a href="#s-${s.n}" data-s="${s.n}" lang="az">${esc(view.text.slice(s.start, s.end))}</a>`).join('')
            : '<span class="muted">no spans</span>';
          return (
            `<details class="ent k-${k.key}" id="e-${e}"><summary><span lang="az">${esc(refLabel(n))}</span> <small>${esc(typeLabel(n))} · ${mine.length}×</small></summary>` +
            `<div class="spans">${links}</div>${renderCard(n, e, view, index)}</details>`
          );
        })
        .join('\n');
      return `<h2 class="k-${k.key}"><span class="sw"></span>${esc(k.label)} (${counts[k.key]})</h2>\n${items}`;
    })
    .join('\n');

  const body = [
    '<header>',
    `<a class="back" href="${esc(input.indexHref)}">← all articles</a>`,
    `<h1 lang="az">${esc(title)}</h1>`,
    `<p class="meta">${meta.join('')}</p>`,
    '</header>',
    problems.length ? `<section class="problems" role="alert"><b>Validation problems</b><ul>${problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul></section>` : '',
    `<nav class="legend" aria-label="kinds">${legend}</nav>`,
    '<main class="layout">',
    `<article class="text" lang="az">${renderText(view)}</article>`,
    `<aside class="panel" aria-label="entities">${panel || '<p class="muted">No entities.</p>'}</aside>`,
    '</main>',
    '<div id="tip" role="tooltip" hidden></div>',
  ]
    .filter(Boolean)
    .join('\n');
  return page({ title: `${title} — aznews review`, css: CSS, body, script: SCRIPT });
}

export interface IndexEntry {
  file: string;
  /** relative link to the article page; null when the file could not be read */
  href: string | null;
  title: string;
  date: string | null;
  counts: Counts | null;
  spans: number;
  problems: string[];
}

export function renderIndex(entries: IndexEntry[]): string {
  const kinds = KIND_STYLES.filter((k) => k.key !== 'other' || entries.some((e) => e.counts?.other));
  const head =
    '<tr><th>article</th><th>date</th>' +
    kinds.map((k) => `<th class="k-${k.key}" title="${esc(k.label)}"><span class="sw"></span> ${esc(k.label)}</th>`).join('') +
    '<th>spans</th><th>validation</th></tr>';
  const total: Counts = {};
  let spans = 0;
  const rows = entries.map((e) => {
    for (const k of kinds) total[k.key] = (total[k.key] ?? 0) + (e.counts?.[k.key] ?? 0);
    spans += e.spans;
    const name = e.href ? `<a href="${esc(hrefOf(e.href))}" lang="az">${esc(e.title)}</a>` : `<span lang="az">${esc(e.title)}</span>`;
    const file = e.title !== e.file ? `<br><code class="muted">${esc(e.file)}</code>` : '';
    const cells = kinds.map((k) => `<td class="n">${e.counts ? e.counts[k.key] : ''}</td>`).join('');
    const problems = e.problems.length
      ? `<td class="bad">${e.problems.slice(0, 5).map(esc).join('<br>')}${e.problems.length > 5 ? `<br>… ${e.problems.length - 5} more` : ''}</td>`
      : '<td>valid</td>';
    return `<tr><td>${name}${file}</td><td class="date">${esc((e.date ?? '').replace('T', ' '))}</td>${cells}<td class="n">${e.spans}</td>${problems}</tr>`;
  });
  const foot = `<tr><td>${entries.length} articles</td><td></td>${kinds.map((k) => `<td class="n">${total[k.key]}</td>`).join('')}<td class="n">${spans}</td><td>${entries.filter((e) => e.problems.length).length} with problems</td></tr>`;
  const body = [
    '<header><h1>aznews review</h1>',
    `<p class="meta">${entries.length} articles · ${entries.filter((e) => e.problems.length).length} with validation problems · nodes per kind, spans and problems per article</p></header>`,
    `<table class="index"><thead>${head}</thead><tbody>\n${rows.join('\n')}\n</tbody><tfoot>${foot}</tfoot></table>`,
    `<footer>Written by ${esc(GENERATOR)}. Open an article to see its text with every span highlighted.</footer>`,
  ].join('\n');
  return page({ title: 'aznews review', css: CSS, body });
}
