// One input unit (the bytes of a .txt or .json file, or of one .jsonl line) →
// its serialised JSON-LD document: the unit of work of the batch runner.
// Runs in a worker thread (the default export is the task function tinypool
// calls) or in the main thread (`--workers 0`); either way the bytes are the
// same. Decoding and parsing happen here too, so the main thread only moves
// bytes. Pure apart from loading the pipeline's data once per thread.
import { extract } from './pipeline.js';
import { firstInvalidUtf8, readArticles, readJsonLine, type InputFormat, type ReadResult } from './read.js';

export interface ArticleTask {
  /** the whole file (.txt, .json) or one line of a .jsonl file, without its line break */
  data: Uint8Array;
  format: InputFormat;
  /** 1-based line of a .jsonl input */
  line?: number;
  /** byte offset of `data` in its file (for invalid UTF-8 messages) */
  offset?: number;
  referenceDate?: string;
  /** one line (for `--out -`) instead of the indented file layout */
  compact: boolean;
}

export type ArticleResult =
  | { ok: true; json: string; entities: Record<string, number> }
  /** stage "read": the input is not an article; "extract": it is, but no valid document came out */
  | { ok: false; stage: 'read' | 'extract'; reason: string; line?: number };

const KIND_OF: Record<string, string> = {
  Person: 'people',
  Country: 'places', City: 'places', AdministrativeArea: 'places', Place: 'places', Continent: 'places', BodyOfWater: 'places',
  Landform: 'places', LandmarksOrHistoricalBuildings: 'places', CivicStructure: 'places', Airport: 'places',
  TemporalExpression: 'dates',
  DefinedTerm: 'areas',
  Legislation: 'documents', CreativeWork: 'documents',
};

/** Entities per kind (people, organizations, places, documents, dates, areas) in one graph. */
export function countKinds(graph: Record<string, unknown>[]): Record<string, number> {
  const into: Record<string, number> = {};
  for (const n of graph) {
    const t = String(n['@type']);
    if (t === 'NewsArticle') continue;
    const k = KIND_OF[t] ?? (n.additionalType ? 'documents' : /Organization|Corporation|NGO|Bank|Party|Union/.test(t) ? 'organizations' : 'other');
    into[k] = (into[k] ?? 0) + 1;
  }
  return into;
}

/** The article in one unit, or why there is none. */
export function readUnit(task: Pick<ArticleTask, 'data' | 'format' | 'line' | 'offset'>): ReadResult {
  if (task.format === 'jsonl') {
    const line = task.line ?? 1;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(task.data);
    } catch {
      return { ok: false, line, reason: `line ${line}: invalid UTF-8 at byte offset ${(task.offset ?? 0) + firstInvalidUtf8(task.data)}` };
    }
    return readJsonLine(text, line) ?? { ok: false, line, reason: `line ${line}: blank` };
  }
  const [r] = readArticles(task.data, task.format);
  if (r.ok && task.format === 'txt' && r.article.text.trim() === '') return { ok: false, reason: 'blank file: no article text' };
  return r;
}

export function processTask(task: ArticleTask): ArticleResult {
  const r = readUnit(task);
  if (!r.ok) return { ok: false, stage: 'read', reason: r.reason, line: r.line };
  let out;
  try {
    out = extract(r.article, { referenceDate: task.referenceDate });
  } catch (e) {
    return { ok: false, stage: 'extract', reason: `extraction failed: ${e instanceof Error ? e.message : String(e)}`, line: r.line };
  }
  if (out.problems.length) return { ok: false, stage: 'extract', reason: `output does not validate: ${out.problems.slice(0, 3).join('; ')}`, line: r.line };
  const json = task.compact ? JSON.stringify(out.document) : JSON.stringify(out.document, null, 1) + '\n';
  return { ok: true, json, entities: countKinds(out.document['@graph']) };
}

export default processTask;
