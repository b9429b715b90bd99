// Stage 7 — JSON-LD: the document state as one flattened JSON-LD document
// (CONTRACT.md §3): the NewsArticle node, then one node per entity.
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AREA_SCHEME, ID_BASE } from './normalize.js';
import { SCHEMA_DIR } from './paths.js';
import type { DocState, Entity } from './types.js';

export const CONTEXT: Record<string, unknown> = JSON.parse(readFileSync(join(SCHEMA_DIR, 'context.jsonld'), 'utf8'))['@context'];

export type JsonLdNode = Record<string, unknown>;
export interface JsonLdDocument {
  '@context': Record<string, unknown>;
  '@graph': JsonLdNode[];
}

const KIND_ORDER = ['person', 'organization', 'place', 'document', 'date', 'area'];

export function articleId(state: DocState): string {
  const a = state.article;
  const h = hash('sha256', `${a.url ?? ''}\u0000${a.text}`).slice(0, 20); // (one-shot: no Hash object per article)
  return `${ID_BASE}article/${h}`;
}

function single(e: Entity, rel: string): string | undefined {
  return e.links[rel]?.[0];
}

function node(e: Entity): JsonLdNode {
  const n: JsonLdNode = { '@id': e.id, '@type': e.type, name: e.name };
  if (e.alternateNames.length) n.alternateName = e.alternateNames;
  const p = e.props;
  switch (e.kind) {
    case 'person':
      if (p.jobTitle) n.jobTitle = p.jobTitle;
      if (single(e, 'worksFor')) n.worksFor = single(e, 'worksFor');
      if (single(e, 'nationality')) n.nationality = single(e, 'nationality');
      break;
    case 'organization':
      if (single(e, 'location')) n.location = single(e, 'location');
      if (single(e, 'parentOrganization')) n.parentOrganization = single(e, 'parentOrganization');
      break;
    case 'place':
      if (p.identifier) n.identifier = p.identifier;
      break;
    case 'document':
      n.additionalType = p.additionalType;
      if (p.dateCreated) n.dateCreated = p.dateCreated;
      if (p.temporalCoverage) n.temporalCoverage = p.temporalCoverage;
      if (e.links.about?.length) n.about = e.links.about;
      if (e.links.parties?.length) n.parties = e.links.parties;
      if (e.links.dates?.length) n.dates = e.links.dates;
      if (single(e, 'isBasedOn')) n.isBasedOn = single(e, 'isBasedOn');
      if (single(e, 'legislationPassedBy')) n.legislationPassedBy = single(e, 'legislationPassedBy');
      if (p.legislationDate) n.legislationDate = p.legislationDate;
      break;
    case 'date':
      if (p.value) n.value = p.value;
      break;
    case 'area':
      n.termCode = p.termCode;
      n.inDefinedTermSet = AREA_SCHEME;
      n.alternateName = [{ '@value': String(p.en), '@language': 'en' }];
      break;
  }
  n.spans = e.spans.map((s) => ({ start: s.start, end: s.end, text: s.text }));
  return n;
}

export function toJsonLd(state: DocState): JsonLdDocument {
  const a = state.article;
  // (ids compared by code units: localeCompare would ask ICU for every pair)
  const entities = [...state.entities].sort(
    (x, y) => KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) || (x.spans[0]?.start ?? 0) - (y.spans[0]?.start ?? 0) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
  const article: JsonLdNode = { '@id': articleId(state), '@type': 'NewsArticle' };
  if (a.headline !== undefined) article.headline = a.headline;
  if (a.datePublished !== undefined) article.datePublished = a.datePublished;
  if (a.url !== undefined) article.url = a.url;
  if (a.publisher !== undefined) article.publisher = a.publisher;
  article.inLanguage = a.inLanguage ?? 'az';
  article.text = a.text;
  article.mentions = entities.map((e) => e.id);
  const graph: JsonLdNode[] = [article]; // (a loop: the spread of a map deoptimised this function on new array kinds)
  for (const e of entities) graph.push(node(e));
  return { '@context': CONTEXT, '@graph': graph };
}
