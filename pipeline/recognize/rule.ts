// A recognition rule: a function from the segmented, analysed document to
// mentions, carrying the examples it must and must not match (run by
// test/rules.test.ts, Duckling-style).
import type { DocState, EntityKind, Mention } from '../types.js';

export interface RuleExample {
  text: string;
  /** expected canonical name (compared case-insensitively by Azerbaijani rules) */
  name?: string;
  /** dates: expected ISO value; areas: expected code; documents: expected kind */
  value?: string;
  /** reference date for relative dates */
  referenceDate?: string;
}

/**
 * A mention with every field in one order, `location` included: one object shape for all the
 * recognizers, so the linker's and normalizer's property reads stay monomorphic (mentions built
 * as literals of different shapes cost V8 a deoptimisation and a recompile per new shape).
 */
export function mention(m: Mention): Mention {
  return { kind: m.kind, rule: m.rule, start: m.start, end: m.end, name: m.name, type: m.type, key: m.key, props: m.props, location: m.location };
}

export interface Rule {
  id: string;
  kind: EntityKind;
  /** what the rule recognizes and why, in one sentence */
  doc: string;
  examples: { match: RuleExample[]; noMatch: string[] };
  /** mentions found; `prior` holds what earlier rules of the same recognizer found */
  apply(state: DocState, prior: Mention[]): Mention[];
}
