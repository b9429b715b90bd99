// The document state that flows through the pipeline. Each stage is a pure
// function from one state to the next; only the CLI and the batch runner do I/O.

/** An article as read from an input (CONTRACT.md §2). */
export interface Article {
  text: string;
  headline?: string;
  datePublished?: string;
  url?: string;
  publisher?: string;
  inLanguage?: string;
}

export interface Span {
  start: number; // UTF-16 code units, inclusive
  end: number; // exclusive
  text: string;
}

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Azerbaijani lower case (toLocaleLowerCase('az')); same length as text for letters we meet. */
  lower: string;
  /** 'word' = letters/digits, 'punct' = one other non-space character. */
  kind: 'word' | 'punct';
  /** whitespace precedes this token */
  spaceBefore: boolean;
  sentence: number;
  /** first character is an upper-case letter */
  upper: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  /** index of the first token and one past the last */
  first: number;
  last: number;
}

/** One reading of a word: the stem it comes from and the suffixes on it. */
export interface Analysis {
  /** the word without any suffix (dictionary stem, lower case) */
  stem: string;
  /** the head-of-name nominative: case/-ki/predicative removed, izafet possessive kept (lower case) */
  nominative: string;
  case: 'nom' | 'gen' | 'dat' | 'acc' | 'loc' | 'abl' | 'ins';
  possessive: string | null; // '3sg', '1pl', …
  plural: boolean;
  suffixes: string[]; // outermost last
  score: number; // higher is more plausible
}

export type EntityKind = 'person' | 'organization' | 'place' | 'document' | 'date' | 'area';

/** A recognized occurrence, before linking merges occurrences into entities. */
export interface Mention {
  kind: EntityKind;
  /** the rule that produced it (for tests and debugging) */
  rule: string;
  start: number;
  end: number;
  /** canonical (nominative) name */
  name: string;
  /** schema.org (or project) type */
  type: string;
  /** identity key within the kind: mentions with the same key are one entity */
  key: string;
  /** extra facts: identifier, value, termCode, jobTitle, alternateName, … */
  props: Record<string, unknown>;
  /** set by the organization recognizer: the owner country of the body */
  location?: string; // key of a place mention
}

/** A merged entity with all its spans; ids are assigned by normalize. */
export interface Entity {
  kind: EntityKind;
  key: string;
  id: string;
  type: string;
  name: string;
  alternateNames: string[];
  spans: Span[];
  props: Record<string, unknown>;
  /** links to other entities by key: property → kind:key list */
  links: Record<string, string[]>;
}

export interface DocState {
  article: Article;
  /** ISO date (YYYY-MM-DD) that relative dates resolve against, if any */
  referenceDate?: string;
  /** the article text in Azerbaijani lower case (same length and offsets; set by segment) */
  lowerText: string;
  sentences: Sentence[];
  tokens: Token[];
  /** morphological readings per token index (words only) */
  analyses: Analysis[][];
  /** per token: its lower case, then the other head nominatives and stems of its readings (read-only, shared) */
  forms: string[][];
  mentions: Mention[];
  entities: Entity[];
}

export interface ExtractOptions {
  referenceDate?: string;
}
