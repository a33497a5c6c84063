import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import lunr from 'lunr';
import { afterAll, describe, expect, it } from 'vitest';
import { openSearchEngine, type PackEngine } from '../../main/search/engine/pack-engine';
import { sortByScoreDesc } from '../../main/search/engine/sort-by-score';
import { verifySearchIndex } from '../../main/search/engine/verify-search-index';
import { createAnalyzer } from '../../main/search/analyzer/index';
import { decodeTermBlock } from '../../main/search/format/term-blocks';
import { indexDocuments } from '../../main/search/indexer/index-documents';
import { SearchIndexError } from '../../main/model/errors';
import { RefList } from '../../main/search/format/ref-list';
import { writeSearchIndex } from '../../main/search/indexer/write-search-index';
import { MemoryEngine } from '../reference/memory-engine';
import { tablesFromLunr } from '../reference/tables-from-lunr';
import type { TermClause } from '../../main/search/types';

const dir = mkdtempSync(join(tmpdir(), 'folio-pack-engine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function smallIndex(positions = true): lunr.Index {
  const b = new lunr.Builder();
  b.pipeline.reset();
  b.searchPipeline.reset();
  b.ref('id');
  b.field('title', { boost: 3 });
  b.field('text');
  b.field('caption', { boost: 2 });
  b.field('media', { boost: 2 });
  b.metadataWhitelist = positions ? ['position'] : [];
  const docs = [
    { id: 'p1', title: 'pusan perimeter', text: 'the defence of the pusan perimeter in 1950', caption: '', media: '' },
    {
      id: 'p2',
      title: 'inchon',
      text: 'the landing at inchon turned the war',
      caption: 'marines at inchon',
      media: '',
    },
    {
      id: 'p3',
      title: 'chosin',
      text: 'the chosin reservoir campaign was fought in winter',
      caption: '',
      media: 'frozen chosin',
    },
    { id: 'p4', title: 'seoul', text: 'seoul changed hands four times', caption: 'crowd at seoul station', media: '' },
  ];
  for (const d of docs) b.add(d);
  return b.build();
}

function writePack(file: string, index: lunr.Index): void {
  const db = new Database(file);
  db.transaction(() => writeSearchIndex(db, tablesFromLunr(index)))();
  db.close();
}

describe('pack search index', () => {
  it('round-trips through a read-only SQLite file and answers queries', () => {
    const file = join(dir, 'small.folio');
    writePack(file, smallIndex());
    const db = new Database(file, { readonly: true, fileMustExist: true });
    expect(verifySearchIndex(db)).toEqual([]);
    const engine = openSearchEngine(db);
    expect(engine.documentCount).toBe(4);
    expect(engine.hasTerm('pusan')).toBe(true);
    expect(engine.hasTerm('busan')).toBe(false);
    expect(engine.documentFrequency('the')).toBe(3);
    const hits = engine.query([{ term: 'inchon', boost: 1, presence: 'optional' }]);
    expect(hits.map((h) => h.ref)).toEqual(['p2']);
    expect(hits[0]!.matched.get('inchon')?.sort()).toEqual(['caption', 'text', 'title']);
    expect(engine.expandPrefix('se', 10)).toEqual(['seoul']);
    expect(engine.expandFuzzy('chosen', 1, 10)).toEqual(['chosin']);
    expect(
      engine.query([
        { term: 'nothere', boost: 1, presence: 'required' },
        { term: 'the', boost: 1, presence: 'optional' },
      ]),
    ).toEqual([]);
    db.close();
  });

  it('remembers a typo correction: typing on after a misspelt word walks the vocabulary once', () => {
    const file = join(dir, 'fuzzy-cache.folio');
    writePack(file, smallIndex());
    const db = new Database(file, { readonly: true, fileMustExist: true });
    const engine = openSearchEngine(db) as PackEngine;
    let walks = 0;
    const walk = engine.expandPattern.bind(engine);
    engine.expandPattern = (...args) => (walks++, walk(...args));
    const first = engine.expandFuzzy('chosen', 1, 10);
    expect(first).toEqual(['chosin']);
    // The caller may change what it gets: the remembered answer is not.
    first.push('changed');
    expect(engine.expandFuzzy('chosen', 1, 10)).toEqual(['chosin']);
    expect(walks).toBe(1);
    // Another distance or limit is another question.
    expect(engine.expandFuzzy('chosen', 2, 10)).toContain('chosin');
    expect(walks).toBe(2);
    db.close();
  });

  it("stores term frequencies when lunr's weights recompute exactly, and weights otherwise", () => {
    const clauses: TermClause[][] = [
      [{ term: 'the', boost: 1, presence: 'optional' }],
      [
        { term: 'chosin', boost: 2, presence: 'optional' },
        { term: 'seoul', boost: 1, presence: 'optional' },
      ],
      [
        { term: 'the', boost: 1, presence: 'required' },
        { term: 'inchon', boost: 1, presence: 'prohibited' },
      ],
    ];
    for (const [positions, mode] of [
      [true, 'tf'],
      [false, 'milli'],
    ] as const) {
      const file = join(dir, `mode-${mode}.folio`);
      const index = smallIndex(positions);
      writePack(file, index);
      const db = new Database(file, { readonly: true, fileMustExist: true });
      const engine = openSearchEngine(db) as PackEngine;
      expect(engine.meta.weights).toBe(mode);
      expect(verifySearchIndex(db)).toEqual([]);
      const memory = new MemoryEngine(index);
      for (const c of clauses) {
        const a = memory.query(c).map((m) => [m.ref, m.score]);
        const b = engine.query(c).map((m) => [m.ref, m.score]);
        expect(b).toEqual(a);
      }
      db.close();
    }
  });

  it('verify reports damaged postings, a damaged term block and missing tables', async () => {
    const { syntheticCorpus } = await import('../../bench/synthetic-corpus');
    const file = join(dir, 'damaged.folio');
    const rw = new Database(file);
    const docs = syntheticCorpus({ docs: 600, seed: 3 });
    rw.transaction(() =>
      writeSearchIndex(rw, indexDocuments(docs, createAnalyzer({ variants: [], languages: ['en'] }))),
    )();
    const blocks = (
      rw.prepare('SELECT key, data FROM search_terms ORDER BY key').raw().all() as [string, Buffer][]
    ).map(([key, data]) => decodeTermBlock(key, data));
    expect(blocks.length).toBeGreaterThan(2);
    // A common term's postings are a row of their own; a block holds the rare ones'.
    const common = blocks.flatMap((b) => b.entries).find((e) => e.postings === null)!;
    expect(common).toBeDefined();
    const otherBlock = blocks.find((b) => !b.entries.includes(common))!;
    rw.prepare("UPDATE search_postings SET data = x'ff' WHERE tid = ?").run(common.tid);
    rw.prepare("UPDATE search_terms SET data = x'ff' WHERE key = ?").run(otherBlock.key);
    const problems = verifySearchIndex(rw).join('\n');
    expect(problems).toContain(`postings of "${common.term}"`);
    expect(problems).toContain(`the term block at "${otherBlock.key}"`);
    rw.exec('DROP TABLE search_prefix');
    expect(verifySearchIndex(rw).join('\n')).toMatch(/search_prefix missing/);
    rw.close();
  });

  it('proves a term absent only when no term block is lost', async () => {
    const { syntheticCorpus } = await import('../../bench/synthetic-corpus');
    const file = join(dir, 'lost-block.folio');
    const rw = new Database(file);
    const docs = syntheticCorpus({ docs: 300, seed: 9 });
    rw.transaction(() =>
      writeSearchIndex(rw, indexDocuments(docs, createAnalyzer({ variants: [], languages: ['en'] }))),
    )();
    const keys = rw.prepare('SELECT key FROM search_terms ORDER BY key').pluck().all() as string[];
    expect(keys.length).toBeGreaterThan(3);
    const lost = keys[2]!;
    const engine = openSearchEngine(rw);
    expect(engine.hasTerm(lost)).toBe(true);
    rw.prepare('DELETE FROM search_terms WHERE key = ?').run(lost);
    const fresh = openSearchEngine(rw) as PackEngine;
    expect(() => fresh.hasTerm(lost)).toThrow(SearchIndexError);
    expect(() => fresh.expandPrefix(lost.slice(0, 1), 500)).toThrow(SearchIndexError);
    rw.close();
  });

  it('reads refs from their chunks, and verify names a missing or damaged chunk', async () => {
    const { syntheticCorpus } = await import('../../bench/synthetic-corpus');
    const { indexDocuments } = await import('../../main/search/indexer/index-documents');
    const { createAnalyzer } = await import('../../main/search/analyzer/index');
    const docs = syntheticCorpus({ docs: 2500, seed: 5 });
    const file = join(dir, 'chunks.folio');
    const rw = new Database(file);
    rw.transaction(() =>
      writeSearchIndex(rw, indexDocuments(docs, createAnalyzer({ variants: [], languages: ['en'] }))),
    )();
    expect(rw.prepare("SELECT name FROM search_blobs WHERE name LIKE 'refs/%' ORDER BY name").pluck().all()).toEqual([
      'refs/0',
      'refs/1',
      'refs/2',
    ]);
    const engine = openSearchEngine(rw) as PackEngine;
    for (const ord of [0, 1023, 1024, 2047, 2048, 2499]) expect(engine.ref(ord)).toBe(docs[ord]!.id);
    expect(() => engine.ref(2500)).toThrow(/document 2500 missing/);
    expect(verifySearchIndex(rw)).toEqual([]);
    rw.prepare("UPDATE search_blobs SET data = x'00' WHERE name = 'refs/1'").run();
    expect(verifySearchIndex(rw).join('\n')).toMatch(/chunk 1/);
    rw.prepare("DELETE FROM search_blobs WHERE name = 'refs/2'").run();
    expect(verifySearchIndex(rw).join('\n')).toMatch(/document refs missing \(chunk 2\)/);
    rw.close();
  });

  it('sorts by score like a stable descending comparator sort, at every size', () => {
    let seed = 1;
    const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const n of [0, 1, 5, 63, 64, 65, 500, 5000]) {
      const score = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const r = rnd();
        score[i] = r < 0.3 ? Math.round(rnd() * 5) / 4 : r < 0.35 ? 0 : r < 0.37 ? -0 : r < 0.4 ? -rnd() : rnd() * 1e3;
      }
      const docs = Int32Array.from({ length: n }, (_, i) => (i * 7919) % Math.max(1, n));
      const unique = Int32Array.from(new Set(docs));
      const expected = Array.from(unique).sort((a, b) => score[b]! - score[a]!);
      expect(Array.from(sortByScoreDesc(unique, score))).toEqual(expected);
    }
  });

  it('keeps document refs of any shape', () => {
    for (const refs of [[], ['a'], ['p1', '', 'p3'], ['x\ny', 'z'], ['é', '中文', '😀']]) {
      const list = RefList.decode(RefList.encode(refs), refs.length);
      expect(list.length).toBe(refs.length);
      expect(refs.map((_, i) => list.at(i))).toEqual(refs);
      expect(list.at(refs.length)).toBeUndefined();
    }
  });

  it('answers hostile input quickly and never throws', () => {
    const file = join(dir, 'hostile.folio');
    writePack(file, smallIndex());
    const db = new Database(file, { readonly: true, fileMustExist: true });
    const engine = openSearchEngine(db);
    const long = 'a'.repeat(10_000);
    const started = performance.now();
    for (const t of [
      '',
      '\u0000',
      '😀',
      '\ud800',
      '\u{10FFFF}',
      long,
      '*',
      '*'.repeat(5000),
      'title:',
      '~',
      '+',
      '"',
    ]) {
      expect(() => engine.query([{ term: t, boost: 1, presence: 'optional' }])).not.toThrow();
      expect(() => engine.query([{ term: t, boost: 1, presence: 'required' }])).not.toThrow();
      expect(() => engine.expandPrefix(t, 10)).not.toThrow();
      for (const d of [NaN, Infinity, -1, 0, 1, 2, 99]) expect(() => engine.expandFuzzy(t, d, 10)).not.toThrow();
      expect(engine.hasTerm(t)).toBe(false);
    }
    expect(engine.expandFuzzy('pusan', NaN, 10)).toEqual(['pusan']);
    expect(engine.expandPrefix('pu', NaN)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5000);
    db.close();
  });
});
