// Stage 6 — normalize: stable @ids from kind and canonical key (the same
// entity gets the same @id in every article), tidy names, drop empty facts.
import { slugAz } from './lang/az/text.js';
import type { DocState, Entity } from './types.js';

export const ID_BASE = 'https://w3id.org/aznews/id/';
export const AREA_SCHEME = 'https://w3id.org/aznews/areas';

/** The @id for an entity key such as `country:PK`, `person:sahil babayev`, `area:labour`. */
export function idFor(e: Pick<Entity, 'key' | 'kind' | 'name' | 'props'>): string {
  const [ns, ...rest] = e.key.split(':');
  const tail = rest.join(':');
  switch (ns) {
    case 'country':
      return `${ID_BASE}country/${tail.toLowerCase()}`;
    case 'area':
      return `${AREA_SCHEME}#${tail}`;
    case 'date':
      return `${ID_BASE}date/${tail.replace('/', '--')}`;
    case 'doc':
      // a document is identified by its kind and title
      return `${ID_BASE}document/${tail}/${slugAz(e.name) || 'untitled'}`;
    case 'org':
      return `${ID_BASE}organization/${rest.map((x) => slugAz(x)).join('/')}`;
    default:
      return `${ID_BASE}${e.kind}/${slugAz(tail) || 'x'}`;
  }
}

function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/\s+([,.])/g, '$1').trim();
}

export function normalize(state: DocState): DocState {
  const entities = state.entities.map((e) => {
    const name = tidy(e.name);
    const alternateNames = [...new Set(e.alternateNames.map(tidy))].filter((n) => n && n !== name);
    // a state body's id carries its country wherever the article names the owner, so it is the same in every article
    let key = e.key;
    const country = e.links.location?.find((k) => k.startsWith('country:'));
    if (e.kind === 'organization' && e.type === 'GovernmentOrganization' && country && key.split(':').length === 2) {
      key = `org:${country.slice(8).toLowerCase()}:${key.slice(4)}`;
    }
    return { ...e, name, alternateNames, id: idFor({ ...e, key, name }) };
  });
  // two keys that normalise to one id are one entity (e.g. two titles of one document)
  const byId = new Map<string, Entity>();
  const keyToId = new Map<string, string>();
  for (const e of entities) {
    keyToId.set(e.key, e.id);
    const prev = byId.get(e.id);
    if (!prev) byId.set(e.id, e);
    else {
      for (const s of e.spans) if (!prev.spans.some((p) => p.start === s.start)) prev.spans.push(s);
      prev.spans.sort((a, b) => a.start - b.start);
    }
  }
  // document ids depend on the title: documents of one kind are one node, keyed by kind
  const docIdByKey = new Map<string, string>();
  for (const e of byId.values()) if (e.kind === 'document') docIdByKey.set(e.key, e.id);
  for (const e of byId.values()) {
    for (const [rel, keys] of Object.entries(e.links)) {
      e.links[rel] = [...new Set(keys.map((k) => keyToId.get(k) ?? docIdByKey.get(k) ?? '').filter(Boolean))];
    }
  }
  return { ...state, entities: [...byId.values()] };
}
