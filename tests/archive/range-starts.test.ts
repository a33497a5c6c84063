/**
 * The ranges of blocks and sections kept in `range_starts` (main/archive/range-starts.ts): what the
 * writer encodes, the reader decodes into the same starts; the row found for every position is the
 * one a scan of the rows finds; and a row that is damaged, or tells another number of rows or
 * passages, or an empty row, is refused with an Error rather than read.
 */
import { describe, expect, it } from 'vitest';
import { rangeIndex } from '../../main/archive/range-index';
import { decodeRangeStarts, encodeRangeCounts } from '../../main/archive/range-starts';

/** A seeded pseudo-random generator (the same tables on every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const sum = (counts: number[]): number => counts.reduce((a, b) => a + b, 0);

describe('range starts', () => {
  const next = random(7);
  const even = Array.from({ length: 400 }, () => 240 + Math.floor(next() * 30));
  const skewed = Array.from({ length: 400 }, () => (next() < 0.05 ? 70_000 : 1 + Math.floor(next() * 40)));

  it('decode to each row’s start, and find the row a scan finds for every position', () => {
    for (const counts of [even, skewed, [1], [3, 1, 1, 1, 900, 1, 2]]) {
      const passages = sum(counts);
      const starts = decodeRangeStarts('sections', encodeRangeCounts('sections', counts), counts.length, passages);
      expect(starts.length).toBe(counts.length + 1);
      let at = 0;
      for (const [i, count] of counts.entries()) {
        expect(starts[i]).toBe(at);
        at += count;
      }
      expect(starts[counts.length]).toBe(passages);
      let row = 0;
      let end = counts[0]!;
      for (let position = 0; position < passages; position++) {
        while (position >= end) end += counts[++row]!;
        if (rangeIndex(starts, position) !== row) expect(rangeIndex(starts, position)).toBe(row);
      }
    }
  });

  it('refuse a damaged row, another table’s row, and rows that do not add up', () => {
    const counts = [5, 3, 9];
    const data = encodeRangeCounts('blocks', counts);
    expect(() => decodeRangeStarts('blocks', data, 3, 17)).not.toThrow();
    const flipped = Buffer.from(data);
    flipped[1] = flipped[1]! ^ 0x20;
    expect(() => decodeRangeStarts('blocks', flipped, 3, 17)).toThrow(/fails its checksum/u);
    expect(() => decodeRangeStarts('sections', data, 3, 17)).toThrow(/fails its checksum/u);
    expect(() => decodeRangeStarts('blocks', undefined, 3, 17)).toThrow(/damaged/u);
    expect(() => decodeRangeStarts('blocks', data, 4, 17)).toThrow(/hold 3 rows of 4/u);
    expect(() => decodeRangeStarts('blocks', data, 3, 18)).toThrow(/hold 17 passages of 18/u);
    expect(() => decodeRangeStarts('blocks', encodeRangeCounts('blocks', [5, 0, 12]), 3, 17)).toThrow(/empty row/u);
  });
});
