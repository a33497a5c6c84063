/**
 * Compiles the engine's hot loops before any archive needs them. A common word's first query on a
 * million passages ("kernel": 260,000 postings) ran its loops (decode, field refs, dot products,
 * scores, partial sort) uncompiled until V8 had seen enough of each to optimise it: picking the
 * large pack in the app and asking it took 60 ms (82 ms of CPU), 41 ms (63) with this, against
 * about 10 ms for the same query once everything is compiled and read. The app's archive worker runs
 * this once when it starts, before it opens the embedded archive, so a pack picked later answers
 * its first query with compiled code.
 *
 * It asks a real PackEngine over a small index made up here, in an in-memory SQLite database, with
 * the format's own encoders: every path of the real loops is met (term frequencies above 1, runs of
 * consecutive documents, field lengths past a byte, apart and in the postings, required and
 * prohibited clauses, ties past the first sorted step, a result sorted whole), so the compiled code
 * is not thrown away when a real pack meets one of them. It reads nothing of any archive. A first
 * run is a first run: the worker's start pays about what the first query saves (about 40 ms), once,
 * off the interactive path.
 */
import { openDatabase } from '../sqlite';
import { LUNR_B, LUNR_K1, lunrIdf } from './format/lunr-bm25';
import type { FlatPostings } from './format/postings';
import type { IndexTables } from './indexer/index-tables';
import { writeSearchIndex } from './indexer/write-search-index';
import { SEARCH_FIELDS, type TermClause, type TermGroup } from './types';
import { PackEngine } from './engine/pack-engine';

/** Documents of the made-up index: enough for every loop to run a few thousand times a query. */
const DOCUMENTS = 2048;
/** The made-up terms, in SQLite's order (one term block). */
const TERMS = ['warm', 'warmer', 'warmest', 'warmth'] as const;
/** Matches read from each query, past the first sorted step (engine/ranked-matches.ts). */
export const WARM_UP_READ = 200;

/**
 * Which documents hold each term in each field (by field index, SEARCH_FIELDS' order), and how
 * often: every `every`-th document from `from`, tf 1 or, when `tf` is set, 2–6 for one in three;
 * `run` makes runs of consecutive documents with tf 1 (a section title's terms).
 */
const POSTINGS: { term: number; field: number; every: number; from: number; tf?: true; run?: true }[] = [
  { term: 0, field: 0, every: 1, from: 0, run: true },
  { term: 0, field: 1, every: 1, from: 0, tf: true },
  { term: 1, field: 1, every: 3, from: 1, tf: true },
  { term: 1, field: 2, every: 7, from: 0 },
  { term: 2, field: 2, every: 2, from: 0 },
  { term: 3, field: 0, every: 5, from: 0 },
];

/** Tokens of a document's field: the text's lengths reach past a byte (the field lengths' overflow list). */
const FIELD_LENGTHS = [(d: number): number => 3 + (d % 5), (d: number): number => 20 + (d % 300), () => 6, () => 0];

/**
 * Writes the made-up index into `db`'s search tables, with the builder's own writer: the index is
 * in the format a real pack has, whatever that becomes. (Outside engine/, which never imports the
 * indexer: this module is both.)
 */
