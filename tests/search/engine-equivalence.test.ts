/**
 * PackEngine (the pack's SQLite tables, read on demand) must answer exactly like MemoryEngine (a real
 * in-memory lunr.Index) on the same pipelines: same refs in the same order, same scores, same
 * matched terms, and the same prefix and fuzzy expansions as lunr's own TokenSet intersection.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type lunr from 'lunr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32, syntheticCorpus } from '../../bench/synthetic-corpus';
import { buildPack } from '../../main/archive/writer/build-pack';
import { openPack } from '../../main/archive/pack';
import { toIndexDocuments } from '../../main/search/documents';
import { createAnalyzer } from '../../main/search/analyzer/index';
import { buildLunrIndex } from '../reference/lunr-build';
import { internals, TokenSet } from '../reference/lunr-internals';
import { MemoryEngine } from '../reference/memory-engine';
import { expectSameRanks, type RankedAnswer } from '../reference/same-ranks';
import { tablesFromLunr } from '../reference/tables-from-lunr';
import { openSearchEngine, PackEngine } from '../../main/search/engine/pack-engine';
import { TopMatches } from '../../main/search/engine/top-matches';
import { verifySearchIndex } from '../../main/search/engine/verify-search-index';
import { writeSearchIndex } from '../../main/search/indexer/write-search-index';
import {
  fuzzyAutomaton,
  intersectSorted,
  wildcardAutomaton,
  type QueryNode,
} from '../../main/search/engine/sorted-trie';
import { decodeFieldLengths } from '../../main/search/format/field-lengths';
import { REF_CHUNK, type SearchMeta } from '../../main/search/format/schema';
import { Vocabulary } from '../../main/search/format/vocabulary';
import type { EngineMatch, IndexEngine, SearchField, TermClause } from '../../main/search/types';

const dir = mkdtempSync(join(tmpdir(), 'folio-equivalence-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Pair {
  index: lunr.Index;
  memory: MemoryEngine;
  pack: IndexEngine;
  db: Database.Database;
  vocab: string[];
}

function setUp(name: string, docs: number, numericRefs: boolean, lengthsInPostings = false): Pair {
  const analyzer = createAnalyzer({ variants: [], languages: ['en'] });
  const index = buildLunrIndex(syntheticCorpus({ docs, seed: docs, numericRefs, longEvery: 97 }), analyzer);
  const file = join(dir, `${name}.folio`);
  const w = new Database(file);
  // Small pages, so that this corpus's longest postings (deflated) and vocabulary still span several.
  w.pragma('page_size = 1024');
  w.transaction(() => writeSearchIndex(w, tablesFromLunr(index), { lengthsInPostings }))();
  w.close();
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const vocab = Object.keys(internals(index).invertedIndex).sort();
  return { index, memory: new MemoryEngine(index), pack: openSearchEngine(db), db, vocab };
}

function normalise(matches: EngineMatch[]): { ref: string; score: number; matched: [string, string[]][] }[] {
  return matches.map((m) => ({
    ref: m.ref,
    score: m.score,
    matched: [...m.matched.entries()]
      .map(([t, f]) => [t, [...f].sort()] as [string, string[]])
      .sort((a, b) => (a[0] < b[0] ? -1 : 1)),
  }));
}

function expectSameAnswers(pair: Pair, clauses: TermClause[]): void {
  expectSameRanks(normalise(pair.pack.query(clauses)), normalise(pair.memory.query(clauses)), clauses);
}

/** Clause lists of every shape the searcher produces, plus odd ones. */
function clauseLists(pair: Pair, count: number, seed: number): TermClause[][] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // Bias toward frequent terms, as real queries are.
  const byDf = [...pair.vocab].sort((x, y) => pair.memory.documentFrequency(y) - pair.memory.documentFrequency(x));
  const term = (): string => (rnd() < 0.5 ? byDf[Math.floor(rnd() * Math.min(300, byDf.length))]! : pick(pair.vocab));
  const fieldsets: (SearchField[] | undefined)[] = [
    undefined,
    ['title'],
    ['text'],
    ['caption', 'media'],
    ['text', 'title'],
    [],
  ];
  const out: TermClause[][] = [];
  for (let i = 0; i < count; i++) {
    const shape = i % 8;
    const clauses: TermClause[] = [];
    const n = 1 + Math.floor(rnd() * 4);
    for (let j = 0; j < n; j++) {
      const t = rnd() < 0.05 ? 'zzznotaterm' : term();
      const presence: TermClause['presence'] =
        shape === 1
          ? j === 0
            ? 'required'
            : 'optional'
          : shape === 2 && j > 0
            ? 'prohibited'
            : shape === 3
              ? 'required'
              : shape === 4
                ? 'prohibited'
                : 'optional';
      const clause: TermClause = { term: t, boost: shape === 5 ? pick([1, 2, 0.5, 10, 0.1]) : 1, presence };
      const fields = shape === 6 ? pick(fieldsets) : undefined;
      if (fields) clause.fields = fields;
      clauses.push(clause);
      if (shape === 7 && j === 0) clauses.push({ ...clause, boost: 3 }); // repeated term
    }
    if (shape === 0 && rnd() < 0.5) {
      // Expanded prefix and fuzzy terms, as the searcher adds them.
      const base = term();
      for (const t of pair.memory.expandPrefix(base.slice(0, 2 + Math.floor(rnd() * 2)), 20))
        clauses.push({ term: t, boost: 0.5, presence: 'optional' });
      for (const t of pair.memory.expandFuzzy(base, 1, 10)) clauses.push({ term: t, boost: 0.3, presence: 'optional' });
    }
    out.push(clauses);
  }
  return out;
}

