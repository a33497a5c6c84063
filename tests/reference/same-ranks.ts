/** Two engines' answers compared rank by rank, bit for bit, with only a difference handed to expect. */
import { expect } from 'vitest';

/** One rank of an answer: `matched` in any form both sides share (compared as JSON). */
export interface RankedAnswer {
  ref: string;
  score: number;
  matched?: unknown;
}

/** The first rank at which `actual` differs from `expected`, or -1. */
function firstDifference(actual: readonly RankedAnswer[], expected: readonly RankedAnswer[]): number {
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i]!;
    // Bit for bit: the same floating-point operations in the same order (Object.is, as toBe).
    if (a?.ref !== e.ref || !Object.is(a.score, e.score)) return i;
    if (JSON.stringify(a.matched) !== JSON.stringify(e.matched)) return i;
  }
  return -1;
}

/**
 * `actual` ranks exactly as `expected`: the same length, then the first differing rank shown whole,
 * labelled with what was asked. Compared in plain code: an expect (and a label built) per rank made
 * the equivalence suites minutes long.
 */
export function expectSameRanks(
  actual: readonly RankedAnswer[],
  expected: readonly RankedAnswer[],
  asked: unknown,
): void {
  const label = (): string => JSON.stringify(asked);
  expect(actual.length, label()).toBe(expected.length);
  const i = firstDifference(actual, expected);
  if (i >= 0) expect(actual[i], `rank ${i} of ${label()}`).toEqual(expected[i]);
}
