/**
 * The vocabulary blobs (format/vocabulary.ts) read back what was written: terms of every length
 * (one-, two- and three-byte varint lengths), document counts up to 2^32 − 1, characters outside
 * the BMP; a blob whose numbers are cut short or run on is refused, never half read. Sharded by
 * length, the shards a length range names hold every term of those lengths, and merge back in JS
 * order; shards that disagree with their index or order are refused.
 */
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  Vocabulary,
  VOCABULARY_INDEX,
  VOCABULARY_ORDER,
  VocabularyIndex,
  vocabularyShardName,
} from '../../main/search/format/vocabulary';
import { mulberry32 } from '../../bench/synthetic-corpus';

const next = mulberry32(11);
const letters = 'abcdeéж한😀';
const terms = [
  ...new Set(
    Array.from({ length: 3000 }, (_, i) => {
      const length = i < 400 ? i : 1 + Math.floor(next() * 20);
      let term = '';
      while (term.length < length) term += letters[Math.floor(next() * letters.length)]!;
      return term;
    }).filter((t) => t !== ''),
  ),
].sort();
const frequencies = terms.map((_, i) => [1, 127, 128, 16383, 16384, 2 ** 21, 2 ** 32 - 1][i % 7]!);

describe('vocabulary blob', () => {
  it('reads back every term and document count', () => {
    const vocabulary = Vocabulary.decode(Vocabulary.encode(terms, frequencies));
    expect(vocabulary.size).toBe(terms.length);
    expect(vocabulary.maxLength).toBe(Math.max(...terms.map((t) => t.length)));
    terms.forEach((term, i) => {
      expect(vocabulary.term(i)).toBe(term);
      expect(vocabulary.termLength(i)).toBe(term.length);
      expect(vocabulary.documentFrequency(i)).toBe(frequencies[i]);
      expect(vocabulary.indexOf(term)).toBe(i);
    });
  });

  it('refuses numbers cut short or running on', () => {
    const raw = brotliDecompressSync(Vocabulary.encode(terms, frequencies));
    const recompressed = (bytes: Uint8Array) => brotliCompressSync(bytes);
    expect(() => Vocabulary.decode(recompressed(raw.subarray(0, raw.length - 1)))).toThrow(RangeError);
    expect(() => Vocabulary.decode(recompressed(Buffer.concat([raw, Buffer.from([1])])))).toThrow(RangeError);
    // The last length's final byte made a continuation byte: the lengths run into the counts.
    const units = raw.readUInt32LE(4);
    const lengthsStart = 20 + units * 2;
    let lengthsEnd = lengthsStart;
    for (let i = 0; i < terms.length; i++) while (raw[lengthsEnd++]! >= 0x80);
    const runOn = Buffer.from(raw);
    runOn[lengthsEnd - 1] = runOn[lengthsEnd - 1]! | 0x80;
    expect(() => Vocabulary.decode(recompressed(runOn))).toThrow(RangeError);
    // A count of 255 or more listed for a term stored with a small count, or listed as small.
    const listedAsSmall = Buffer.from(raw);
    listedAsSmall.writeUInt32LE(3, raw.length - 4);
    expect(() => Vocabulary.decode(recompressed(listedAsSmall))).toThrow(RangeError);
    const elsewhere = Buffer.from(raw);
    elsewhere.writeUInt32LE(elsewhere.readUInt32LE(raw.length - 8) - 1, raw.length - 8);
    expect(() => Vocabulary.decode(recompressed(elsewhere))).toThrow(RangeError);
  });

  it('reads a list of terms of one length without lengths, and refuses one whose units do not add up', () => {
    const five = terms.filter((t) => t.length === 5);
    const counts = five.map((_, i) => [1, 254, 255, 70_000][i % 4]!);
    const raw = brotliDecompressSync(Vocabulary.encode(five, counts));
    expect(raw.readUInt32LE(16)).toBe(5);
    const vocabulary = Vocabulary.decode(Vocabulary.encode(five, counts));
    five.forEach((term, i) => {
      expect(vocabulary.term(i)).toBe(term);
      expect(vocabulary.termLength(i)).toBe(5);
      expect(vocabulary.documentFrequency(i)).toBe(counts[i]);
      expect(vocabulary.indexOf(term)).toBe(i);
    });
    const wrong = Buffer.from(raw);
    wrong.writeUInt32LE(4, 16);
    expect(() => Vocabulary.decode(brotliCompressSync(wrong))).toThrow(RangeError);
  });

  it('stores a term list whose code units are all below 256 a byte per unit', () => {
    const narrow = terms.filter((t) => [...t].every((c) => c.charCodeAt(0) < 256));
    const raw = brotliDecompressSync(Vocabulary.encode(narrow, new Uint32Array(narrow.length)));
    const units = narrow.reduce((sum, t) => sum + t.length, 0);
    expect(raw.readUInt32LE(12)).toBe(1);
    expect(raw.length).toBeLessThan(16 + units * 2);
    const vocabulary = Vocabulary.decode(Vocabulary.encode(narrow, new Uint32Array(narrow.length)));
    narrow.forEach((term, i) => expect(vocabulary.term(i)).toBe(term));
  });
});

