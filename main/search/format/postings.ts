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
 * With lengths in postings (a large archive's, SearchMeta's `tf.lengthsInPostings`), each entry then
 * gives its documents' field length, a run's documents all having the same: a term's postings then
 * carry every length they need, and a query reads no more of them than its terms' postings (on the
 * large pack, the field-lengths blob was 1.56 MB to read and inflate for any query, 5% of a one-shot
 * search's time, and memory a server held for good; the lengths made that pack 11% larger, 1.11×
 * the ZIM).
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
  /** Tokens per document and field (ordinal·fieldCount + field): tf mode, unless the postings hold them. */
  fieldLengths: () => FieldLengths;
  /** lunr's idf for a term with `documentsWithTerm` field postings (tf mode only; idf-table.ts). */
  idf: (documentsWithTerm: number) => number;
}

/**
 * Appends the postings of term `term` (its slots in `flat`) to `writer`; in tf mode, with each entry's
 * field length when `lengths` (by ordinal·fieldCount + field) is given.
 */
export function encodePostings(
  writer: ByteWriter,
  flat: FlatPostings,
  term: number,
  fieldCount: number,
  weightMode: WeightMode,
  lengths: ArrayLike<number> | null = null,
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
      encodeTermFrequencies(writer, flat, begin, end, lengths && { lengths, fieldCount, field });
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

/** The field lengths a tf-mode field's entries carry (see the module doc). */
interface EntryLengths {
  lengths: ArrayLike<number>;
  fieldCount: number;
  field: number;
}

/** Entries [begin, end) of `flat` in tf mode (see the module doc). */
function encodeTermFrequencies(
  writer: ByteWriter,
  flat: FlatPostings,
  begin: number,
  end: number,
  inline: EntryLengths | null,
): void {
  const lengthOf = (ordinal: number): number => {
    const length = inline!.lengths[ordinal * inline!.fieldCount + inline!.field]!;
    if (!(Number.isInteger(length) && length >= 0)) throw new Error(`field length ${length} is not a token count`);
    return length;
  };
  let previous = 0;
  let i = begin;
  while (i < end) {
    const ordinal = flat.ordinals[i]!;
    const delta = i === begin ? ordinal : ordinal - previous;
    const tf = flat.termFrequencies[i]!;
    if (tf !== 1) {
      writer.uint(delta * 4 + 1);
      writer.uint(tf - 2);
      if (inline) writer.uint(lengthOf(ordinal));
      previous = ordinal;
      i++;
      continue;
    }
    // With lengths, a run's documents share one, as a section's passages share its title.
    const length = inline ? lengthOf(ordinal) : 0;
    let run = 0;
    while (
      i + run + 1 < end &&
      flat.ordinals[i + run + 1] === ordinal + run + 1 &&
      flat.termFrequencies[i + run + 1] === 1 &&
      (!inline || lengthOf(ordinal + run + 1) === length)
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
    if (inline) writer.uint(length);
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

const NO_LENGTHS = new Uint8Array(0);

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
  const lengthsInline = tf?.lengthsInPostings === true;
  const fieldLengths = tf && !lengthsInline ? context.fieldLengths() : null;
  let sizeInBytes = 64;
  for (let field = 0; field < fieldCount; field++) {
    if (!(fieldMask & (1 << field))) continue;
    const count = counts[field]!;
    const fieldOrdinals = new Int32Array(count);
    const fieldWeights = new Float64Array(count);
    if (tf) {
      reader.pos = decodeTfEntries(
        term,
        data,
        reader.pos,
        count,
        fieldOrdinals,
        fieldWeights,
        fieldLengths,
        lengthsInline,
        meta.docCount,
        fieldCount,
        field,
        idf,
        tf.avgFieldLength[field]!,
        tf.fieldBoost[field]!,
        tf.k1,
        tf.b,
      );
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

/**
 * Decodes `count` tf-mode entries of one field from `data` at `reader.pos` into `ordinals` and
 * `weights`, and returns the position after them. A function of its own, small, taking only arrays
 * and numbers, with every entry going through the same statements: a common word or a typo decodes
 * hundreds of thousands of entries in a fresh process, and V8 compiles a small loop in a fraction
 * of the time the whole decodePostings took (4-9 ms), while the loop ran uncompiled. A path met only
 * after that compile (a tf, a run) threw the compiled loop away and compiled it again; the tags now
 * share one path (tf and run are computed from the tag, not branched on), and nothing after the
 * loop needs what V8 learnt in it.
 */
function decodeTfEntries(
  term: string,
  data: Uint8Array,
  start: number,
  count: number,
  ordinals: Int32Array,
  weights: Float64Array,
  /** null when the entries carry their lengths (`lengthsInline`). */
  fieldLengths: FieldLengths | null,
  lengthsInline: boolean,
  documentCount: number,
  fieldCount: number,
  field: number,
  idf: number,
  avgFieldLength: number,
  fieldBoost: number,
  k1: number,
  b: number,
): number {
  // Consecutive documents often share tf and field length (a section's passages share its title):
  // the weight is recomputed only when an input changes (same inputs, same double).
  let lastTf = -1;
  let lastLength = -1;
  let lastWeight = 0;
  const lengthBytes = fieldLengths ? fieldLengths.bytes : NO_LENGTHS;
  if (!lengthsInline && !fieldLengths) throw new Error('field lengths missing');
  let previous = 0;
  let i = 0;
  let pos = start;
  const end = data.length;
  while (i < count) {
    // The varints are read here (the same statements for one byte and for more), not by a
    // ByteReader: a longer varint met only after V8 compiled the loop threw the compiled loop away.
    let v = 0;
    let scale = 1;
    let byte = 0x80;
    while (byte >= 0x80) {
      if (pos >= end) throw new RangeError('varint past end of buffer');
      byte = data[pos++]!;
      v += (byte & 0x7f) * scale;
      scale *= 0x80;
    }
    const tag = v & 3;
    if (tag === 3) throw new Error(`posting of "${term}" is malformed`);
    const delta = (v - tag) / 4;
    previous = i === 0 ? delta : previous + delta;
    // tag 1: tf − 2 follows; tag 2: run − 1 follows (module doc).
    let extra = 0;
    if (tag !== 0) {
      scale = 1;
      byte = 0x80;
      while (byte >= 0x80) {
        if (pos >= end) throw new RangeError('varint past end of buffer');
        byte = data[pos++]!;
        extra += (byte & 0x7f) * scale;
        scale *= 0x80;
      }
    }
    const termFrequency = 1 + (tag & 1) * (extra + 1);
    const run = (tag >> 1) * (extra + 1);
    if (i + run >= count) throw new Error(`posting of "${term}" overruns its count`);
    // The entry's own field length, when it carries one (the same for a run's documents).
    let entryLength = 0;
    if (lengthsInline) {
      scale = 1;
      byte = 0x80;
      while (byte >= 0x80) {
        if (pos >= end) throw new RangeError('varint past end of buffer');
        byte = data[pos++]!;
        entryLength += (byte & 0x7f) * scale;
        scale *= 0x80;
      }
    }
    if (previous + run >= documentCount) throw new Error(`posting of "${term}" names an unknown document`);
    for (let k = 0; k <= run; k++, i++) {
      const ordinal = previous + k;
      ordinals[i] = ordinal;
      const at = ordinal * fieldCount + field;
      let length: number | undefined = lengthsInline ? entryLength : lengthBytes[at];
      // One entry in 256 asks fieldLengths too (the same length), so that V8 has seen this call run
      // when it compiles the loop (not at the very first entry: V8 records what runs only after a
      // while): a length past one byte met only later threw the compiled loop away.
      if (!lengthsInline && (length === FIELD_LENGTH_OVERFLOW || (i & 255) === 0)) length = fieldLengths!.at(at);
      if (length === undefined) throw new Error(`posting of "${term}" names an unknown document`);
      if (termFrequency !== lastTf || length !== lastLength) {
        lastWeight = lunrWeight(idf, termFrequency, length, avgFieldLength, fieldBoost, k1, b);
        lastTf = termFrequency;
        lastLength = length;
      }
      weights[i] = lastWeight;
    }
    previous += run;
  }
  return pos;
}
