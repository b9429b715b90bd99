// Stage 4 — recognize: every recognizer's rules over the analysed document.
// One recognizer per entity kind; each rule sees what earlier rules of its
// own recognizer found.
import type { DocState, Mention } from '../types.js';
import { areaRules } from './areas.js';
import { dateRules } from './dates.js';
import { documentRules } from './documents.js';
import { organizationRules } from './organizations.js';
import { personRules } from './people.js';
import { placeRules } from './places.js';
import type { Rule } from './rule.js';

export const recognizers: Record<string, Rule[]> = {
  organization: organizationRules,
  place: placeRules,
  person: personRules,
  document: documentRules,
  date: dateRules,
  area: areaRules,
};

export const allRules: Rule[] = Object.values(recognizers).flat();

export function recognize(state: DocState): DocState {
  const mentions: Mention[] = [];
  for (const rules of Object.values(recognizers)) {
    const found: Mention[] = [];
    // (loops, not push(...xs): spreading 10⁵ mentions into arguments overflows the stack)
    for (const rule of rules) for (const m of rule.apply(state, found)) found.push(m);
    for (const m of found) mentions.push(m);
  }
  return { ...state, mentions };
}
