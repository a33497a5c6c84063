/**
 * The vocabulary blobs: every term in JS order with its document count, for fuzzy and wildcard
 * expansion, which walk a sorted list as a trie (engine/sorted-trie.ts).
 *
 * A list is read as typed arrays over the inflated bytes, without making a string per term: on the
 * 271,000 terms of the large corpus, JSON-parsing them cost a cold search about 150 ms and 15 MB;
 * loading is an inflate, and a term becomes a string only when an expansion yields it.
 *
 * The terms are stored in shards by length, so that a typo's correction reads only the lengths it
 * can reach (a word of n characters within d edits has n − d to n + d): on the large corpus one
 * inflated list was 8.4 MB and 25–35 ms of a cold `folio search kernal`; the shards a six-letter
 * word needs are a tenth of it. Adjacent lengths share a shard until it holds SHARD_UNITS code
 * units, so a small vocabulary is one or two shards. Each length band is two shards, one of the
 * terms whose code units are all below 256, stored a byte each (most of an English vocabulary, and
 * half the bytes to inflate), and one of the others, stored as UTF-16. A wildcard, which may match
 * any length, walks all the terms in JS order: `vocab/order` names each term's shard in that order,
 * so the shards merge back without comparing terms.
 *
 * Blobs (each framed and checksummed by the writer, format/checksum.ts):
 * - `vocab`: varints: term count, longest term's length, shard count, then per shard its shortest
 *   and longest length, its term count and whether it is UTF-16 (1) or bytes (0);
 * - `vocab/<k>`: shard k, a list of terms (Vocabulary.encode), Brotli-compressed, little-endian: a
 *   header of five uint32 (term count N, code unit count U, the longest term's length in code
 *   units, bytes per code unit: 1 or 2, and the length every term has, or 0), the U code units of
 *   the terms one after the other, each term's length as a varint unless they all have the same,
 *   then a byte per term, its document count or 255, and the counts of 255 or more as (term index,
 *   count) uint32 pairs. A cold process reads that with no loop over the terms (JS loops run
 *   interpreted at first: decoding varints was most of the time to read a shard);
 * - `vocab/order`: Brotli-compressed, a byte per term in JS order: the shard holding it.
 */
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';
import { ByteReader, ByteWriter } from './varint';

const HEADER_WORDS = 5;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** A shard of lengths takes the next length while it holds fewer code units than this. */
const SHARD_UNITS = 16_384;
/** Terms this long or longer share the last band, so there are at most 2 × 64 shards (a byte names one). */
const LAST_BAND_FROM = 64;
/** Below this many bytes to compress in all, Brotli's best quality (6 s on the Python documentation's 1.1 MB, for a sixth less) is well under a second. */
const BEST_QUALITY_BYTES = 512 * 1024;

/** The blob holding shard `k` of the vocabulary. */
export function vocabularyShardName(k: number): string {
  return `vocab/${k}`;
}
export const VOCABULARY_INDEX = 'vocab';
export const VOCABULARY_ORDER = 'vocab/order';

/** Document counts by term index. */
interface DocumentCounts {
  at(i: number): number;
}

/**
 * Document counts as stored: a byte per term, 255 for a count of 255 or more, whose counts follow
 * as (term index, count) pairs of uint32 in term order. Read in place: no loop over the terms,
 * which a cold process runs in V8's interpreter (7 ms for the large corpus's five-letter words).
 */
class StoredCounts implements DocumentCounts {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly large: DataView,
    private readonly largeCount: number,
  ) {}

  at(i: number): number {
    const b = this.bytes[i]!;
    if (b < 255) return b;
    let lo = 0;
    let hi = this.largeCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const index = this.large.getUint32(mid * 8, true);
      if (index === i) return this.large.getUint32(mid * 8 + 4, true);
      if (index < i) lo = mid + 1;
      else hi = mid;
    }
    return 0;
  }
}

class CountArray implements DocumentCounts {
  constructor(private readonly counts: Uint32Array) {}