describe.each([
  ['mid-size corpus', 4000, false, false],
  ['array-index-like refs', 2500, true, false],
  // As a pack of LENGTHS_IN_POSTINGS_FROM documents or more is written (format/schema.ts).
  ['field lengths in the postings', 3000, false, true],
])('PackEngine ≡ MemoryEngine: %s', (name, docs, numericRefs, lengthsInPostings) => {
  let pair: Pair;
  beforeAll(() => {
    pair = setUp(name.replace(/\W+/g, '-'), docs, numericRefs, lengthsInPostings);
  });
  afterAll(() => pair.db.close());

  it('verifies clean and agrees on counts', () => {
    expect(verifySearchIndex(pair.db)).toEqual([]);
    expect(pair.pack.documentCount).toBe(pair.memory.documentCount);
    for (const t of pair.vocab.slice(0, 500)) {
      expect(pair.pack.hasTerm(t)).toBe(true);
      expect(pair.pack.documentFrequency(t)).toBe(pair.memory.documentFrequency(t));
    }
    for (const t of ['', 'zzznotaterm', 'the ', 'constructor', '__proto__', 'toString']) {
      expect(pair.pack.hasTerm(t)).toBe(pair.memory.hasTerm(t));
      expect(pair.pack.documentFrequency(t)).toBe(pair.memory.documentFrequency(t));
    }
  });

  it('crosses every chunk and page boundary of the format', () => {
    // Refs in more than one chunk, postings and the vocabulary over several SQLite pages, prefix
    // lists, field lengths past one byte, and ranks sorted in more than one step (ranked-matches.ts).
    expect(pair.pack.documentCount).toBeGreaterThan(REF_CHUNK);
    const pageSize = pair.db.pragma('page_size', { simple: true }) as number;
    const longest = (sql: string): number => pair.db.prepare(sql).pluck().get() as number;
    expect(longest('SELECT max(length(data)) FROM search_postings')).toBeGreaterThan(pageSize);
    expect(longest("SELECT max(length(data)) FROM search_blobs WHERE name LIKE 'vocab/%'")).toBeGreaterThan(pageSize);
    // Format 9: the vocabulary in shards by term length, so a typo's correction walks several of them.
    expect(longest("SELECT count(*) FROM search_blobs WHERE name GLOB 'vocab/[0-9]*'")).toBeGreaterThan(2);
    expect(longest('SELECT count(*) FROM search_prefix')).toBeGreaterThan(0);
    // Format 5: the vocabulary in many front-coded term blocks, short postings inline in them and long ones
    // in rows of their own, and the refs in more than one chunk.
    expect(longest('SELECT count(*) FROM search_terms')).toBeGreaterThan(10);
    const outOfLine = longest('SELECT count(*) FROM search_postings');
    expect(outOfLine).toBeGreaterThan(10);
    expect(pair.vocab.length - outOfLine).toBeGreaterThan(10);
    expect(longest("SELECT count(*) FROM search_blobs WHERE name LIKE 'refs/%'")).toBeGreaterThan(1);
    const lengthsBlob = pair.db.prepare("SELECT data FROM search_blobs WHERE name = 'field_lengths'").pluck().get();
    const meta = JSON.parse(
      pair.db.prepare("SELECT value FROM search_meta WHERE key = 'meta'").pluck().get() as string,
    ) as SearchMeta;
    // Lengths past one byte: in the blob's overflow list, or as longer varints in the postings (which
    // then score as lunr does only when they read them right: the tests below).
    let lengths: number[];
    if (lengthsInPostings) lengths = Array.from(tablesFromLunr(pair.index).fieldLengths);
    else {
      const stored = decodeFieldLengths(lengthsBlob as Buffer, pair.pack.documentCount * 4);
      lengths = Array.from({ length: stored.length }, (_, i) => stored.at(i)!);
    }
    expect(meta.tf?.lengthsInPostings === true).toBe(lengthsInPostings);
    expect(lengthsBlob === undefined).toBe(lengthsInPostings);
    expect(lengths.some((n) => n > 255)).toBe(true);
    expect(pair.pack.query([{ term: 'the', boost: 1, presence: 'optional' }]).length).toBeGreaterThan(1000);
  });

  it('ranks identically over generated clause lists', () => {
    for (const clauses of clauseLists(pair, 400, docs)) expectSameAnswers(pair, clauses);
  });

  it('finds the first matches with bounds as scoring every match does (bounded-top.ts)', () => {
    // Bounds from the first posting on and a shallow first top (the pack's defaults wait for many
    // postings and find 256 matches, more than this corpus's common words leave to bounds): the
    // first ranks come from the bounded top, those past them from a deeper one or from scoring
    // every match.
    const bounded = new PackEngine(pair.db, { pruneFrom: 0, firstTop: 4 });
    // The generated lists, and lists bounds serve: a most common word among less common ones.
    const rnd = mulberry32(docs + 2);
    const byDf = [...pair.vocab].sort((x, y) => pair.memory.documentFrequency(y) - pair.memory.documentFrequency(x));
    const mixed = Array.from({ length: 150 }, (_, i): TermClause[] => [
      { term: byDf[i % 3]!, boost: 1, presence: 'optional' },
      ...Array.from({ length: 1 + (i % 3) }, (): TermClause => {
        const term = byDf[20 + Math.floor(rnd() * 400)]!;
        return { term, boost: i % 2 ? 1 : 0.5, presence: 'optional' };
      }),
    ]);
    const lists = [...clauseLists(pair, 250, docs + 1), ...mixed];
    const rank = ({ ref, score }: EngineMatch): RankedAnswer => ({ ref, score });
    let tops = 0;
    for (const clauses of lists) {
      const ranked = bounded.ranked(clauses);
      if (ranked instanceof TopMatches) tops++;
      const found = Array.from({ length: ranked.length }, (_, i) => rank(ranked.at(i)));
      expectSameRanks(found, pair.memory.query(clauses).map(rank), clauses);
    }
    expect(tops).toBeGreaterThan(15);
  });

  it('ranks identically on edge cases', () => {
    const t = pair.vocab[10]!;
    const cases: TermClause[][] = [
      [],
      [{ term: '', boost: 1, presence: 'optional' }],
      [
        { term: 'zzznotaterm', boost: 1, presence: 'required' },
        { term: t, boost: 1, presence: 'optional' },
      ],
      [{ term: t, boost: 1, presence: 'prohibited' }],
      [{ term: 'zzznotaterm', boost: 1, presence: 'prohibited' }],
      [{ term: t, boost: 0, presence: 'optional' }],
      [{ term: t.slice(0, 1) + '*' + t.slice(2), boost: 1, presence: 'optional' }],
      [
        { term: 'the', boost: 1, presence: 'optional' },
        { term: 'of', boost: 1, presence: 'optional' },
      ],
      [
        { term: 'the', boost: 1, presence: 'required' },
        { term: 'and', boost: 2, presence: 'required' },
        { term: 'a', boost: 1, presence: 'prohibited' },
      ],
    ];
    for (const clauses of cases) expectSameAnswers(pair, clauses);
  });

  it('expands prefixes and typos to the same terms as lunr', () => {
    const rnd = mulberry32(7);
    const ix = internals(pair.index);
    const prefixes = ['t', 'ka', 'k', 'se', 'sel', 'pyth', 'mon', 'x', 'zz', 'a', 'th', 'chu', '1', 'é', ''];
    for (let i = 0; i < 60; i++) {
      const t = pair.vocab[Math.floor(rnd() * pair.vocab.length)]!;
      prefixes.push(t.slice(0, 1 + Math.floor(rnd() * t.length)));
    }
    for (const p of prefixes) {
      for (const limit of [1, 10, 64, 65, 1e9])
        expect(pair.pack.expandPrefix(p, limit), `prefix ${p} limit ${limit}`).toEqual(
          pair.memory.expandPrefix(p, limit),
        );
      if (p) {
        const lunrSet = ix.tokenSet
          .intersect(TokenSet.fromString(p + '*'))
          .toArray()
          .sort();
        expect([...pair.pack.expandPrefix(p, 1e9)].sort()).toEqual(lunrSet);
      }
    }
    const words = ['pusan', 'seol', 'korae', 'documentaton', 'ka', 'selmon', 'trapeloo', 'xyzzy', 'a', 'teh'];
    for (let i = 0; i < 40; i++) {
      const t = pair.vocab[Math.floor(rnd() * pair.vocab.length)]!;
      const k = Math.floor(rnd() * t.length);
      words.push(rnd() < 0.5 ? t.slice(0, k) + t.slice(k + 1) : t.slice(0, k) + 'e' + t.slice(k));
    }
    // The walk reads the vocabulary blob as the pack engine does (typed arrays, no strings).
    const jsSorted = [...pair.vocab].sort();
    const vocabulary = Vocabulary.decode(Vocabulary.encode(jsSorted, new Uint32Array(jsSorted.length)));
    const walk = (automaton: QueryNode): string[] =>
      intersectSorted(vocabulary, automaton)
        .map((i) => vocabulary.term(i))
        .sort();
    for (const pattern of ['k*n', '*ion', 'se*', '*', 'a*b*c', 'th*e', 'pusan', '**', 'x*']) {
      const lunrSet = ix.tokenSet.intersect(TokenSet.fromString(pattern)).toArray().sort();
      expect(walk(wildcardAutomaton(pattern)), `wildcard ${pattern}`).toEqual(lunrSet);
      // The pack merges its shards back into one list: a wildcard's terms come in the same order.
      expect((pair.pack as PackEngine).expandPattern(wildcardAutomaton(pattern)), `order of ${pattern}`).toEqual(
        intersectSorted(vocabulary, wildcardAutomaton(pattern)).map((i) => vocabulary.term(i)),
      );
    }
    for (const w of words) {
      for (const d of [0, 1, 2]) {
        expect(walk(fuzzyAutomaton(w, d))).toEqual(
          ix.tokenSet.intersect(TokenSet.fromFuzzyString(w, d)).toArray().sort(),
        );
        const lunrSet = ix.tokenSet.intersect(TokenSet.fromFuzzyString(w, d)).toArray().sort();
        expect([...pair.pack.expandFuzzy(w, d, 1e9)].sort(), `fuzzy ${w}~${d}`).toEqual(lunrSet);
        expect(pair.pack.expandFuzzy(w, d, 5)).toEqual(pair.memory.expandFuzzy(w, d, 5));
      }
    }
  });
});

