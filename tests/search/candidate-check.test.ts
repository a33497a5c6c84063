/**
 * Checking candidates on their passages (candidate-check.ts): what is kept is exactly the accepted
 * candidates among the first ones checked, in lunr's order; each passage is read when it is checked,
 * one at a time, so none is read that is not checked; whether the page is settled is asked after a
 * small first batch (a page of 10 is usually settled by a few dozen candidates, and each passage
 * read decompresses its block), then after as many more as should fill the page, and after each hit
 * once it is full; a page settled once its budget is spent stops the check at once, mid-batch. Real
 * pack: PostgreSQL pages (tests/fixtures/postgresql-15).
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

  it('keeps the accepted candidates among those checked, in order, reading each as it is checked', () => {
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
          settledAt.push(reads.length);
          return kept.length >= 10;
        },
        full: (kept) => kept.length >= 10,
        checkCancelled: () => {},
      },
    );
    // One passage a read, and only those checked: a page settled early reads none past it.
    expect(reads.every((n) => n === 1)).toBe(true);
    expect(reads.length).toBe(checked.checked);
    // Settling is first asked after the first batch: 25 candidates at most.
    expect(settledAt[0]).toBeLessThanOrEqual(25);
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

  it('asks whether the page is settled after 25, then after as many more as should fill it, then at each hit', () => {
    const reads: number[] = [];
    const source = countingSource(reads);
    // About three candidates in four are kept (by their ids' last digit): some 19 of the first 25, so
    // the 11 the page lacks need some 15 more, where doubling read 50.
    const some = (m: EngineMatch): boolean => Number.parseInt(m.ref.slice(-1), 16) % 4 !== 0;
    const keptOf = new Set(Array.from({ length: matches.length }, (_, i) => matches.at(i)).filter(some));
    const asked: number[] = [];
    const checked = checkCandidates(matches, (m, p) => p !== undefined && keptOf.has(m), new PassageCache(source), {
      settled: (kept) => {
        asked.push(reads.length);
        return kept.length >= 30;
      },
      full: (kept) => kept.length >= 30,
      checkCancelled: () => {},
      page: 30,
    });
    expect(asked[0]).toBe(25);
    const first = keptAmong(matches, keptOf, 25);
    expect(first).toBeLessThan(25);
    expect(first).toBeGreaterThan(12);
    const wanted = Math.ceil(((30 - first) / Math.max(0.1, first / 25)) * 1.25) + 2;
    const batch = Math.min(50, Math.max(10, wanted));
    expect(batch).toBeLessThan(40);
    // The 30th hit, if the second batch holds it, is when the page is full (and asked about at once).
    let thirtieth = 0;
    for (let n = 0, i = 0; i < matches.length && n < 30; i++)
      if (keptOf.has(matches.at(i)) && ++n === 30) thirtieth = i + 1;
    expect(asked[1]).toBe(thirtieth <= 25 + batch ? thirtieth : 25 + batch);
    expect(checked.matches.length).toBeGreaterThanOrEqual(Math.min(30, keptOf.size));
  });

  it('stops at once when the page is settled after its budget is spent, in the middle of a batch', () => {
    // Every check takes 1 ms and every candidate is kept: the page of 30 is settled at the 30th,
    // past the 12 ms budget, in the second batch (25, then 10 more): nothing is read after it.
    const reads: number[] = [];
    const source = countingSource(reads);
    const slowly = (_m: EngineMatch, p: Passage | undefined): boolean => {
      if (!p) return false;
      const until = performance.now() + 1;
      while (performance.now() < until);
      return true;
    };
    const checked = checkCandidates(matches, slowly, new PassageCache(source), {
      settled: (kept) => kept.length >= 30,
      full: (kept) => kept.length >= 30,
      checkCancelled: () => {},
      page: 30,
    });
    expect(checked.checked).toBe(30);
    expect(reads.length).toBe(30);
    expect(checked.matches.length).toBe(30);
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
