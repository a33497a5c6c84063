/**
 * The passage index's id chunks (passage-index.ts): what the builder encodes, the reader decodes
 * to the same hashes and ordinals, and a chunk whose bytes were rewritten with a sound checksum
 * but a wrong shape is refused, never read as other passages.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeIdChunk,
  encodeIdChunks,
  findInEncodedIdChunk,
  ID_CHUNK,
  openIdChunk,
} from '../../main/archive/passage-index';
import { framed } from '../../main/search/format/checksum';
import { ByteWriter } from '../../main/search/format/varint';

/** Hashes as the builder makes them (48 bits), a few shared by two or three passages. */
function sampleHashes(count: number): Float64Array {
  const hashes = new Float64Array(count);
  let seed = 12345;
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    hashes[i] = i % 97 === 5 ? hashes[i - 1]! : Math.floor((seed / 2 ** 31) * 2 ** 48);
  }
  hashes[count - 1] = 2 ** 48 - 1;
  return hashes;
}

/** A chunk's payload rewritten: its three header varints, then `entries` as they come. */
function chunkOf(key: number, header: number[], entries: number[], tail: number[] = []): Buffer {
  const w = new ByteWriter(64 + entries.length * 10);
  for (const n of [...header, ...entries]) w.uint(n);
  return framed(`ids/${key}`, Buffer.concat([w.bytes(), Buffer.from(tail)]));
}

describe('passage index chunks', () => {
  it('decode to the hashes and ordinals encoded, and find every passage by hash and occurrence', () => {
    const hashes = sampleHashes(3 * ID_CHUNK + 17);
    const rows = encodeIdChunks(hashes);
    const chunks = rows.map(({ key, data }) => decodeIdChunk(key, data));
    const encoded = rows.map(({ key, data }) => openIdChunk(key, data));
    expect(chunks.length).toBeGreaterThan(2);
    const seen = new Map<number, number>();
    for (let ordinal = 0; ordinal < hashes.length; ordinal++) {
      const hash = hashes[ordinal]!;
      const occurrence = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, occurrence);
      const at = chunks.findLastIndex((c) => c.key <= hash);
      // Decoded whole (folio verify), and looked up in the encoded entries (the reader).
      const chunk = chunks[at]!;
      expect(chunk.ordinals[chunk.hashes.indexOf(hash) + occurrence - 1]).toBe(ordinal);
      expect(findInEncodedIdChunk(encoded[at]!, hash, occurrence)).toBe(ordinal);
      // An occurrence past the last, and a hash no passage has, are none.
      expect(findInEncodedIdChunk(encoded[at]!, hash, occurrence + 3)).toBeUndefined();
      if (!seen.has(hash + 1) && !hashes.includes(hash + 1) && (encoded[at]!.nextKey ?? Infinity) > hash + 1)
        expect(findInEncodedIdChunk(encoded[at]!, hash + 1, 1)).toBeUndefined();
    }
    expect(chunks.reduce((n, c) => n + c.hashes.length, 0)).toBe(hashes.length);
    // A hash past a chunk's range belongs to the next: asked of this one, its loss is reported.
    expect(() => findInEncodedIdChunk(encoded[0]!, encoded[1]!.key, 1)).toThrow(/chunk after 0 is missing/u);
  });

  it('refuse a chunk whose entries do not fill it exactly, or overflow a hash or an ordinal', () => {
    expect(decodeIdChunk(0, chunkOf(0, [0, 0, 2], [5, 1, 7, 2])).ordinals).toEqual(new Int32Array([1, 2]));
    // One entry fewer than the count, an ordinal missing, a byte to spare, a varint cut short.
    expect(() => decodeIdChunk(0, chunkOf(0, [0, 0, 3], [5, 1, 7, 2]))).toThrow(/malformed/u);
    expect(() => decodeIdChunk(0, chunkOf(0, [0, 0, 2], [5, 1, 7]))).toThrow(/malformed/u);
    expect(() => decodeIdChunk(0, chunkOf(0, [0, 0, 2], [5, 1, 7, 2], [0]))).toThrow(/malformed/u);
    expect(() => decodeIdChunk(0, chunkOf(0, [0, 0, 2], [5, 1, 7], [0x80]))).toThrow(/malformed/u);
    // A gap past 48 bits, an ordinal past 31.
    expect(() => decodeIdChunk(0, chunkOf(0, [0, 0, 1], [2 ** 48, 1]))).toThrow(/malformed/u);
    expect(() => decodeIdChunk(0, chunkOf(0, [0, 0, 1], [5, 2 ** 31]))).toThrow(/malformed/u);
    // A count no chunk of this size can hold.
    expect(() => decodeIdChunk(0, chunkOf(0, [0, 0, 2 ** 40], [5, 1]))).toThrow(/malformed/u);
  });

  it('refuse, when looking an id up, a malformed entry read on the way, or entries that do not fill the chunk', () => {
    const find = (header: number[], entries: number[], hash: number, tail: number[] = []): number | undefined =>
      findInEncodedIdChunk(openIdChunk(0, chunkOf(0, header, entries, tail)), hash, 1);
    expect(find([0, 0, 2], [5, 1, 7, 2], 12)).toBe(2);
    expect(find([0, 0, 2], [5, 1, 7, 2], 6)).toBeUndefined();
    // Read to the end (the hash is past every entry): one entry fewer than the count, a byte to
    // spare, an ordinal missing.
    expect(() => find([0, 0, 3], [5, 1, 7, 2], 100)).toThrow(/malformed/u);
    expect(() => find([0, 0, 2], [5, 1, 7, 2], 100, [0])).toThrow(/malformed/u);
    expect(() => find([0, 0, 2], [5, 1, 7], 100)).toThrow(/malformed/u);
    // A gap past 48 bits, an ordinal past 31, met on the way.
    expect(() => find([0, 0, 2], [2 ** 48, 1, 7, 2], 2 ** 49)).toThrow(/malformed/u);
    expect(() => find([0, 0, 2], [5, 2 ** 31, 7, 2], 12)).toThrow(/malformed/u);
    // A count no chunk of this size can hold, and a chunk that fails its checksum.
    expect(() => openIdChunk(0, chunkOf(0, [0, 0, 2 ** 40], [5, 1]))).toThrow(/malformed/u);
    const data = Buffer.from(chunkOf(0, [0, 0, 2], [5, 1, 7, 2]));
    data[3]! ^= 1;
    expect(() => openIdChunk(0, data)).toThrow(/fails its checksum/u);
  });

  it('refuse a chunk whose bytes fail their checksum', () => {
    const data = Buffer.from(chunkOf(0, [0, 0, 2], [5, 1, 7, 2]));
    data[3]! ^= 1;
    expect(() => decodeIdChunk(0, data)).toThrow(/fails its checksum/u);
  });
});