const EMBEDDED = resolve(__dirname, '../../archive/korean-war');

describe('PackEngine ≡ MemoryEngine: the embedded archive through the real builder', () => {
  let pair: Pair;
  let close: () => void = () => {};
  beforeAll(() => {
    const file = join(dir, 'korean-war.folio');
    buildPack(EMBEDDED, file);
    const pack = openPack(file);
    const sections = pack.sections();
    const passages = sections.flatMap((s) => pack.passagesOfSection(s.id));
    const index = buildLunrIndex(toIndexDocuments(passages, sections), createAnalyzer(pack.manifest));
    const memory = new MemoryEngine(index);
    pair = {
      index,
      memory,
      pack: pack.searchEngine(),
      db: undefined as unknown as Database.Database,
      vocab: Object.keys(internals(index).invertedIndex).sort(),
    };
    close = () => pack.close();
  });
  afterAll(() => close());

  it('has the same vocabulary and document counts', () => {
    expect(pair.pack.documentCount).toBe(pair.memory.documentCount);
    for (const t of pair.vocab) expect(pair.pack.documentFrequency(t), t).toBe(pair.memory.documentFrequency(t));
  });

  it('ranks identically, every term alone and in generated clause lists', () => {
    for (const t of pair.vocab) expectSameAnswers(pair, [{ term: t, boost: 1, presence: 'optional' }]);
    for (const clauses of clauseLists(pair, 300, 11)) expectSameAnswers(pair, clauses);
  });

  it('expands like lunr', () => {
    for (const p of ['p', 'pu', 'kor', 'se', 'ch', 'm', 'yak', '19', 'ki'])
      expect(pair.pack.expandPrefix(p, 1e9)).toEqual(pair.memory.expandPrefix(p, 1e9));
    for (const w of ['pusn', 'inchion', 'chosen', 'koera', 'seol', 'armistise'])
      expect(pair.pack.expandFuzzy(w, 2, 1e9)).toEqual(pair.memory.expandFuzzy(w, 2, 1e9));
  });
});
