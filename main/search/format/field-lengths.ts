/**
 * The `field_lengths` blob: lunr's token count per document and field (ordinal·F + field), which a
 * posting's BM25 weight needs. One byte each, 255 meaning "see the overflow list" (index deltas and
 * lengths as varints after the bytes), then deflated. Decoding is an inflate, native, whose bytes
 * are read as they are: a varint per length cost a one-shot `folio search` 5 ms of cold JavaScript
 * on the 540,000 lengths of the Python documentation.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { ByteReader, ByteWriter } from './varint';

/** The byte that stands for a length past one byte (found in the overflow list). */
export const FIELD_LENGTH_OVERFLOW = 255;
const OVERFLOW = FIELD_LENGTH_OVERFLOW;
/** Room past the bytes for the overflow list when inflating (more is read in further chunks). */
const OVERFLOW_ROOM = 64 * 1024;
/** The most bytes deflate makes of one (zlib's technical details). */
const MAX_DEFLATE_RATIO = 1032;

/** Encodes `lengths` (non-negative integers) into the blob. */
export function encodeFieldLengths(lengths: ArrayLike<number>): Buffer {
  const bytes = new Uint8Array(lengths.length);
  const overflow = new ByteWriter();
  let count = 0;
  let last = 0;
  for (let i = 0; i < lengths.length; i++) {
    const v = lengths[i]!;
    if (v < OVERFLOW) bytes[i] = v;
    else {
      bytes[i] = OVERFLOW;
      overflow.uint(i - last);
      overflow.uint(v);
      last = i;
      count++;
    }
  }
  const tail = new ByteWriter(16);
  tail.uint(count);
  return deflateSync(Buffer.concat([bytes, tail.bytes(), overflow.bytes()]), { level: 6 });
}

/**
 * Decoded field lengths: the inflated bytes themselves, and the few lengths past one byte in a Map
 * (a whole Int32Array was 18 MB on 1.2 million passages, most of a cold search's memory).
 */
export class FieldLengths {
  constructor(
    /** One byte per length, FIELD_LENGTH_OVERFLOW for those in `overflow`. */
    readonly bytes: Uint8Array,
    private readonly overflow: Map<number, number>,
  ) {}

  get length(): number {
    return this.bytes.length;
  }

  /** Length `i` (ordinal·fields + field), undefined past the end. */
  at(i: number): number | undefined {
    const v = this.bytes[i];
    // Looked up whatever the byte: a posting's decode loop (postings.ts) calls this on its first
    // entry, and V8 compiles that loop with only what it saw run.
    const long = this.overflow.get(i);
    return v === OVERFLOW ? long : v;
  }
}

/** Decodes the blob into `count` lengths; throws a RangeError when it is malformed. */
export function decodeFieldLengths(blob: Uint8Array, count: number): FieldLengths {
  // Inflated into one buffer with room for the bytes and a short overflow list: in zlib's default
  // 16 KiB chunks, joined afterwards, the 1.6 MB of the large pack took 5 ms of its first query, not 3.
  // Deflate never expands a byte past 1,032: a count beyond that is a damaged meta row, refused
  // before a buffer its size is made.
  if (count > blob.length * MAX_DEFLATE_RATIO) throw new RangeError('field lengths are truncated');
  const raw = inflateSync(blob, { chunkSize: count + OVERFLOW_ROOM });
  if (raw.length < count + 1) throw new RangeError('field lengths are truncated');
  const bytes = raw.subarray(0, count);
  const overflow = new Map<number, number>();
  const r = new ByteReader(raw.subarray(count));
  const overflows = r.uint();
  let at = 0;
  for (let k = 0; k < overflows; k++) {
    at += r.uint();
    if (at >= count || bytes[at] !== OVERFLOW || overflow.has(at))
      throw new RangeError('field length overflow list is malformed');
    overflow.set(at, r.uint());
  }
  if (!r.done) throw new RangeError('field lengths have trailing bytes');
  // Every byte saying "past one byte" has its length in the list: one that had none was only found by a
  // query reading it, and reported as a posting naming an unknown document.
  for (let i = bytes.indexOf(OVERFLOW); i >= 0; i = bytes.indexOf(OVERFLOW, i + 1))
    if (!overflow.has(i)) throw new RangeError(`field length ${i} is missing from the overflow list`);
  return new FieldLengths(bytes, overflow);
}
