/**
 * Where each text block and each section starts in reading order, kept apart from their tables so a
 * passage's block and section are found without searching those tables row by row. Reader and writer
 * share this codec.
 *
 * `range_starts(name, data)` holds one row per table ('blocks', 'sections'): the passage count of each
 * of its rows, in key order, as little-endian uint32s, deflated and framed with a checksum of the name
 * and bytes (search/format/checksum.ts). Counts, not starts: their high bytes are zero, so the 35,284
 * sections and 4,311 blocks of the large corpus take 17 KB (starts would take 111 KB). The reader
 * adds them up once, at its first passage read.
 *
 * Why: the rows were found by a search that read one row at a time (an interpolation guess, then
 * halving), a SQL query and often a page read each; a page of hits on the large pack spent 0.5 to
 * 3 ms of a query of several words finding its sections (its blocks' rows, 4 KB pages each, cost
 * more in a fresh process), and loading the tables whole cost the first search 85 ms. The row found
 * is still read and checked against its range, so a damaged table or range row is reported.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { framed, unframed } from '../search/format/checksum';

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The tables whose rows cover reading order in ranges, by their name in `range_starts`. */
export type RangeTable = 'blocks' | 'sections';

/** The `range_starts` row of a table whose rows hold `counts` passages each, in key order. */
export function encodeRangeCounts(table: RangeTable, counts: readonly number[]): Buffer {
  const bytes = Buffer.alloc(counts.length * 4);
  for (let i = 0; i < counts.length; i++) bytes.writeUInt32LE(counts[i]!, i * 4);
  return framed(`ranges/${table}`, deflateRawSync(bytes, { level: 9 }));
}

/**
 * Each row's start from a `range_starts` row, plus where the last ends (`rows` + 1 values). Throws an
 * Error when the row is damaged, or holds another number of rows, an empty row, or other than
 * `passages` passages in all.
 */
export function decodeRangeStarts(table: RangeTable, data: unknown, rows: number, passages: number): Int32Array {
  const bytes = inflateRawSync(unframed(`ranges/${table}`, data, `the ${table}' ranges`));
  if (bytes.length !== rows * 4) throw new Error(`the ${table}' ranges hold ${bytes.length / 4} rows of ${rows}`);
  // Read as one typed array where the bytes allow it: a fresh process runs this loop in V8's
  // interpreter, where a call per count (readUInt32LE) cost 1-2 ms on the large pack's sections.
  const counts =
    LITTLE_ENDIAN && bytes.byteOffset % 4 === 0
      ? new Uint32Array(bytes.buffer, bytes.byteOffset, rows)
      : Uint32Array.from({ length: rows }, (_, i) => bytes.readUInt32LE(i * 4));
  const starts = new Int32Array(rows + 1);
  let at = 0;
  for (let i = 0; i < rows; i++) {
    const count = counts[i]!;
    if (count === 0) throw new Error(`the ${table}' ranges hold an empty row (${i})`);
    starts[i] = at;
    at += count;
  }
  if (at !== passages) throw new Error(`the ${table}' ranges hold ${at} passages of ${passages}`);
  starts[rows] = at;
  return starts;
}
