/**
 * lunr's idf of every term, kept once per distinct document count (blob `idf`): a term's idf depends
 * only on how many field postings it has (lunr.idf), and many terms share that count, so the table
 * holds a few thousand doubles where one per term cost 8 bytes a term. The doubles are the builder's
 * own, so reading never calls Math.log (lunr-bm25.ts). Layout: varint count, then per document count
 * in ascending order its gap from the previous one and the idf as a little-endian double.
 */
import { ByteReader, ByteWriter } from './varint';

export function encodeIdfTable(idfByCount: ReadonlyMap<number, number>): Uint8Array {
  const counts = [...idfByCount.keys()].sort((a, b) => a - b);
  const w = new ByteWriter(16 + counts.length * 10);
  w.uint(counts.length);
  let previous = 0;
  for (const count of counts) {
    w.uint(count - previous);
    w.float64(idfByCount.get(count)!);
    previous = count;
  }
  return w.bytes();
}

export function decodeIdfTable(data: Uint8Array): Map<number, number> {
  const r = new ByteReader(data);
  const out = new Map<number, number>();
  let count = 0;
  for (let i = r.uint(); i > 0; i--) {
    count += r.uint();
    out.set(count, r.float64());
  }
  if (!r.done) throw new Error('the idf table is malformed');
  return out;
}
