/**
 * The posting codec: one `search_postings` row holds one term's documents in every field, with what
 * lunr's weight for each needs.
 *
 * Layout: a varint mask of the fields that hold the term; per field of the mask its document count;
 * then per field of the mask its entries. In tf mode the term's idf comes from the idf table
 * (idf-table.ts), by the sum of those counts (lunr.idf's documentsWithTerm). An entry starts with
 * v = delta·4 + tag, delta the ordinal gap (the first entry's delta is its ordinal):
 *   tag 0: tf 1;
 *   tag 1: tf given next, as tf − 2;
 *   tag 2: tf 1, and a run follows: the next (count) documents are each +1 with tf 1, count given
 *          next as count − 1 (a section title's terms are in every passage of the section).
 * Otherwise the ordinal deltas come first, then the weights (schema.ts, WeightMode).
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { FIELD_LENGTH_OVERFLOW, type FieldLengths } from './field-lengths';
import { lunrWeight } from './lunr-bm25';
import type { SearchMeta, WeightMode } from './schema';
import { ByteReader, type ByteWriter } from './varint';

/**
 * Postings of every term and field, flat, as the indexer gathers them: the entries of term `t` in
 * field `f` are [start[t·fields + f], start[t·fields + f + 1]).
 */
export interface FlatPostings {
  start: Int32Array;
  /** Document ordinals, ascending within a term and field. */
  ordinals: Int32Array;
  termFrequencies: Int32Array;
  /** lunr's weights, when they are stored rather than recomputed (empty otherwise). */
  weights: Float64Array;
}

/** One term's decoded postings: per field, the documents (ascending ordinals) and lunr's weights. */
export interface Postings {
  term: string;
  /** lunr's term index: the term's dimension in lunr's vectors. */
  termIndex: number;
  /** Documents with the term in any field. */
  documentFrequency: number;
  /** Σ over fields of the field posting sizes (lunr.idf's documentsWithTerm). */
  documentsWithTerm: number;
  /** By field: document ordinals, or null when the field lacks the term. */
  ordinals: (Int32Array | null)[];
  /** By field: lunr's weight for each document of `ordinals`. */
  weights: (Float64Array | null)[];
  /** Memory held by the typed arrays, for the engine's cache budget. */
  sizeInBytes: number;
}

/** What decoding a posting needs besides its bytes. */
export interface PostingContext {
  fieldCount: number;
  meta: SearchMeta;
  /** Tokens per document and field (ordinal·fieldCount + field), needed in tf mode only. */
  fieldLengths: () => FieldLengths;
  /** lunr's idf for a term with `documentsWithTerm` field postings (tf mode only; idf-table.ts). */
  idf: (documentsWithTerm: number) => number;
}

/** Appends the postings of term `term` (its slots in `flat`) to `writer`. */
export function encodePostings(
  writer: ByteWriter,
  flat: FlatPostings,
  term: number,
  fieldCount: number,
  weightMode: WeightMode,
): void {
  const first = term * fieldCount;
  let fieldMask = 0;
  for (let field = 0; field < fieldCount; field++)
    if (flat.start[first + field + 1]! > flat.start[first + field]!) fieldMask |= 1 << field;
  writer.uint(fieldMask);
  for (let field = 0; field < fieldCount; field++) {
    const count = flat.start[first + field + 1]! - flat.start[first + field]!;
    if (count > 0) writer.uint(count);
  }
  for (let field = 0; field < fieldCount; field++) {
    const begin = flat.start[first + field]!;
    const end = flat.start[first + field + 1]!;
    if (end === begin) continue;
    if (weightMode === 'tf') {
      encodeTermFrequencies(writer, flat, begin, end);
      continue;
    }
    let previous = 0;
    for (let i = begin; i < end; i++) {
      writer.uint(i === begin ? flat.ordinals[i]! : flat.ordinals[i]! - previous);
      previous = flat.ordinals[i]!;
    }
    for (let i = begin; i < end; i++) {
      if (weightMode === 'milli') writer.int(Math.round(flat.weights[i]! * 1000));
      else writer.float64(flat.weights[i]!);
    }
  }
}

/** Entries [begin, end) of `flat` in tf mode (see the module doc). */
function encodeTermFrequencies(writer: ByteWriter, flat: FlatPostings, begin: number, end: number): void {
  let previous = 0;
  let i = begin;
  while (i < end) {
    const ordinal = flat.ordinals[i]!;
    const delta = i === begin ? ordinal : ordinal - previous;
    const tf = flat.termFrequencies[i]!;
    if (tf !== 1) {
      writer.uint(delta * 4 + 1);
      writer.uint(tf - 2);
      previous = ordinal;
      i++;
      continue;
    }
    let run = 0;
    while (
      i + run + 1 < end &&
      flat.ordinals[i + run + 1] === ordinal + run + 1 &&
      flat.termFrequencies[i + run + 1] === 1
    )
      run++;
    if (run >= 2) {
      writer.uint(delta * 4 + 2);
      writer.uint(run - 1);
      previous = ordinal + run;
      i += run + 1;
    } else {
      writer.uint(delta * 4);
      previous = ordinal;
      i++;
    }
  }
}