describe('vocabulary shards', () => {
  // Enough code units for several shards of lengths, with a few UTF-16 terms among them.
  const many = [
    ...new Set(
      Array.from({ length: 30_000 }, () => {
        const length = 1 + Math.floor(next() * next() * 70);
        let term = '';
        while (term.length < length)
          term +=
            next() < 0.01 ? letters[Math.floor(next() * letters.length)]! : 'abcdefghij'[Math.floor(next() * 10)]!;
        return term;
      }),
    ),
  ].sort();
  const counts = many.map((_, i) => 1 + (i % 1000));
  const blobs = new Map(VocabularyIndex.encode(many, counts));
  const index = VocabularyIndex.decode(blobs.get(VOCABULARY_INDEX)!);
  const shard = (k: number): Vocabulary => index.decodeShard(k, blobs.get(vocabularyShardName(k))!);

  it('names the shards of a length range, which hold every term of those lengths and no other', () => {
    expect(index.size).toBe(many.length);
    expect(index.maxLength).toBe(Math.max(...many.map((t) => t.length)));
    expect(index.shards.length).toBeGreaterThan(6);
    expect(index.shards.some((s) => s.wide)).toBe(true);
    for (const [lo, hi] of [
      [1, 1],
      [3, 5],
      [10, 12],
      [40, 70],
      [66, 200],
    ] as const) {
      const held = index.shardsFor(lo, hi).flatMap((k) => {
        const list = shard(k);
        return Array.from({ length: list.size }, (_, i) => list.term(i));
      });
      const wanted = many.filter((t) => t.length >= lo && t.length <= hi);
      expect(held.filter((t) => t.length >= lo && t.length <= hi).sort()).toEqual(wanted);
      // Only whole bands beyond the range: never every shard for a narrow range.
      if (hi - lo < 3) expect(index.shardsFor(lo, hi).length).toBeLessThan(index.shards.length / 2);
    }
  });

  it('merges back into the whole list in JS order with its document counts', () => {
    const shards = index.shards.map((_, k) => shard(k));
    const merged = Vocabulary.merge(shards, index.decodeOrder(blobs.get(VOCABULARY_ORDER)!));
    expect(merged.size).toBe(many.length);
    many.forEach((term, i) => {
      expect(merged.term(i)).toBe(term);
      expect(merged.documentFrequency(i)).toBe(counts[i]);
    });
  });

  it('refuses a shard, an index or an order that disagree', () => {
    const shards = index.shards.map((_, k) => shard(k));
    const order = index.decodeOrder(blobs.get(VOCABULARY_ORDER)!);
    // Another shard's blob under this shard's number.
    expect(() => index.decodeShard(0, blobs.get(vocabularyShardName(1))!)).toThrow(RangeError);
    expect(() => index.decodeShard(index.shards.length, blobs.get(vocabularyShardName(0))!)).toThrow(RangeError);
    // An order naming a shard one term too often, or no shard at all, or cut short.
    const swapped = order.slice();
    const at = swapped.findIndex((k) => k !== swapped[0]);
    swapped[at] = swapped[0]!;
    expect(() => Vocabulary.merge(shards, swapped)).toThrow(RangeError);
    const missing = order.slice();
    missing[0] = 255;
    expect(() => Vocabulary.merge(shards, missing)).toThrow(RangeError);
    expect(() => Vocabulary.merge(shards, order.subarray(1))).toThrow(RangeError);
    expect(() => index.decodeOrder(brotliCompressSync(order.subarray(1)))).toThrow(RangeError);
    // An index whose counts do not add up.
    const badIndex = Buffer.from(blobs.get(VOCABULARY_INDEX)!);
    badIndex[0] = badIndex[0]! ^ 1;
    expect(() => VocabularyIndex.decode(badIndex)).toThrow(RangeError);
  });
});
