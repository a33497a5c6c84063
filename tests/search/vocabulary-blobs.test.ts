/**
 * A build encodes the search vocabulary in a worker thread (main/search/indexer/vocabulary-blobs.ts)
 * while it writes the rest of the index: the blobs must be the ones the builder's own thread makes,
 * byte for byte and in the same order, or a rebuilt pack would differ from the last. The worker
 * starts here from source, as in the tests' builds (vocabulary-boot.mjs, through tsx).
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/synthetic-corpus';
import { VocabularyIndex } from '../../main/search/format/vocabulary';
import { startVocabularyBlobs } from '../../main/search/indexer/vocabulary-blobs';

const next = mulberry32(7);
const letters = 'abcdefghijklmnopqrstuvwxyzéж한😀';
const terms = [
  ...new Set(
    Array.from({ length: 20_000 }, () => {
      const length = 1 + Math.floor(next() ** 2 * 30);
      let term = '';
      while (term.length < length) term += letters[Math.floor(next() * letters.length)]!;
      return term;
    }),
  ),
].sort();
const frequencies = Int32Array.from(terms, () => 1 + Math.floor(next() ** 4 * 100_000));

describe('vocabulary encoded in a worker thread', () => {
  it('is the blobs the builder makes itself, byte for byte and in order', () => {
    // Enough terms for a worker (smaller vocabularies are encoded in the builder's thread).
    expect(terms.length).toBeGreaterThan(5000);
    const here = VocabularyIndex.encode(terms, frequencies);
    const threaded = startVocabularyBlobs(terms, frequencies)();
    expect(here.length).toBeGreaterThan(3);
    expect(threaded.map(([name]) => name)).toEqual(here.map(([name]) => name));
    threaded.forEach(([name, data], i) => expect(Buffer.from(data).equals(here[i]![1]), name).toBe(true));
  });
});
