/**
 * Finding the row that holds a reading-order position (main/archive/range-rows.ts): the row a scan
 * of the whole table finds, for every position and in any order of searches, on rows of about one
 * size and of very different sizes; undefined past the end, before the start and in a gap; and few
 * rows read: among blocks of about one size, under half what a binary search read, and never more
 * than about twice a binary search's on any table.
 */
import { describe, expect, it } from 'vitest';
import { RangeRows, type RangeRow } from '../../main/archive/range-rows';

/** Rows of the given sizes, back to back from position 0. */
function rowsOf(sizes: number[]): RangeRow[] {
  let at = 0;
  return sizes.map((size) => {
    const row = { first_passage: at, passage_count: size };
    at += size;
    return row;
  });
}

/** A seeded pseudo-random generator (the same tables on every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** A search over `rows` that counts the rows it reads. */
function searchOver(rows: RangeRow[]): { search: RangeRows<RangeRow>; reads: () => number } {
  let reads = 0;
  const last = rows[rows.length - 1];
  const search = new RangeRows<RangeRow>(
    () => (rows.length ? rows.length - 1 : null),
    (key) => {
      reads++;
      return rows[key];
    },
    () => (last ? last.first_passage + last.passage_count : 0),
  );
  return { search, reads: () => reads };
}

const endOf = (rows: RangeRow[]): number => rows[rows.length - 1]!.first_passage + rows[rows.length - 1]!.passage_count;

/** Binary search's reads for the row of `position`, as the search before this one made them (nothing kept). */
function binaryReads(rows: RangeRow[], position: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  let reads = 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    reads++;
    if (rows[mid]!.first_passage <= position) lo = mid;
    else hi = mid - 1;
  }
  return reads + 1;
}

describe('the row holding a position', () => {
  const next = random(7);
  const even = rowsOf(Array.from({ length: 400 }, () => 240 + Math.floor(next() * 30)));
  const skewed = rowsOf(Array.from({ length: 400 }, () => (next() < 0.05 ? 5000 : 1 + Math.floor(next() * 40))));

  it('is the one a scan finds, whatever was searched before', () => {
    for (const rows of [even, skewed, rowsOf([1]), rowsOf([3, 1, 1, 1, 900, 1, 2])]) {
      const end = endOf(rows);
      const expected = (position: number): RangeRow | undefined =>
        rows.find((r) => position >= r.first_passage && position < r.first_passage + r.passage_count);
      // In order, then in a random order over the rows kept from the first pass, then in a fresh search.
      const { search } = searchOver(rows);
      for (let position = 0; position < end; position++) expect(search.holding(position)).toBe(expected(position));
      for (let k = 0; k < 500; k++) {
        const position = Math.floor(next() * end);
        expect(search.holding(position)).toBe(expected(position));
      }
      const fresh = searchOver(rows).search;
      for (let k = 0; k < 500; k++) {
        const position = Math.floor(next() * end);
        expect(fresh.holding(position)).toBe(expected(position));
      }
      expect(search.holding(end)).toBeUndefined();
      expect(search.holding(-1)).toBeUndefined();
    }
  });

  it('is none in a gap, and none in an empty table', () => {
    const rows = [
      { first_passage: 0, passage_count: 5 },
      { first_passage: 10, passage_count: 5 },
      { first_passage: 15, passage_count: 5 },
    ];
    const { search } = searchOver(rows);
    expect(search.holding(12)).toBe(rows[1]);
    expect(search.holding(7)).toBeUndefined();
    expect(search.holding(17)).toBe(rows[2]);
    expect(search.holding(7)).toBeUndefined();
    expect(searchOver([]).search.holding(0)).toBeUndefined();
  });

  it('reads under half the rows a binary search read among blocks, and never many more on any table', () => {
    const rng = random(11);
    const blocks = rowsOf(Array.from({ length: 4328 }, () => 200 + Math.floor(rng() * 90)));
    const sections = rowsOf(Array.from({ length: 35_000 }, () => (rng() < 0.01 ? 20_000 : 1 + Math.floor(rng() * 60))));
    for (const [rows, share] of [
      [blocks, 0.4],
      [sections, 1],
    ] as const) {
      // A page of thirty hits in a fresh process: one search each, the rows read kept between them.
      const { search, reads } = searchOver(rows);
      let binary = 0;
      for (let k = 0; k < 30; k++) {
        const position = Math.floor(rng() * endOf(rows));
        const before = reads();
        expect(search.holding(position)).toBeDefined();
        const one = binaryReads(rows, position);
        expect(reads() - before).toBeLessThanOrEqual(2 * one + 1);
        binary += one;
      }
      expect(reads()).toBeLessThanOrEqual(share * binary);
    }
  });
});
