/**
 * Checking candidates on their passages (candidate-check.ts): what is kept is exactly the accepted
 * candidates among the first ones checked, in lunr's order, and passages are read a batch at a
 * time, the first batch small (a page of 10 is usually settled by a few dozen candidates, and each
 * passage read decompresses its block), later ones as many as should fill the page. Real pack: PostgreSQL pages (tests/fixtures/postgresql-15).
 */
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPack } from '../../main/archive/pack';
import { buildPack } from '../../main/archive/writer/build-pack';
import { checkCandidates } from '../../main/search/searcher/candidate-check';
import { PassageCache } from '../../main/search/searcher/passage-cache';
import type { Passage } from '../../main/model/archive';
import type { EngineMatch, RankedMatches } from '../../main/search/types';
import { tempDir } from '../helpers/temp';

const file = join(tempDir('folio-candidates-'), 'postgresql.folio');
buildPack(resolve(__dirname, '../fixtures/postgresql-15'), file);
const pack = openPack(file);
afterAll(() => pack.close());

describe('checkCandidates', () => {
  const matches = pack.searchEngine().ranked([{ term: 'the', fields: ['text'], boost: 1, presence: 'required' }]);
  const holdsWord = (text: string) => /\bthe\b/u.test(text);

  it('keeps the accepted candidates among those checked, in order, reading a small batch first', () => {
    // More than two batches.
    expect(matches.length).toBeGreaterThan(75);
    const reads: number[] = [];
    const source = countingSource(reads);
    const settledAt: number[] = [];
    const checked = checkCandidates(
      matches,
      (_m, p) => p !== undefined && holdsWord(p.text),
      new PassageCache(source),
      {
        settled: (kept) => {
          settledAt.push(kept.length);
          return kept.length >= 10;
        },
        full: (kept) => kept.length >= 10,
        checkCancelled: () => {},
      },
    );
    // The first batch is 25 passages at most; later ones double, up to 100.
    expect(reads[0]).toBeLessThanOrEqual(25);
    expect(reads.every((n, i) => n <= Math.min(100, 25 * 2 ** i))).toBe(true);
    const expected: EngineMatch[] = [];
    for (let i = 0; i < checked.checked; i++) {
      const m = matches.at(i);
      if (holdsWord(pack.passage(m.ref)!.text)) expected.push(m);
    }
    expect(checked.candidates).toBe(matches.length);
    expect(checked.matches.length).toBe(expected.length);
    expect(Array.from({ length: checked.matches.length }, (_, i) => checked.matches.at(i).ref)).toEqual(
      expected.map((m) => m.ref),
    );
    expect(checked.matches.length).toBeGreaterThan(0);
  });

  it('reads as many more candidates as should fill the page, at the rate they were kept', () => {
    const reads: number[] = [];
    const source = countingSource(reads);
    // About three candidates in four are kept (by their ids' last digit): some 19 of the first 25, so
    // the 11 the page lacks need some 15 more, where doubling read 50.
    const some = (m: EngineMatch): boolean => Number.parseInt(m.ref.slice(-1), 16) % 4 !== 0;
    const keptOf = new Set(Array.from({ length: matches.length }, (_, i) => matches.at(i)).filter(some));
    const checked = checkCandidates(matches, (m, p) => p !== undefined && keptOf.has(m), new PassageCache(source), {
      settled: (kept) => kept.length >= 30,
      full: (kept) => kept.length >= 30,
      checkCancelled: () => {},
      page: 30,
    });
    expect(reads[0]).toBe(25);
    const first = keptAmong(matches, keptOf, 25);
    expect(first).toBeLessThan(25);
    expect(first).toBeGreaterThan(12);
    const wanted = Math.ceil(((30 - first) / Math.max(0.1, first / 25)) * 1.25) + 2;
    expect(reads[1]).toBe(Math.min(50, Math.max(10, wanted)));
    expect(reads[1]).toBeLessThan(40);
    expect(checked.matches.length).toBeGreaterThanOrEqual(Math.min(30, keptOf.size));
  });

  it('fills the page however slow the check, and stops on time only once it is full', () => {
    // A slow machine, made certain: every passage read takes 4 ms to check, and only candidates
    // from the 60th on are accepted. 60 ms runs out after about 15, with none kept.
    const first = 60;
    const refs = new Set(Array.from({ length: matches.length - first }, (_, i) => matches.at(first + i).ref));
    const slowly = (_m: EngineMatch, p: Passage | undefined): boolean => {
      if (!p) return false;
      const until = performance.now() + 4;
      while (performance.now() < until);
      return refs.has(p.id);
    };
    const source = { passagesByIds: (ids: readonly string[]) => pack.passagesByIds(ids), sectionTitle: () => '' };
    const checked = checkCandidates(matches, slowly, new PassageCache(source), {
      settled: () => false,
      full: (kept) => kept.length >= 10,
      checkCancelled: () => {},
    });
    expect(checked.matches.length).toBeGreaterThanOrEqual(10);
    expect(checked.matches.at(0).ref).toBe(matches.at(first).ref);
    // Once full, the time bound stops it well before the last candidate.
    expect(checked.checked).toBeLessThan(matches.length);
  });
});

/** How many of the first `n` matches are in `kept`. */
/** The pack's passages, each read's size noted in `reads`. */
function countingSource(reads: number[]) {
  return {
    passagesByIds: (ids: readonly string[]) => {
      reads.push(ids.length);
      return pack.passagesByIds(ids);
    },
    sectionTitle: () => '',
  };
}

function keptAmong(matches: RankedMatches, kept: ReadonlySet<EngineMatch>, n: number): number {
  let count = 0;
  for (let i = 0; i < Math.min(n, matches.length); i++) if (kept.has(matches.at(i))) count++;
  return count;
}