  at(i: number): number {
    return this.counts[i]!;
  }
}

/** A sorted list of terms (JS order: UTF-16 code units) and their document counts. */
export class Vocabulary {
  private constructor(
    /** Number of terms. */
    readonly size: number,
    /** Offsets into `units`: term i is units[offsets[i], offsets[i + 1]); null when every term is minLength long. */
    private readonly offsets: Uint32Array | null,
    private readonly units: Uint8Array | Uint16Array,
    private readonly counts: DocumentCounts,
    /** Lengths of the shortest and the longest term, in UTF-16 code units (0 when there are none). */
    readonly minLength: number,
    readonly maxLength: number,
  ) {}

  /** Length of term `i` in code units. */
  termLength(i: number): number {
    const offsets = this.offsets;
    return offsets === null ? this.minLength : offsets[i + 1]! - offsets[i]!;
  }

  /** Code unit `depth` of term `i` (the caller keeps depth below its length). */
  codeAt(i: number, depth: number): number {
    return this.units[this.start(i) + depth]!;
  }

  private start(i: number): number {
    return this.offsets === null ? i * this.minLength : this.offsets[i]!;
  }

  /** Term `i` as a string. */
  term(i: number): string {
    const start = this.start(i);
    const end = start + this.termLength(i);
    let s = '';
    for (let k = start; k < end; k += 4096)
      s += String.fromCharCode.apply(null, Array.from(this.units.subarray(k, Math.min(end, k + 4096))));
    return s;
  }

  documentFrequency(i: number): number {
    return this.counts.at(i);
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
    const start = this.start(i);
    const length = this.termLength(i);
    const n = Math.min(length, term.length);
    for (let k = 0; k < n; k++) {
      const d = this.units[start + k]! - term.charCodeAt(k);
      if (d !== 0) return d;
    }
    return length - term.length;
  }

