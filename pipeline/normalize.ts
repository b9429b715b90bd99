// Stage 6 — normalize: stable @ids from kind and canonical key (the same
// entity gets the same @id in every article), tidy names, drop empty facts.
import { slugAz } from './lang/az/text.js';
import type { DocState, Entity } from './types.js';

export const ID_BASE = 'https://w3id.org/aznews/id/';
export const AREA_SCHEME = 'https://w3id.org/aznews/areas';

// a string that is a slug already (an organization key's parts are): slugAz leaves it as it is
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = (s: string) => (s.length <= 120 && SLUG.test(s) ? s : slugAz(s));

/** The @id for an entity key such as `country:PK`, `person:sahil babayev`, `area:labour`. */
export function idFor(e: Pick<Entity, 'key' | 'kind' | 'name' | 'props'>): string {
  const colon = e.key.indexOf(':');
  const ns = colon < 0 ? e.key : e.key.slice(0, colon);
  const tail = colon < 0 ? '' : e.key.slice(colon + 1);
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
      return `${ID_BASE}organization/${tail.split(':').map(slug).join('/')}`;
    default:
      return `${ID_BASE}${e.kind}/${slugAz(tail) || 'x'}`;
  }
}

// words between single spaces, none starting with , or . (as most names are): nothing for tidy to change
const TIDY = /^\S+(?: [^\s,.]\S*)*$/;

function tidy(s: string): string {
  return TIDY.test(s) ? s : s.replace(/\s+/g, ' ').replace(/\s+([,.])/g, '$1').trim();
}

export function normalize(state: DocState): DocState {
  const entities = state.entities.map((e) => {
    const name = tidy(e.name);
    const alternateNames: string[] = [];
    if (e.alternateNames.length) for (const n of new Set(e.alternateNames.map(tidy))) if (n && n !== name) alternateNames.push(n);
    // a state body's id carries its country wherever the article names the owner, so it is the same in every article
    let key = e.key;
    const country = e.kind === 'organization' && e.type === 'GovernmentOrganization' ? e.links.location?.find((k) => k.startsWith('country:')) : undefined;
    if (country && key.split(':').length === 2) key = `org:${country.slice(8).toLowerCase()}:${key.slice(4)}`;
    return { ...e, name, alternateNames, id: idFor({ key, kind: e.kind, name, props: e.props }) };
  });
  // two keys that normalise to one id are one entity (e.g. two titles of one document)
  const byId = new Map<string, Entity>();
  const keyToId = new Map<string, string>();
  const spanStarts = new Map<Entity, Set<number>>(); // of the entities that others joined
  for (const e of entities) {
    keyToId.set(e.key, e.id);
    const prev = byId.get(e.id);
    if (!prev) byId.set(e.id, e);
    else {
      let starts = spanStarts.get(prev);
      if (!starts) spanStarts.set(prev, (starts = new Set(prev.spans.map((p) => p.start))));
      for (const s of e.spans) {
        if (starts.has(s.start)) continue;
        prev.spans.push(s);
        starts.add(s.start);
      }
      prev.spans.sort((a, b) => a.start - b.start);
    }
  }
  // document ids depend on the title: documents of one kind are one node, keyed by kind
  const docIdByKey = new Map<string, string>();
  for (const e of byId.values()) if (e.kind === 'document') docIdByKey.set(e.key, e.id);
  for (const e of byId.values()) {
    for (const rel in e.links) {
      const ids = new Set<string>();
      for (const k of e.links[rel]) {
        const id = keyToId.get(k) ?? docIdByKey.get(k);
        if (id) ids.add(id);
      }
      e.links[rel] = [...ids];
    }
  }
  return { ...state, entities: [...byId.values()] };
}