function writeIndex(db: ReturnType<typeof openDatabase>, lengthsInPostings: boolean): void {
  const fields = SEARCH_FIELDS.length;
  const start = new Int32Array(TERMS.length * fields + 1);
  const ordinals = new Int32Array(DOCUMENTS * POSTINGS.length);
  const termFrequencies = new Int32Array(DOCUMENTS * POSTINGS.length);
  const held = new Uint8Array(TERMS.length * DOCUMENTS);
  let n = 0;
  for (let slot = 0; slot < TERMS.length * fields; slot++) {
    start[slot] = n;
    for (const p of POSTINGS) {
      if (p.term * fields + p.field !== slot) continue;
      for (let d = p.from; d < DOCUMENTS; d += p.every) {
        if (p.run && d % 16 >= 8) continue;
        ordinals[n] = d;
        termFrequencies[n++] = p.tf && d % 3 === 0 ? 2 + (d % 5) : 1;
        held[p.term * DOCUMENTS + d] = 1;
      }
    }
  }
  start[TERMS.length * fields] = n;
  const flat: FlatPostings = { start, ordinals, termFrequencies, weights: new Float64Array(0) };
  const fieldLengths = new Float64Array(DOCUMENTS * fields);
  const avgFieldLength = new Array<number>(fields).fill(0);
  for (let f = 0; f < fields; f++) {
    let sum = 0;
    for (let d = 0; d < DOCUMENTS; d++) sum += fieldLengths[d * fields + f] = FIELD_LENGTHS[f]!(d);
    avgFieldLength[f] = sum / DOCUMENTS;
  }
  const tables: IndexTables = {
    fields: [...SEARCH_FIELDS],
    refs: Array.from({ length: DOCUMENTS }, (_, d) => `d${d}`),
    addOrder: null,
    sortedTerms: [...TERMS],
    termIndices: Int32Array.from(TERMS.keys()),
    documentFrequencies: Int32Array.from(TERMS.keys(), (t) =>
      held.subarray(t * DOCUMENTS, (t + 1) * DOCUMENTS).reduce((sum, v) => sum + v, 0),
    ),
    flat,
    fieldLengths,
    weightMode: 'tf',
    tfModel: {
      k1: LUNR_K1,
      b: LUNR_B,
      avgFieldLength,
      fieldBoost: new Array<number>(fields).fill(1),
      idf: Float64Array.from(TERMS.keys(), (t) => lunrIdf(start[(t + 1) * fields]! - start[t * fields]!, DOCUMENTS)),
    },
  };
  writeSearchIndex(db, tables, { lengthsInPostings });
}

/**
 * Queries of the kinds the searcher asks (several optional terms, a required one, a prohibited one),
 * each with the groups of terms its matches are then required to hold (RankedMatches#holding).
 */
const QUERIES: { clauses: TermClause[]; holding: TermGroup[] }[] = [
  {
    clauses: [
      { term: 'warm', boost: 1, presence: 'optional' },
      { term: 'warmer', boost: 0.5, presence: 'optional' },
      { term: 'warmth', boost: 0.25, presence: 'optional' },
    ],
    holding: [{ terms: ['warm'] }, { terms: ['warmer', 'warmth'], fields: ['text'] }],
  },
  {
    clauses: [
      { term: 'warmer', boost: 1, presence: 'required' },
      { term: 'warm', boost: 1, presence: 'optional' },
    ],
    holding: [{ terms: ['warmer'], fields: ['text'] }],
  },
  {
    clauses: [
      { term: 'warm', boost: 1, presence: 'optional' },
      { term: 'warmth', boost: 1, presence: 'prohibited' },
    ],
    holding: [{ terms: ['warm'], fields: ['title'] }],
  },
  // All of them tied (one caption length): the first step takes more than it made room for.
  { clauses: [{ term: 'warmest', boost: 1, presence: 'optional' }], holding: [{ terms: ['warmest'] }] },
  // Few enough to be sorted whole at the first step.
  {
    clauses: [{ term: 'warmth', boost: 1, presence: 'optional' }],
    holding: [{ terms: ['warmth'], fields: ['title'] }],
  },
];

/**
 * Asks the made-up index its queries, twice: with the field lengths apart, then in the postings (a
 * small pack's layout and a large one's, format/schema.ts), so that V8 has compiled the decode loop
 * for both before an archive meets either, and the second round runs what it compiled meanwhile.
 * Reads the queries' first matches; returns how many matches each query and its `holding` had.
 * Throws when the made-up index cannot be written or read.
 */
export function runWarmUp(): number[] {
  const counts: number[] = [];
  for (const lengthsInPostings of [false, true]) {
    const db = openDatabase(':memory:');
    try {
      writeIndex(db, lengthsInPostings);
      // No postings kept: each query decodes its postings again, as a new archive's first query does.
      const engine = new PackEngine(db, { cacheBytes: 0 });
      for (const query of QUERIES) {
        const matches = engine.ranked(query.clauses);
        for (let i = 0; i < Math.min(WARM_UP_READ, matches.length); i++) void matches.at(i).matched;
        const held = matches.holding(query.holding);
        for (let i = 0; i < Math.min(WARM_UP_READ, held.length); i++) void held.at(i).ref;
        counts.push(matches.length, held.length);
      }
    } finally {
      db.close();
    }
  }
  return counts;
}

/**
 * Runs the engine's loops over a made-up index (see the module doc). Never throws: a warm-up that
 * fails leaves the code as cold as it was, and nothing else.
 */
export function warmUpEngine(): void {
  try {
    runWarmUp();
  } catch {
    // Only speed is at stake.
  }
}
