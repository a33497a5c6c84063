/**
 * Queries that match tens of thousands of documents (a common word of a large archive): PackEngine
 * hands the scratch's documents and scores to the matches instead of copying them, grows its arrays
 * to what a posting needs at once, and sorts the first ranks in steps where thousands of documents
 * tie (ranked-matches.ts). It must still answer exactly like lunr, on such a query, on the next one
 * (whose scratch starts afresh), and on a small one in between.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import lunr from 'lunr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSearchEngine } from '../../main/search/engine/pack-engine';
import type { EngineMatch, IndexEngine, TermClause } from '../../main/search/types';
import { MemoryEngine } from '../reference/memory-engine';
import { expectSameRanks } from '../reference/same-ranks';
import { tablesFromLunr } from '../reference/tables-from-lunr';
import { writeSearchIndex } from '../../main/search/indexer/write-search-index';

const dir = mkdtempSync(join(tmpdir(), 'folio-large-results-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Documents enough that a common word's matches outgrow the engine's first arrays (16,384) twice over. */
const DOCS = 40_000;

function largeIndex(): lunr.Index {
  const b = new lunr.Builder();
  b.pipeline.reset();
  b.searchPipeline.reset();
  b.ref('id');
  b.field('title', { boost: 2 });
  b.field('text');
  b.field('caption', { boost: 1.5 });
  b.field('media');
  const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
  for (let i = 0; i < DOCS; i++) {
    // Sections of 50 passages share a title, so whole sections tie; "common" is in every text,
    // "half" in every other one, "kernel" in most titles and some texts, "rare" in a few.
    const section = Math.floor(i / 50);
    const title = section % 5 === 4 ? `guide ${words[section % 8]}` : `kernel ${words[section % 8]} guide`;
    const text = [
      'common',
      i % 2 === 0 ? 'half' : '',
      i % 7 === 0 ? 'kernel kernel' : '',
      i % 997 === 0 ? 'rare' : '',
      words[i % 8],
      i % 3 === 0 ? words[(i >> 3) % 8] : '',
    ]
      .filter(Boolean)
      .join(' ');
    b.add({ id: `p${i}`, title, text, caption: i % 11 === 0 ? 'kernel figure' : '', media: '' });
  }
  return b.build();
}

function answers(engine: IndexEngine, clauses: TermClause[]): { ref: string; score: number; matched: string }[] {
  return engine.query(clauses).map((m: EngineMatch) => ({
    ref: m.ref,
    score: m.score,
    matched: JSON.stringify([...m.matched.entries()].map(([t, f]) => [t, [...f].sort()]).sort()),
  }));
}

describe('queries matching most of a large archive', () => {
  let memory: MemoryEngine;
  let pack: IndexEngine;
  let db: Database.Database;
  beforeAll(() => {
    const index = largeIndex();
    memory = new MemoryEngine(index);
    const file = join(dir, 'large.folio');
    const w = new Database(file);
    w.transaction(() => writeSearchIndex(w, tablesFromLunr(index)))();
    w.close();
    db = new Database(file, { readonly: true, fileMustExist: true });
    pack = openSearchEngine(db);
  }, 120_000);
  afterAll(() => db.close());

  const q = (term: string, presence: TermClause['presence'] = 'optional', boost = 1): TermClause => ({
    term,
    boost,
    presence,
  });
  const queries: TermClause[][] = [
    [q('kernel'), q('guide', 'optional', 0.35)],
    [q('common')],
    [q('rare')],
    [q('common'), q('half')],
    [q('kernel'), q('alpha', 'optional', 0.35), q('beta', 'optional', 0.35)],
    [q('half', 'required'), q('kernel'), q('gamma', 'prohibited')],
    [q('rare'), q('kernel', 'optional', 0.25)],
    [q('kernel')],
  ];

  it('answers each like lunr: same refs, order, scores and matched terms', () => {
    for (const clauses of queries) {
      const expected = answers(memory, clauses);
      const found = answers(pack, clauses);
      expectSameRanks(found, expected, clauses);
    }
    expect(pack.query([q('common')]).length).toBe(DOCS);
  });

  it('gives the first ranks of a large result alone as a whole sort gives them', () => {
    const clauses = [q('kernel'), q('guide', 'optional', 0.35)];
    const whole = answers(memory, clauses).slice(0, 300);
    const ranked = pack.ranked(clauses);
    expect(ranked.length).toBeGreaterThan(2 * 16_384);
    for (let i = 0; i < 300; i++) {
      expect(ranked.at(i).ref).toBe(whole[i]!.ref);
      expect(ranked.at(i).score).toBe(whole[i]!.score);
    }
    // Matches held from an earlier query stay as they were after later queries reuse the scratch.
    const first = ranked.at(0);
    pack.query([q('common'), q('half')]);
    pack.query([q('rare')]);
    expect(ranked.at(1).ref).toBe(whole[1]!.ref);
    expect(first.score).toBe(whole[0]!.score);
    expect(ranked.at(5000).score).toBe(answers(memory, clauses)[5000]!.score);
  });

  it('keeps the matches holding every group, in rank order, when more than its first room hold them', () => {
    const clauses = [q('common'), q('half')];
    const expected = answers(memory, clauses).filter(
      (a) => a.matched.includes('"common"') && a.matched.includes('"half"'),
    );
    // Every other text holds "half": 20,000 matches hold both, more than holding's first room (16,384).
    expect(expected.length).toBe(DOCS / 2);
    const held = pack.ranked(clauses).holding([{ terms: ['common'] }, { terms: ['half'] }]);
    expect(held.length).toBe(expected.length);
    for (const i of [0, 1, 2, 100, 16_383, 16_384, 16_385, expected.length - 1]) {
      expect(held.at(i).ref, `rank ${i}`).toBe(expected[i]!.ref);
      expect(held.at(i).score, `rank ${i}`).toBe(expected[i]!.score);
    }
    // And when few hold them: the rare word's documents that also hold "half".
    const rare = answers(memory, [q('rare'), q('half')]).filter(
      (a) => a.matched.includes('"rare"') && a.matched.includes('"half"'),
    );
    const heldRare = pack.ranked([q('rare'), q('half')]).holding([{ terms: ['rare'] }, { terms: ['half'] }]);
    expect(heldRare.length).toBe(rare.length);
    expect(rare.length).toBeGreaterThan(0);
    for (let i = 0; i < rare.length; i++) expect(heldRare.at(i).ref).toBe(rare[i]!.ref);
  });
});