  /**
   * The blob of one list: `sortedTerms` (JS order) and their document counts, a byte per code unit
   * when every unit is below 256, and no lengths when every term has the same. `quality` is
   * Brotli's (default: the best below BEST_QUALITY_BYTES).
   */
  static encode(sortedTerms: readonly string[], documentFrequencies: ArrayLike<number>, quality?: number): Buffer {
    const n = sortedTerms.length;
    let unitCount = 0;
    let minLength = Infinity;
    let maxLength = 0;
    let wide = false;
    for (const term of sortedTerms) {
      unitCount += term.length;
      maxLength = Math.max(maxLength, term.length);
      minLength = Math.min(minLength, term.length);
      if (!wide && isWide(term)) wide = true;
    }
    const fixedLength = n > 0 && minLength === maxLength ? maxLength : 0;
    const unitBytes = wide ? 2 : 1;
    const head = Buffer.alloc(HEADER_WORDS * 4);
    [n, unitCount, maxLength, unitBytes, fixedLength].forEach((word, i) => head.writeUInt32LE(word, i * 4));
    const units = wide ? new Uint16Array(unitCount) : new Uint8Array(unitCount);
    const lengths = new ByteWriter(fixedLength ? 16 : n * 2 + 16);
    let at = 0;
    for (const term of sortedTerms) {
      for (let k = 0; k < term.length; k++) units[at + k] = term.charCodeAt(k);
      at += term.length;
      if (!fixedLength) lengths.uint(term.length);
    }
    const countBytes = Buffer.alloc(n);
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      const count = documentFrequencies[i]!;
      countBytes[i] = Math.min(count, 255);
      if (count >= 255) large.push(i, count);
    }
    const largeBytes = Buffer.alloc(large.length * 4);
    large.forEach((value, i) => largeBytes.writeUInt32LE(value, i * 4));
    const bytes = Buffer.concat([
      head,
      Buffer.from(units.buffer, 0, unitCount * unitBytes),
      lengths.bytes(),
      countBytes,
      largeBytes,
    ]);
    if (wide && !LITTLE_ENDIAN) swapBytes(bytes, HEADER_WORDS * 4, HEADER_WORDS * 4 + unitCount * 2);
    return compress(bytes, quality ?? brotliQuality(bytes.length));
  }

  /** Reads the blob of one list; throws a RangeError when it is malformed. */
  static decode(blob: Uint8Array): Vocabulary {
    const raw = decompress(blob);
    if (raw.length < HEADER_WORDS * 4) throw new RangeError('vocabulary is truncated');
    const view = new DataView(raw.buffer, raw.byteOffset, raw.length);
    const [n, unitCount, maxLength, unitBytes, fixedLength] = [0, 1, 2, 3, 4].map((i) =>
      view.getUint32(i * 4, true),
    ) as [number, number, number, number, number];
    if (unitBytes !== 1 && unitBytes !== 2) throw new RangeError('vocabulary has no unit width');
    const unitsStart = HEADER_WORDS * 4;
    const unitsEnd = unitsStart + unitCount * unitBytes;
    if (raw.length < unitsEnd) throw new RangeError('vocabulary has the wrong length');
    // The units are read in place when the inflated bytes allow a typed array over them (bytes, or
    // UTF-16 at an even offset on a little-endian machine): a copy was 3 ms and 5 MB on the large corpus.
    let units: Uint8Array | Uint16Array;
    if (unitBytes === 1) units = raw.subarray(unitsStart, unitsEnd);
    else if (LITTLE_ENDIAN && (raw.byteOffset + unitsStart) % 2 === 0)
      units = new Uint16Array(raw.buffer, raw.byteOffset + unitsStart, unitCount);
    else {
      units = new Uint16Array(unitCount);
      new Uint8Array(units.buffer).set(raw.subarray(unitsStart, unitsEnd));
      if (!LITTLE_ENDIAN) swapBytes(new Uint8Array(units.buffer), 0, unitCount * 2);
    }
    let at = unitsEnd;
    let offsets: Uint32Array | null = null;
    let minLength = fixedLength;
    if (fixedLength > 0) {
      if (unitCount !== n * fixedLength || maxLength !== fixedLength)
        throw new RangeError('vocabulary lengths are malformed');
    } else {
      offsets = new Uint32Array(n + 1);
      at = readVarints(raw, at, offsets, 1, n);
      let longest = 0;
      minLength = n > 0 ? Infinity : 0;
      for (let i = 0; i < n; i++) {
        const length = offsets[i + 1]!;
        longest = Math.max(longest, length);
        minLength = Math.min(minLength, length);
        offsets[i + 1] = length + offsets[i]!;
      }
      if (offsets[n] !== unitCount || longest !== maxLength) throw new RangeError('vocabulary lengths are malformed');
    }
    if (raw.length < at + n || (raw.length - at - n) % 8 !== 0)
      throw new RangeError('vocabulary counts have the wrong length');
    const countBytes = raw.subarray(at, at + n);
    const large = new DataView(raw.buffer, raw.byteOffset + at + n, raw.length - at - n);
    const largeCount = large.byteLength / 8;
    // Each count of 255 or more is listed, in term order, and nothing else is (indexOf is native).
    let byte = -1;
    for (let k = 0; k < largeCount; k++) {
      byte = countBytes.indexOf(255, byte + 1);
      if (byte !== large.getUint32(k * 8, true) || large.getUint32(k * 8 + 4, true) < 255)
        throw new RangeError('vocabulary counts are malformed');
    }
    if (countBytes.indexOf(255, byte + 1) !== -1) throw new RangeError('vocabulary counts are malformed');
    return new Vocabulary(
      n,
      offsets,
      units,
      new StoredCounts(countBytes, large, largeCount),
      n > 0 ? minLength : 0,
      maxLength,
    );
  }

  /**
   * The whole list in JS order from its shards (`parts`, by number) and `order`, the shard of each
   * term in turn; throws a RangeError when they disagree.
   */
  static merge(parts: readonly Vocabulary[], order: Uint8Array): Vocabulary {
    const n = order.length;
    let unitCount = 0;
    let minLength = n > 0 ? Infinity : 0;
    let maxLength = 0;
    let wide = false;
    for (const part of parts) {
      unitCount += part.units.length;
      if (part.size > 0) minLength = Math.min(minLength, part.minLength);
      maxLength = Math.max(maxLength, part.maxLength);
      if (part.units instanceof Uint16Array) wide = true;
    }
    const units = wide ? new Uint16Array(unitCount) : new Uint8Array(unitCount);
    const offsets = new Uint32Array(n + 1);
    const counts = new Uint32Array(n);
    const next = new Uint32Array(parts.length);
    let at = 0;
    for (let i = 0; i < n; i++) {
      const k = order[i]!;
      const part = parts[k];
      if (part === undefined || next[k]! >= part.size) throw new RangeError('vocabulary order names a missing term');
      const j = next[k]!++;
      const from = part.units;
      for (let u = part.start(j), end = u + part.termLength(j); u < end; u++) units[at++] = from[u]!;
      offsets[i + 1] = at;
      counts[i] = part.counts.at(j);
    }
    if (parts.some((part, k) => next[k] !== part.size)) throw new RangeError('vocabulary order leaves terms out');
    return new Vocabulary(n, offsets, units, new CountArray(counts), minLength, maxLength);
  }
}

