/**
 * The passage index: where a passage id is in reading order, and each passage's kind, found without
 * decompressing any text. Reader and writer share this codec.
 *
 * - `passage_ids(key INTEGER PRIMARY KEY, data BLOB)`: every passage's 48-bit id hash and ordinal,
 *   sorted by hash then ordinal, in chunks of about ID_CHUNK entries. `key` is the chunk's first
 *   hash (0 for the first chunk), so the chunk that would hold a hash is the last one keyed at or
 *   below it. A chunk never splits the passages of one hash (an id's `-N` is the Nth of them), and
 *   names the next chunk's key, so a lost chunk is noticed instead of read as "no such passage".
 *   Payload: varints chunk number, next key + 1 (0 for the last chunk), entry count, then per entry
 *   the hash's gap from the previous one (from `key` for the first) and the ordinal: about 8 bytes a
 *   passage, where a table row and its index took 35.
 * - `passage_kinds(chunk INTEGER PRIMARY KEY, data BLOB)`: the kind codes of KIND_CHUNK consecutive
 *   passages, one byte each, deflated (runs of one kind compress to almost nothing).
 *
 * Both blobs are framed with a checksum of their key and bytes (search/format/checksum.ts).
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { framed, unframed } from '../search/format/checksum';
import { ByteReader, ByteWriter } from '../search/format/varint';

export const ID_CHUNK = 512;
export const KIND_CHUNK = 65536;

/**
 * The `passage_ids` rows for the passages whose id hashes are `hashes`, by ordinal: typed, as a
 * million objects would cost a build about 60 MB.
 */
export function encodeIdChunks(hashes: Float64Array): { key: number; data: Buffer }[] {
  const sorted = new Int32Array(hashes.length);
  for (let i = 0; i < sorted.length; i++) sorted[i] = i;
  sorted.sort((a, b) => hashes[a]! - hashes[b]! || a - b);
  const cuts: number[] = [0];
  for (let i = ID_CHUNK; i < sorted.length;) {
    // Move the cut past the passages that share the hash before it.
    while (i < sorted.length && hashes[sorted[i]!] === hashes[sorted[i - 1]!]) i++;
    if (i < sorted.length) cuts.push(i);
    i += ID_CHUNK;
  }
  const keyAt = (c: number): number => (c === 0 ? 0 : hashes[sorted[cuts[c]!]!]!);
  return cuts.map((begin, c) => {
    const end = c + 1 < cuts.length ? cuts[c + 1]! : sorted.length;
    const key = keyAt(c);
    const w = new ByteWriter(16 + (end - begin) * 10);
    w.uint(c);
    w.uint(c + 1 < cuts.length ? keyAt(c + 1) + 1 : 0);
    w.uint(end - begin);
    let previous = key;
    for (let i = begin; i < end; i++) {
      const hash = hashes[sorted[i]!]!;
      w.uint(hash - previous);
      w.uint(sorted[i]!);
      previous = hash;
    }
    return { key, data: framed(`ids/${key}`, w.bytes()) };
  });
}

export interface IdChunk {
  index: number;
  key: number;
  /** The next chunk's key, null for the last chunk. */
  nextKey: number | null;
  hashes: Float64Array;
  ordinals: Int32Array;
}

/**
 * A `passage_ids` row as the reader looks ids up in it: checked against its checksum, its header
 * read, its entries left encoded. A lookup decodes them only as far as the hash it looks for
 * (findInEncodedIdChunk): a search reads as many chunks as passages (ids are hashes), each once, and
 * decoding each whole (720 entries on the large pack) was most of finding a passage in a fresh
 * process, where the loop runs in the interpreter. `folio verify` decodes every chunk whole.
 */
export interface EncodedIdChunk {
  index: number;
  key: number;
  /** The next chunk's key, null for the last chunk. */
  nextKey: number | null;
  bytes: Uint8Array;
  /** Where the entries start in `bytes`, and how many there are. */
  entriesAt: number;
  count: number;
}

/** A `passage_ids` row, its checksum and header checked; throws an Error saying what is wrong. */
export function openIdChunk(key: number, blob: unknown): EncodedIdChunk {
  const bytes = unframed(`ids/${key}`, blob, `the passage index chunk at ${key}`);
  const reader = new ByteReader(bytes);
  const index = reader.uint();
  const next = reader.uint();
  const count = reader.uint();
  if (count > bytes.length) throw malformed(key);
  return { index, key, nextKey: next === 0 ? null : next - 1, bytes, entriesAt: reader.pos, count };
}

/** A `passage_ids` row, checked and decoded whole; throws an Error saying what is wrong. */
export function decodeIdChunk(key: number, blob: unknown): IdChunk {
  const chunk = openIdChunk(key, blob);
  const hashes = new Float64Array(chunk.count);
  const ordinals = new Int32Array(chunk.count);
  readEntries(chunk, Infinity, hashes, ordinals);
  return { index: chunk.index, key, nextKey: chunk.nextKey, hashes, ordinals };
}

