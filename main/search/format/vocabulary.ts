/**
 * The `vocab` blob: every term in JS order with its document count, for fuzzy and wildcard
 * expansion, which walk the sorted list as a trie (engine/sorted-trie.ts).
 *
 * It is read as typed arrays over the inflated bytes, without making a string per term: on the
 * 271,000 terms of the large corpus, JSON-parsing them cost a cold search about 150 ms and 15 MB;
 * now loading is an inflate, and a term becomes a string only when an expansion yields it.
 *
 * Layout before deflating, little-endian: a header of four uint32 (term count N, code unit count U,
 * the longest term's length in code units, 0), N + 1 uint32 offsets into the code units, N uint32
 * document counts, then the U UTF-16 code units of the terms one after the other.
 */
import { deflateSync, inflateSync } from 'node:zlib';

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
    const words = new Uint32Array(HEADER_WORDS + (n + 1) + n + Math.ceil(unitCount / 2));
    words.set([n, unitCount, maxLength, 0]);
    const offsets = words.subarray(HEADER_WORDS, HEADER_WORDS + n + 1);
    const frequencies = words.subarray(HEADER_WORDS + n + 1, HEADER_WORDS + n + 1 + n);
    const units = new Uint16Array(words.buffer, (HEADER_WORDS + n + 1 + n) * 4, unitCount);
    let at = 0;
    for (let i = 0; i < n; i++) {
      const term = sortedTerms[i]!;
      offsets[i] = at;
      frequencies[i] = documentFrequencies[i]!;
      for (let k = 0; k < term.length; k++) units[at + k] = term.charCodeAt(k);
      at += term.length;
    }
    offsets[n] = at;
    const bytes = Buffer.from(words.buffer, 0, (HEADER_WORDS + n + 1 + n) * 4 + unitCount * 2);
    if (!LITTLE_ENDIAN) swapBytes(bytes, (HEADER_WORDS + n + 1 + n) * 4);
    return deflateSync(bytes, { level: 6 });
  }

  /** Reads the blob; throws a RangeError when it is malformed. */
  static decode(blob: Uint8Array): Vocabulary {
    const raw = inflateSync(blob);
    if (raw.length < HEADER_WORDS * 4) throw new RangeError('vocabulary is truncated');
    const view = new DataView(raw.buffer, raw.byteOffset, raw.length);
    const n = view.getUint32(0, true);
    const unitCount = view.getUint32(4, true);
    const maxLength = view.getUint32(8, true);
    const wordCount = HEADER_WORDS + (n + 1) + n;
    if (raw.length !== wordCount * 4 + unitCount * 2) throw new RangeError('vocabulary has the wrong length');
    // Typed arrays need aligned offsets (and native byte order): copy when the bytes are not.
    let bytes: Uint8Array = raw;
    if (raw.byteOffset % 4 !== 0 || !LITTLE_ENDIAN) {
      bytes = new Uint8Array(raw.length);
      bytes.set(raw);
      if (!LITTLE_ENDIAN) swapBytes(bytes, wordCount * 4);
    }
    const offsets = new Uint32Array(bytes.buffer, bytes.byteOffset + HEADER_WORDS * 4, n + 1);
    const frequencies = new Uint32Array(bytes.buffer, bytes.byteOffset + (HEADER_WORDS + n + 1) * 4, n);
    const units = new Uint16Array(bytes.buffer, bytes.byteOffset + wordCount * 4, unitCount);
    if (offsets[0] !== 0 || offsets[n] !== unitCount) throw new RangeError('vocabulary offsets are malformed');
    return new Vocabulary(offsets, frequencies, units, maxLength);
  }
}

/**
 * Swaps the bytes of the uint32 words before `wordEnd` and of the uint16 units after it (big-endian
 * machines only: the blob is little-endian).
 */
function swapBytes(bytes: Uint8Array, wordEnd: number): void {
  for (let i = 0; i + 3 < wordEnd; i += 4) {
    const [a, b] = [bytes[i]!, bytes[i + 1]!];
    bytes[i] = bytes[i + 3]!;
    bytes[i + 1] = bytes[i + 2]!;
    bytes[i + 2] = b;
    bytes[i + 3] = a;
  }
  for (let i = wordEnd; i + 1 < bytes.length; i += 2) {
    const a = bytes[i]!;
    bytes[i] = bytes[i + 1]!;
    bytes[i + 1] = a;
  }
}