/** One shard of the vocabulary: which lengths it holds, how many terms, and whether they are UTF-16. */
export interface VocabularyShard {
  minLength: number;
  maxLength: number;
  count: number;
  wide: boolean;
}

/** The `vocab` blob: the term count, the longest term, and the shards. */
export class VocabularyIndex {
  private constructor(
    readonly size: number,
    readonly maxLength: number,
    readonly shards: readonly VocabularyShard[],
  ) {}

  /** The numbers of the shards holding terms of `minLength` to `maxLength` code units. */
  shardsFor(minLength: number, maxLength: number): number[] {
    const out: number[] = [];
    this.shards.forEach((shard, k) => {
      if (shard.maxLength >= minLength && shard.minLength <= maxLength) out.push(k);
    });
    return out;
  }

  /** The blobs (name → payload) of `sortedTerms` (JS order) and their document counts, sharded. */
  static encode(sortedTerms: readonly string[], documentFrequencies: ArrayLike<number>): [string, Buffer][] {
    const n = sortedTerms.length;
    let maxLength = 0;
    let unitCount = 0;
    for (const term of sortedTerms) {
      maxLength = Math.max(maxLength, term.length);
      unitCount += term.length;
    }
    // Bands of lengths: band[length] is the band a term of that length falls in.
    const unitsOfLength = new Float64Array(maxLength + 1);
    for (const term of sortedTerms) unitsOfLength[term.length] = unitsOfLength[term.length]! + term.length;
    const band = new Uint8Array(maxLength + 1);
    const bands: [number, number][] = [];
    let from = 0;
    let held = 0;
    for (let length = 0; length <= maxLength; length++) {
      band[length] = bands.length;
      held += unitsOfLength[length]!;
      const last = length === maxLength || length === LAST_BAND_FROM - 1;
      if (last || (held >= SHARD_UNITS && length < LAST_BAND_FROM)) {
        bands.push([from, length]);
        from = length + 1;
        held = 0;
      }
    }
    // Each term's shard: its band's byte list or its band's UTF-16 list; empty shards are dropped.
    const shardOf = new Uint8Array(n);
    const members: { terms: string[]; frequencies: number[] }[] = Array.from({ length: bands.length * 2 }, () => ({
      terms: [],
      frequencies: [],
    }));
    for (let i = 0; i < n; i++) {
      const term = sortedTerms[i]!;
      const k = band[term.length]! * 2 + (isWide(term) ? 1 : 0);
      shardOf[i] = k;
      members[k]!.terms.push(term);
      members[k]!.frequencies.push(documentFrequencies[i]!);
    }
    const number = new Int32Array(members.length).fill(-1);
    const kept: number[] = [];
    members.forEach((m, k) => {
      if (m.terms.length > 0) {
        number[k] = kept.length;
        kept.push(k);
      }
    });
    for (let i = 0; i < n; i++) shardOf[i] = number[shardOf[i]!]!;
    // One quality for every shard, chosen by the whole (at most two bytes a code unit).
    const quality = brotliQuality(unitCount * 2);
    const index = new ByteWriter();
    for (const value of [n, maxLength, kept.length]) index.uint(value);
    const blobs: [string, Buffer][] = [];
    kept.forEach((k, shard) => {
      const [minLength, maxLengthOfBand] = bands[k >> 1]!;
      const m = members[k]!;
      for (const value of [minLength, maxLengthOfBand, m.terms.length, k & 1]) index.uint(value);
      blobs.push([vocabularyShardName(shard), Vocabulary.encode(m.terms, m.frequencies, quality)]);
    });
    blobs.unshift([VOCABULARY_INDEX, Buffer.from(index.bytes())]);
    blobs.push([VOCABULARY_ORDER, compress(shardOf, quality)]);
    return blobs;
  }