const malformed = (key: number): Error => new Error(`the passage index chunk at ${key} is malformed`);

/**
 * The entries of `chunk` in order, into `hashes` and `ordinals`, until one's hash passes `above`
 * (that one not kept); returns how many were kept. Throws when an entry read runs past the bytes or
 * holds a hash or ordinal out of range (hashes are 48-bit, ordinals below 2^31: a longer varint is
 * damage), or when every entry was read and bytes are left over. A loop of its own, with no call and
 * no power in it: reading the varints through ByteReader, a call per number, was most of reading a
 * passage's id in a fresh process (17 chunks for a page of Python hits: 4 ms cold), and
 * `2 ** shift` for each byte of an ordinal kept the loop at 47 ns an entry (12 now).
 */
function readEntries(chunk: EncodedIdChunk, above: number, hashes: Float64Array, ordinals: Int32Array): number {
  const { bytes, count, key } = chunk;
  const end = bytes.length;
  let at = chunk.entriesAt;
  let hash = key;
  for (let i = 0; i < count; i++) {
    if (at >= end) throw malformed(key);
    let b = bytes[at++]!;
    let gap = b & 0x7f;
    for (let scale = 0x80; b >= 0x80; scale *= 0x80) {
      if (at >= end || scale > 2 ** 48) throw malformed(key);
      b = bytes[at++]!;
      gap += (b & 0x7f) * scale;
    }
    if (at >= end) throw malformed(key);
    b = bytes[at++]!;
    let ordinal = b & 0x7f;
    for (let scale = 0x80; b >= 0x80; scale *= 0x80) {
      if (at >= end || scale > 2 ** 28) throw malformed(key);
      b = bytes[at++]!;
      ordinal += (b & 0x7f) * scale;
    }
    if (!(gap < 2 ** 48 && ordinal < 2 ** 31)) throw malformed(key);
    hash += gap;
    // Sorted by hash: past `above`, no entry is wanted.
    if (hash > above) return i;
    hashes[i] = hash;
    ordinals[i] = ordinal;
  }
  if (at !== end) throw malformed(key);
  return count;
}

/** Where lookups read a chunk's entries (grown to the largest chunk met; chunks hold about ID_CHUNK). */
let foundHashes = new Float64Array(ID_CHUNK * 2);
let foundOrdinals = new Int32Array(ID_CHUNK * 2);

/**
 * The ordinal of the `occurrence`th passage with `hash` in `chunk` (the chunk keyed at or below
 * `hash`), undefined when there is none, its entries read only until the hash is passed. Throws an
 * Error when an entry read is malformed, or when the hash lies past the chunk (the next is lost).
 */
export function findInEncodedIdChunk(chunk: EncodedIdChunk, hash: number, occurrence: number): number | undefined {
  if (chunk.nextKey !== null && hash >= chunk.nextKey)
    throw new Error(`the passage index chunk after ${chunk.key} is missing`);
  if (foundHashes.length < chunk.count) {
    foundHashes = new Float64Array(chunk.count);
    foundOrdinals = new Int32Array(chunk.count);
  }
  const read = readEntries(chunk, hash, foundHashes, foundOrdinals);
  let seen = 0;
  for (let i = 0; i < read; i++) if (foundHashes[i] === hash && ++seen === occurrence) return foundOrdinals[i];
  return undefined;
}

/** The `passage_kinds` rows for the kind codes of every passage in reading order. */
export function encodeKindChunks(codes: Uint8Array): { chunk: number; data: Buffer }[] {
  const out: { chunk: number; data: Buffer }[] = [];
  for (let chunk = 0; chunk * KIND_CHUNK < codes.length; chunk++) {
    const part = codes.subarray(chunk * KIND_CHUNK, (chunk + 1) * KIND_CHUNK);
    out.push({ chunk, data: framed(`kinds/${chunk}`, deflateRawSync(part, { level: 9 })) });
  }
  return out;
}

/** A `passage_kinds` row of `length` passages, checked; throws an Error saying what is wrong. */
export function decodeKindChunk(chunk: number, blob: unknown, length: number): Uint8Array {
  const payload = unframed(`kinds/${chunk}`, blob, `the passage kinds chunk ${chunk}`);
  let codes: Uint8Array;
  try {
    // One output chunk for the whole chunk of kinds: zlib's 16 KiB default took four and a copy to join them.
    codes = inflateRawSync(payload, { chunkSize: Math.max(length, 64) + 1 });
  } catch {
    throw new Error(`the passage kinds chunk ${chunk} cannot be read`);
  }
  if (codes.length !== length) throw new Error(`the passage kinds chunk ${chunk} holds ${codes.length} passages`);
  return codes;
}
