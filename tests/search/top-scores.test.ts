/** The phrase check's running k best (main/search/searcher/top-scores.ts) against sorting every score. */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/synthetic-corpus';
import { TopScores } from '../../main/search/searcher/top-scores';

/** The k-th highest as the searcher found it before: every score sorted. */
const bySorting = (scores: number[], k: number): number | undefined =>
  scores.length < k ? undefined : Float64Array.from(scores).sort()[scores.length - k];

describe('the k best scores kept as they come', () => {
  it('give the k-th highest that sorting every score gives, at every step', () => {
    const random = mulberry32(7);
    for (const k of [1, 2, 10, 30]) {
      const top = new TopScores(k);
      const scores: number[] = [];
      for (let i = 0; i < 400; i++) {
        // Ties, zeros of both signs and the odd NaN, as well as ordinary scores.
        const r = random();
        const s = r < 0.05 ? Number.NaN : r < 0.1 ? -0 : r < 0.3 ? Math.floor(r * 20) / 4 : r * 10;
        top.add(s);
        scores.push(s);
        expect(Object.is(top.kth(), bySorting(scores, k)) || top.kth() === bySorting(scores, k), `${k} ${i}`).toBe(
          true,
        );
      }
    }
  });

  it('know no k-th before k scores came', () => {
    const top = new TopScores(3);
    top.add(1);
    top.add(2);
    expect(top.kth()).toBeUndefined();
    top.add(0.5);
    expect(top.kth()).toBe(0.5);
  });
});