/**
 * A `search_postings` row's payload: a byte saying how the postings follow, 0 as they are, 1
 * deflated (a common term's gaps repeat: a quarter smaller on the PostgreSQL manual), only when
 * that is smaller. Postings kept in a term block are never deflated: they are a few bytes.
 */
export function packPostingsRow(postings: Uint8Array): Buffer {
  const deflated = deflateRawSync(postings, { level: 9 });
  return deflated.length < postings.length
    ? Buffer.concat([Buffer.of(1), deflated])
    : Buffer.concat([Buffer.of(0), postings]);
}

/** The postings of a `search_postings` row's payload; throws an Error when it is malformed. */
export function unpackPostingsRow(payload: Uint8Array): Uint8Array {
  const body = payload.subarray(1);
  if (payload[0] === 0) return body;
  if (payload[0] !== 1) throw new Error('a postings row is malformed');
  try {
    return inflateRawSync(body);
  } catch {
    throw new Error('a postings row does not inflate');
  }
}

/** Decodes the posting of `term` (its `search_terms` row gives termIndex and documentFrequency). */
export function decodePostings(
  term: string,
  termIndex: number,
  documentFrequency: number,
  data: Uint8Array,
  context: PostingContext,
): Postings {
  const { fieldCount, meta } = context;
  const reader = new ByteReader(data);
  const fieldMask = reader.uint();
  if (fieldMask >> fieldCount) throw new Error(`posting of "${term}" names an unknown field`);
  const ordinals: (Int32Array | null)[] = new Array<Int32Array | null>(fieldCount).fill(null);
  const weights: (Float64Array | null)[] = new Array<Float64Array | null>(fieldCount).fill(null);
  const tf = meta.weights === 'tf' ? meta.tf : undefined;
  if (meta.weights === 'tf' && !tf) throw new Error('search index: tf parameters missing');
  const counts = new Array<number>(fieldCount).fill(0);
  let documentsWithTerm = 0;
  for (let field = 0; field < fieldCount; field++) {
    if (!(fieldMask & (1 << field))) continue;
    counts[field] = reader.uint();
    documentsWithTerm += counts[field]!;
  }
  const idf = tf ? context.idf(documentsWithTerm) : 0;
  const fieldLengths = tf ? context.fieldLengths() : null;
  let sizeInBytes = 64;
  for (let field = 0; field < fieldCount; field++) {
    if (!(fieldMask & (1 << field))) continue;
    const count = counts[field]!;
    const fieldOrdinals = new Int32Array(count);
    const fieldWeights = new Float64Array(count);
    if (tf && fieldLengths) {
      const { k1, b } = tf;
      const avgFieldLength = tf.avgFieldLength[field]!;
      const fieldBoost = tf.fieldBoost[field]!;
      let previous = 0;
      let i = 0;
      // Consecutive documents often share tf and field length (a section's passages share its
      // title): the weight is recomputed only when an input changes (same inputs, same double).
      let lastTf = -1;
      let lastLength = -1;
      let lastWeight = 0;
      // Varints and lengths are read inline, without a call per entry: a typo or a common word
      // decodes hundreds of thousands of entries in a fresh process, before the JIT has run.
      const lengthBytes = fieldLengths.bytes;
      let pos = reader.pos;
      while (i < count) {
        let v = data[pos++]!;
        if (!(v < 0x80)) {
          reader.pos = pos - 1;
          v = reader.uint();
          pos = reader.pos;
        }
        const tag = v & 3;
        const delta = (v - tag) / 4;
        previous = i === 0 ? delta : previous + delta;
        let termFrequency = 1;
        let run = 0;
        if (tag !== 0) {
          reader.pos = pos;
          if (tag === 1) termFrequency = reader.uint() + 2;
          else if (tag === 2) run = reader.uint() + 1;
          else throw new Error(`posting of "${term}" is malformed`);
          pos = reader.pos;
        }
        if (i + run >= count) throw new Error(`posting of "${term}" overruns its count`);
        for (let k = 0; k <= run; k++, i++) {
          const ordinal = previous + k;
          fieldOrdinals[i] = ordinal;
          const at = ordinal * fieldCount + field;
          let length: number | undefined = lengthBytes[at];
          if (length === FIELD_LENGTH_OVERFLOW) length = fieldLengths.at(at);
          if (length === undefined) throw new Error(`posting of "${term}" names an unknown document`);
          if (termFrequency !== lastTf || length !== lastLength) {
            lastWeight = lunrWeight(idf, termFrequency, length, avgFieldLength, fieldBoost, k1, b);
            lastTf = termFrequency;
            lastLength = length;
          }
          fieldWeights[i] = lastWeight;
        }
        previous += run;
      }
      reader.pos = pos;
    } else {
      let previous = 0;
      for (let i = 0; i < count; i++) {
        previous = i === 0 ? reader.uint() : previous + reader.uint();
        fieldOrdinals[i] = previous;
      }
      if (meta.weights === 'milli') for (let i = 0; i < count; i++) fieldWeights[i] = reader.int() / 1000;
      else for (let i = 0; i < count; i++) fieldWeights[i] = reader.float64();
    }
    ordinals[field] = fieldOrdinals;
    weights[field] = fieldWeights;
    sizeInBytes += count * 12;
  }
  return { term, termIndex, documentFrequency, documentsWithTerm, ordinals, weights, sizeInBytes };
}
