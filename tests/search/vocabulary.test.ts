/**
 * The vocabulary blob (format/vocabulary.ts) reads back what was written: terms of every length
 * (one-, two- and three-byte varint lengths), document counts up to 2^32 − 1, characters outside
 * the BMP; and a blob whose numbers are cut short or run on is refused, never half read.
 */
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../main/search/format/vocabulary';
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
    // The last count's final byte made a continuation byte: the number runs past the end.
    const runOn = Buffer.from(raw);
    runOn[runOn.length - 1] = 0x80;
    expect(() => Vocabulary.decode(recompressed(runOn))).toThrow(RangeError);
  });
});
