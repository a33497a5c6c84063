/**
 * The vocabulary on disk: `search_terms(key TEXT PRIMARY KEY, data BLOB) WITHOUT ROWID`, the terms in
 * SQLite's order (code point order) in blocks of up to TERM_BLOCK terms and TERM_BLOCK_BYTES. `key` is the block's first term ('' for
 * the first block), so the block that would hold a term is the last one keyed at or below it, and
 * a prefix's terms are the blocks from there on. Each block names its number and the next block's
 * key, so a block lost or renamed by damage is noticed, never read as "no such word".
 *
 * Payload: varints block number, next key + 1 in UTF-8 bytes (0 for the last block) and those bytes,
 * term count; then per term the bytes it shares with the previous term (UTF-8), its other bytes,
 * lunr's term index, its document count, and its postings: 0 when they are a `search_postings` row
 * of their own, else their length + 1 and the bytes (a rare term's postings are a few bytes, less
 * than a row of their own costs). A row of its own per term, with its checksum, cost about 24 bytes
 * a term, and its postings row another 12.
 *
 * The blob is framed with a checksum of its key and bytes (checksum.ts).
 */
import { framed, unframed } from './checksum';
import { ByteReader, ByteWriter } from './varint';

/** Terms per block, at most. */
export const TERM_BLOCK = 128;
/**
 * A block's bytes with its key, at most (but for a single term longer than that): SQLite keeps a row
 * of up to about 1,000 bytes in its B-tree page (4 KiB pages), and puts the rest of a longer one in
 * an overflow page of its own, mostly empty.
 */
export const TERM_BLOCK_BYTES = 960;
/** A block's bytes before its entries, at most, with the next key's bytes counted apart. */
export const TERM_BLOCK_HEADER_BYTES = 16;
/** Postings up to this many bytes are kept in the term's block. */
export const INLINE_POSTING_BYTES = 128;

/** Bytes of a varint. */
function varintBytes(n: number): number {
  let bytes = 1;
  for (let v = n; v >= 0x80; v = Math.floor(v / 0x80)) bytes++;
  return bytes;
}

/** The bytes `entry` (UTF-8 `term`) takes in a block after a term of UTF-8 `previous`. */
export function termEntryBytes(entry: TermEntry, term: Uint8Array, previous: Uint8Array): number {
  let shared = 0;
  const most = Math.min(previous.length, term.length);
  while (shared < most && previous[shared] === term[shared]) shared++;
  const rest = term.length - shared;
  const postings = entry.postings ? varintBytes(entry.postings.length + 1) + entry.postings.length : 1;
  return varintBytes(shared) + varintBytes(rest) + rest + varintBytes(entry.tid) + varintBytes(entry.df) + postings;
}

export interface TermEntry {
  term: string;
  /** lunr's term index. */
  tid: number;
  /** Documents holding the term. */
  df: number;
  /** The postings, when kept in the block; null when they are the `search_postings` row of `tid`. */
  postings: Uint8Array | null;
}

export interface TermBlock {
  index: number;
  key: string;
  /** The next block's key, null for the last block. */
  next: string | null;
  entries: TermEntry[];
}

const frameKey = (key: string): string => `terms:${key}`;

/** The stored blob of block `index` keyed `key` (its first term, '' for block 0). */
export function encodeTermBlock(
  index: number,
  key: string,
  next: string | null,
  entries: readonly TermEntry[],
): Buffer {
  const w = new ByteWriter(64 + entries.length * 16);
  w.uint(index);
  if (next === null) w.uint(0);
  else {
    const bytes = Buffer.from(next, 'utf8');
    w.uint(bytes.length + 1);
    w.raw(bytes);
  }
  w.uint(entries.length);
  let previous: Buffer = Buffer.alloc(0);
  for (const entry of entries) {
    const bytes = Buffer.from(entry.term, 'utf8');
    let shared = 0;
    const most = Math.min(previous.length, bytes.length);
    while (shared < most && previous[shared] === bytes[shared]) shared++;
    w.uint(shared);
    w.uint(bytes.length - shared);
    w.raw(bytes.subarray(shared));
    w.uint(entry.tid);
    w.uint(entry.df);
    if (entry.postings === null) w.uint(0);
    else {
      w.uint(entry.postings.length + 1);
      w.raw(entry.postings);
    }
    previous = bytes;
  }
  return framed(frameKey(key), w.bytes());
}

/** A stored block, checked against its checksum; throws an Error saying what is wrong. */
export function decodeTermBlock(key: string, blob: unknown): TermBlock {
  const data = unframed(frameKey(key), blob, `the term block at "${key}"`);
  const r = new ByteReader(data);
  const index = r.uint();
  const nextLength = r.uint();
  const next = nextLength === 0 ? null : utf8(r.take(nextLength - 1));
  const count = r.uint();
  const entries: TermEntry[] = [];
  let previous: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < count; i++) {
    const shared = r.uint();
    const rest = r.take(r.uint());
    if (shared > previous.length) throw new Error(`the term block at "${key}" is malformed`);
    const bytes = new Uint8Array(shared + rest.length);
    bytes.set(previous.subarray(0, shared), 0);
    bytes.set(rest, shared);
    const tid = r.uint();
    const df = r.uint();
    const inline = r.uint();
    entries.push({ term: utf8(bytes), tid, df, postings: inline === 0 ? null : r.take(inline - 1) });
    previous = bytes;
  }
  if (!r.done) throw new Error(`the term block at "${key}" is malformed`);
  return { index, key, next, entries };
}

function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
}
