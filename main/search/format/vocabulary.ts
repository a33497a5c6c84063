/**
 * The `vocab` blob: every term in JS order with its document count, for fuzzy and wildcard
 * expansion, which walk the sorted list as a trie (engine/sorted-trie.ts). Layout before deflating:
 * the byte length of the terms' JSON (varint), each term's document count (varints), then the JSON
 * array of terms.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { ByteReader, ByteWriter } from './varint';

export interface Vocabulary {
  /** Terms in JS order. */
  terms: string[];
  /** Documents holding each term, in the order of `terms`. */
  documentFrequencies: Uint32Array;
  /** Length of the longest term, in UTF-16 code units. */
  maxLength: number;
}

/** The blob of `sortedTerms` (JS order) and their document counts. */
export function encodeVocabulary(sortedTerms: readonly string[], documentFrequencies: ArrayLike<number>): Buffer {
  const writer = new ByteWriter(1 << 16);
  const text = Buffer.from(JSON.stringify(sortedTerms), 'utf8');
  writer.uint(text.length);
  for (let i = 0; i < sortedTerms.length; i++) writer.uint(documentFrequencies[i]!);
  return deflateSync(Buffer.concat([writer.bytes(), text]), { level: 6 });
}

export function decodeVocabulary(blob: Uint8Array): Vocabulary {
  const raw = inflateSync(blob);
  const reader = new ByteReader(raw);
  const textLength = reader.uint();
  const terms = JSON.parse(raw.subarray(raw.length - textLength).toString('utf8')) as string[];
  const documentFrequencies = new Uint32Array(terms.length);
  let maxLength = 0;
  for (let i = 0; i < terms.length; i++) {
    documentFrequencies[i] = reader.uint();
    if (terms[i]!.length > maxLength) maxLength = terms[i]!.length;
  }
  return { terms, documentFrequencies, maxLength };
}