  /** Reads the `vocab` blob; throws a RangeError when it is malformed. */
  static decode(blob: Uint8Array): VocabularyIndex {
    const reader = new ByteReader(blob);
    const size = reader.uint();
    const maxLength = reader.uint();
    const count = reader.uint();
    if (count > 256) throw new RangeError('vocabulary index names too many shards');
    const shards: VocabularyShard[] = [];
    let terms = 0;
    for (let k = 0; k < count; k++) {
      const minLength = reader.uint();
      const longest = reader.uint();
      const shardCount = reader.uint();
      const wide = reader.uint();
      if (longest < minLength || wide > 1) throw new RangeError('vocabulary index is malformed');
      shards.push({ minLength, maxLength: longest, count: shardCount, wide: wide === 1 });
      terms += shardCount;
    }
    if (!reader.done || terms !== size) throw new RangeError('vocabulary index is malformed');
    return new VocabularyIndex(size, maxLength, shards);
  }

  /** Reads shard `k`'s blob, checked against what the index says of it. */
  decodeShard(k: number, blob: Uint8Array): Vocabulary {
    const shard = this.shards[k];
    if (shard === undefined) throw new RangeError(`vocabulary has no shard ${k}`);
    const list = Vocabulary.decode(blob);
    if (list.size !== shard.count || list.minLength < shard.minLength || list.maxLength > shard.maxLength)
      throw new RangeError(`vocabulary shard ${k} is not the one indexed`);
    return list;
  }

  /** Reads the `vocab/order` blob. */
  decodeOrder(blob: Uint8Array): Uint8Array {
    const order = decompress(blob);
    if (order.length !== this.size) throw new RangeError('vocabulary order has the wrong length');
    return order;
  }
}

/** Whether `term` has a code unit of 256 or more. */
function isWide(term: string): boolean {
  for (let k = 0; k < term.length; k++) if (term.charCodeAt(k) > 0xff) return true;
  return false;
}

/**
 * Brotli's quality for `bytes` to compress: the best below BEST_QUALITY_BYTES, else 8. Not 9: the
 * Python documentation's vocabulary came out the same size at 8, and its build took 15.7 s against
 * 19.2 (alternated, on two cores), as quality 9 costs twenty times quality 8 for text blocks
 * (archive/writer/block-compression.ts).
 */
function brotliQuality(bytes: number): number {
  return bytes <= BEST_QUALITY_BYTES ? 11 : 8;
}

function compress(bytes: Uint8Array, quality: number): Buffer {
  return brotliCompressSync(bytes, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: quality,
      [zlib.BROTLI_PARAM_LGWIN]: 22,
      [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

function decompress(blob: Uint8Array): Buffer {
  try {
    return brotliDecompressSync(blob);
  } catch {
    throw new RangeError('vocabulary does not decompress');
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
