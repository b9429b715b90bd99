// The staged pipeline for one article: read → segment → morphology →
// recognize → link → normalize → JSON-LD → validate. Pure: no I/O.
import { toJsonLd, type JsonLdDocument } from './jsonld.js';
import { link } from './link.js';
import { morphology } from './morphology.js';
import { normalize } from './normalize.js';
import { recognize } from './recognize/index.js';
import { segment } from './segment.js';
import type { Article, DocState, ExtractOptions } from './types.js';
import { validateDocument } from './validate.js';

export const PIPELINE_VERSION = '0.1.0';

export function initialState(article: Article, options: ExtractOptions = {}): DocState {
  const published = article.datePublished && /^\d{4}-\d{2}-\d{2}/.test(article.datePublished) ? article.datePublished.slice(0, 10) : undefined;
  return { article, referenceDate: published ?? options.referenceDate, lowerText: '', sentences: [], tokens: [], analyses: [], forms: [], mentions: [], entities: [] };
}

/** Runs the stages up to and including recognition (used by rule tests). */
export function analyseArticle(article: Article, options: ExtractOptions = {}): DocState {
  return morphology(segment(initialState(article, options)));
}

export function runStages(article: Article, options: ExtractOptions = {}): DocState {
  return normalize(link(recognize(analyseArticle(article, options))));
}

export interface ExtractResult {
  document: JsonLdDocument;
  problems: string[];
}

/** One article to one validated JSON-LD document; `problems` is empty when it is valid. */
export function extract(article: Article, options: ExtractOptions = {}): ExtractResult {
  const document = toJsonLd(runStages(article, options));
  return { document, problems: validateDocument(document) };
}
