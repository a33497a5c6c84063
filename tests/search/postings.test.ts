/**
 * The posting codec (format/postings.ts) in tf mode, with the field lengths in a blob and in the
 * postings themselves: both give back every document and lunr's own weight for it, and a posting
 * cut short or naming a document past the index is refused, never read as something else.
 */
import { describe, expect, it } from 'vitest';
import { decodeFieldLengths, encodeFieldLengths } from '../../main/search/format/field-lengths';
import { LUNR_B, LUNR_K1, lunrIdf, lunrWeight } from '../../main/search/format/lunr-bm25';
import {
  decodePostings,
  encodePostings,
  type FlatPostings,
  type PostingContext,
} from '../../main/search/format/postings';
import type { SearchMeta } from '../../main/search/format/schema';
import { ByteWriter } from '../../main/search/format/varint';

const FIELDS = 2;
const DOCUMENTS = 600;
/**
 * Field lengths by ordinal·FIELDS + field: titles of 4 tokens but one of 9 (cutting a run), texts
 * past 127 (a varint of two bytes) and past 255 (the blob's overflow list).
 */
const LENGTHS = Float64Array.from({ length: DOCUMENTS * FIELDS }, (_, i) => {
  const ordinal = Math.floor(i / FIELDS);
  return i % FIELDS === 0 ? (ordinal === 40 ? 9 : 4) : 3 + ((ordinal * 37) % 400);
});
const AVERAGE = [0, 1].map((f) => LENGTHS.filter((_, i) => i % FIELDS === f).reduce((a, b) => a + b, 0) / DOCUMENTS);

/** One term: a title run over documents 10–79 (tf 1), text postings with tf 1–4 on every third document. */
function flatPostings(): FlatPostings {
  const ordinals: number[] = [];
  const termFrequencies: number[] = [];
  for (let d = 10; d < 80; d++) {
    ordinals.push(d);
    termFrequencies.push(1);
  }
  const titleEnd = ordinals.length;
  for (let d = 0; d < DOCUMENTS; d += 3) {
    ordinals.push(d);
    termFrequencies.push(1 + (d % 4));
  }
  return {
    start: Int32Array.of(0, titleEnd, ordinals.length),
    ordinals: Int32Array.from(ordinals),
    termFrequencies: Int32Array.from(termFrequencies),
    weights: new Float64Array(0),
  };
}

function context(lengthsInPostings: boolean): PostingContext {
  const meta: SearchMeta = {
    format: 'test',
    fields: ['title', 'text'],
    docCount: DOCUMENTS,
    termCount: 1,
    termBlocks: 1,
    postingCount: 0,
    weights: 'tf',
    hasAddOrder: false,
    tf: { k1: LUNR_K1, b: LUNR_B, avgFieldLength: AVERAGE, fieldBoost: [2, 1], lengthsInPostings },
  };
  return {
    fieldCount: FIELDS,
    meta,
    fieldLengths: () => {
      if (lengthsInPostings) throw new Error('the blob was read although the postings hold the lengths');
      return decodeFieldLengths(encodeFieldLengths(LENGTHS), DOCUMENTS * FIELDS);
    },
    idf: (documentsWithTerm) => lunrIdf(documentsWithTerm, DOCUMENTS),
  };
}

function encoded(flat: FlatPostings, lengthsInPostings: boolean): Uint8Array {
  const writer = new ByteWriter();
  encodePostings(writer, flat, 0, FIELDS, 'tf', lengthsInPostings ? LENGTHS : null);
  return writer.bytes();
}

describe('postings in tf mode', () => {
  it.each([false, true])('give back every document with lunr’s weight (lengths in postings: %s)', (inline) => {
    const flat = flatPostings();
    const postings = decodePostings('term', 0, 0, encoded(flat, inline), context(inline));
    const idf = lunrIdf(flat.ordinals.length, DOCUMENTS);
    for (let field = 0; field < FIELDS; field++) {
      const begin = flat.start[field]!;
      const end = flat.start[field + 1]!;
      expect(Array.from(postings.ordinals[field]!)).toEqual(Array.from(flat.ordinals.subarray(begin, end)));
      const expected = Array.from(flat.ordinals.subarray(begin, end), (ordinal, i) =>
        lunrWeight(
          idf,
          flat.termFrequencies[begin + i]!,
          LENGTHS[ordinal * FIELDS + field]!,
          AVERAGE[field]!,
          [2, 1][field]!,
          LUNR_K1,
          LUNR_B,
        ),
      );
      expect(Array.from(postings.weights[field]!)).toEqual(expected);
    }
    // Document 40's longer title weighs less than its neighbours': the run was cut around it.
    const title = postings.weights[0]!;
    expect(title[40 - 10]).toBeLessThan(title[39 - 10]!);
  });

  it('cost the lengths’ bytes only when they are in the postings', () => {
    const flat = flatPostings();
    const apart = encoded(flat, false).length;
    const inline = encoded(flat, true).length;
    // The title run becomes three entries (documents 10–39, 40, 41–79), each text entry gains its length.
    expect(inline).toBeGreaterThan(apart + 200);
    expect(inline).toBeLessThan(apart + 3 * 200 + 20);
  });

  it('refuses a posting cut short in a length, or naming a document past the index', () => {
    const data = encoded(flatPostings(), true);
    expect(() => decodePostings('term', 0, 0, data.subarray(0, data.length - 1), context(true))).toThrow(
      /past end of buffer/,
    );
    const fewer = { ...context(true) };
    fewer.meta = { ...fewer.meta, docCount: 500 };
    expect(() => decodePostings('term', 0, 0, data, fewer)).toThrow(/names an unknown document/);
  });
});
