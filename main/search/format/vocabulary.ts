/**
 * The `vocab` blob: every term in JS order with its document count, for fuzzy and wildcard
 * expansion, which walk the sorted list as a trie (engine/sorted-trie.ts).
 *
 * It is read as typed arrays over the inflated bytes, without making a string per term: on the
 * 271,000 terms of the large corpus, JSON-parsing them cost a cold search about 150 ms and 15 MB;
 * now loading is an inflate, and a term becomes a string only when an expansion yields it.
 *
 * Layout before compressing (Brotli), little-endian: a header of four uint32 (term count N, code unit
 * count U, the longest term's length in code units, 0), the U UTF-16 code units of the terms one
 * after the other, then each term's length and then each term's document count as varints (offsets
 * and counts as uint32 took a third of the blob on Japanese, more than half on English).
 */
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';
import { ByteWriter } from './varint';

const HEADER_WORDS = 4;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The sorted terms (JS order: UTF-16 code units) and their document counts. */
export class Vocabulary {
  private constructor(
    /** Offsets into `units`: term i is units[offsets[i], offsets[i + 1]). */
    private readonly offsets: Uint32Array,
    private readonly frequencies: Uint32Array,
    private readonly units: Uint16Array,
    /** Length of the longest term, in UTF-16 code units. */
    readonly maxLength: number,
  ) {}

  /** Number of terms. */
  get size(): number {
    return this.frequencies.length;
  }

  /** Length of term `i` in code units. */
  termLength(i: number): number {
    return this.offsets[i + 1]! - this.offsets[i]!;
  }

  /** Code unit `depth` of term `i` (the caller keeps depth below its length). */
  codeAt(i: number, depth: number): number {
    return this.units[this.offsets[i]! + depth]!;
  }

  /** Term `i` as a string. */
  term(i: number): string {
    const start = this.offsets[i]!;
    const end = this.offsets[i + 1]!;
    let s = '';
    for (let k = start; k < end; k += 4096)
      s += String.fromCharCode.apply(null, Array.from(this.units.subarray(k, Math.min(end, k + 4096))));
    return s;
  }

  documentFrequency(i: number): number {
    return this.frequencies[i]!;
  }

  /** The index of `term`, or -1. */
  indexOf(term: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compareTo(mid, term);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  /** Term `i` against `term` in JS order: negative, 0 or positive. */
  private compareTo(i: number, term: string): number {
    const start = this.offsets[i]!;
    const length = this.offsets[i + 1]! - start;
    const n = Math.min(length, term.length);
    for (let k = 0; k < n; k++) {
      const d = this.units[start + k]! - term.charCodeAt(k);
      if (d !== 0) return d;
    }
    return length - term.length;
  }

  /** The blob of `sortedTerms` (JS order) and their document counts. */
  static encode(sortedTerms: readonly string[], documentFrequencies: ArrayLike<number>): Buffer {
    const n = sortedTerms.length;
    let unitCount = 0;
    let maxLength = 0;
    for (const term of sortedTerms) {
      unitCount += term.length;
      if (term.length > maxLength) maxLength = term.length;
    }
    const head = Buffer.alloc(HEADER_WORDS * 4);
    [n, unitCount, maxLength, 0].forEach((word, i) => head.writeUInt32LE(word, i * 4));
    const units = new Uint16Array(unitCount);
    const numbers = new ByteWriter(n * 3 + 16);
    let at = 0;
    for (const term of sortedTerms) {
      for (let k = 0; k < term.length; k++) units[at + k] = term.charCodeAt(k);
      at += term.length;
      numbers.uint(term.length);
    }
    for (let i = 0; i < n; i++) numbers.uint(documentFrequencies[i]!);
    const bytes = Buffer.concat([head, Buffer.from(units.buffer, 0, unitCount * 2), numbers.bytes()]);
    if (!LITTLE_ENDIAN) swapBytes(bytes, HEADER_WORDS * 4, HEADER_WORDS * 4 + unitCount * 2);
    // Brotli's best quality costs seconds on a large vocabulary (6 s on the Python documentation's
    // 1.1 MB) for a sixth less; below 512 KiB it is well under a second.
    return brotliCompressSync(bytes, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: bytes.length <= 512 * 1024 ? 11 : 9,
        [zlib.BROTLI_PARAM_LGWIN]: 22,
        [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
  }

  /** Reads the blob; throws a RangeError when it is malformed. */
  static decode(blob: Uint8Array): Vocabulary {
    let raw: Buffer;
    try {
      raw = brotliDecompressSync(blob);
    } catch {
      throw new RangeError('vocabulary does not decompress');
    }
    if (raw.length < HEADER_WORDS * 4) throw new RangeError('vocabulary is truncated');
    const view = new DataView(raw.buffer, raw.byteOffset, raw.length);
    const n = view.getUint32(0, true);
    const unitCount = view.getUint32(4, true);
    const maxLength = view.getUint32(8, true);
    const unitsEnd = HEADER_WORDS * 4 + unitCount * 2;
    if (raw.length < unitsEnd) throw new RangeError('vocabulary has the wrong length');
    // The units are read in place when the inflated bytes allow a typed array over them (an even
    // offset, little-endian): a copy was 3 ms and 5 MB on the large corpus.
    let units: Uint16Array;
    if (LITTLE_ENDIAN && (raw.byteOffset + HEADER_WORDS * 4) % 2 === 0)
      units = new Uint16Array(raw.buffer, raw.byteOffset + HEADER_WORDS * 4, unitCount);
    else {
      units = new Uint16Array(unitCount);
      new Uint8Array(units.buffer).set(raw.subarray(HEADER_WORDS * 4, unitsEnd));
      if (!LITTLE_ENDIAN) swapBytes(new Uint8Array(units.buffer), 0, unitCount * 2);
    }
    const offsets = new Uint32Array(n + 1);
    let at = readVarints(raw, unitsEnd, offsets, 1, n);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i + 1]! + offsets[i]!;
    const frequencies = new Uint32Array(n);
    at = readVarints(raw, at, frequencies, 0, n);
    if (at !== raw.length || offsets[n] !== unitCount) throw new RangeError('vocabulary lengths are malformed');
    return new Vocabulary(offsets, frequencies, units, maxLength);
  }
}

/**
 * Reads `count` varints (format/varint.ts) from `bytes` at `at` into `out` from `into`; returns where
 * they end: one loop over the bytes, most of them one-byte values, instead of a reader call for each
 * of the 750,000 of the large corpus. Values past 32 bits are malformed here (no term is that long or
 * that frequent).
 */
function readVarints(bytes: Uint8Array, at: number, out: Uint32Array, into: number, count: number): number {
  let pos = at;
  const end = bytes.length;
  for (let i = into; i < into + count; i++) {
    if (pos >= end) throw new RangeError('vocabulary numbers are truncated');
    let b = bytes[pos++]!;
    if (b < 0x80) {
      out[i] = b;
      continue;
    }
    let value = b & 0x7f;
    let shift = 7;
    do {
      if (pos >= end || shift > 28) throw new RangeError('vocabulary numbers are malformed');
      b = bytes[pos++]!;
      value += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b >= 0x80);
    if (value > 0xffffffff) throw new RangeError('vocabulary numbers are malformed');
    out[i] = value;
  }
  return pos;
}

/** Swaps the bytes of the uint16 units in [from, to) (big-endian machines only: the blob is little-endian). */
function swapBytes(bytes: Uint8Array, from: number, to: number): void {
  for (let i = from; i + 1 < to; i += 2) {
    const a = bytes[i]!;
    bytes[i] = bytes[i + 1]!;
    bytes[i + 1] = a;
  }
}
