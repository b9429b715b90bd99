// HTML helpers for the review site: escaping (every piece of text that comes
// from a document goes through esc), safe hrefs, and a page shell whose
// Content-Security-Policy admits only its own inline style and script (by
// hash), so nothing from the network, and no injected markup, can run.
import { createHash } from 'node:crypto';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value, escaped for HTML (double-quoted attributes). */
export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** An external link target: only http(s) URLs, anything else is dropped. */
export function safeUrl(u: unknown): string | null {
  if (typeof u !== 'string') return null;
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A relative link to a page of the site: each path segment percent-encoded. */
export function hrefOf(rel: string): string {
  return rel
    .split('/')
    .map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s)))
    .join('/');
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');

export const GENERATOR = 'aznews report';

/** A complete, self-contained page. */
export function page(opts: { title: string; css: string; body: string; script?: string }): string {
  const csp = [
    "default-src 'none'",
    `style-src 'sha256-${sha256(opts.css)}'`,
    opts.script ? `script-src 'sha256-${sha256(opts.script)}'` : "script-src 'none'",
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${GENERATOR}">`,
    `<title>${esc(opts.title)}</title>`,
    `<style>${opts.css}</style>`,
    '</head>',
    '<body>',
    opts.body,
    opts.script ? `<script>${opts.script}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
