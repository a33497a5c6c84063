/**
 * Checksums of stored rows and blobs, checked whenever they are read, so that a damaged pack is
 * reported instead of answered. CRC-32 (node:zlib's, native and about a gigabyte a second): damage
 * is random, not an adversary, and 32 bits leave one damaged value in four billion unnoticed.
 *
 * A row's checksum covers its values with their types, so a number that became text, or text that
 * became a blob, fails it as surely as a flipped bit. A blob's frame is its bytes followed by the
 * checksum of its key and bytes (4 bytes, little-endian): a blob read under another key fails too.
 */
import { crc32 } from 'node:zlib';

export type RowValue = string | number | Uint8Array | null;

let scratch = Buffer.allocUnsafe(1024);

function room(at: number, extra: number): void {
  if (at + extra <= scratch.length) return;
  const bigger = Buffer.allocUnsafe(Math.max(scratch.length * 2, at + extra));
  scratch.copy(bigger, 0, 0, at);
  scratch = bigger;
}

/**
 * The checksum of a row's values, as a signed 32-bit integer (SQLite stores it in 4 bytes): the
 * CRC-32 of the values serialised one after another. A blob's bytes are not copied after the rest:
 * the CRC goes on from the bytes before them (zlib's crc32 takes the CRC so far), the same number
 * without copying a 400 KB blob into a buffer grown for it.
 */
export function rowChecksum(values: readonly unknown[]): number {
  let crc = 0;
  let at = 0;
  for (const value of values) {
    if (value === null || value === undefined) {
      room(at, 1);
      scratch[at++] = 0;
    } else if (typeof value === 'number') {
      room(at, 9);
      scratch[at++] = 1;
      scratch.writeDoubleLE(value, at);
      at += 8;
    } else if (typeof value === 'string') {
      const length = Buffer.byteLength(value, 'utf8');
      room(at, 5 + length);
      scratch[at++] = 2;
      scratch.writeUInt32LE(length, at);
      at += 4 + scratch.write(value, at + 4, 'utf8');
    } else if (value instanceof Uint8Array) {
      room(at, 5);
      scratch[at++] = 3;
      scratch.writeUInt32LE(value.length, at);
      crc = crc32(value, crc32(scratch.subarray(0, at + 4), crc));
      at = 0;
    } else {
      // bigint, boolean or anything else SQLite would not have given for a value Folio wrote.
      room(at, 1);
      scratch[at++] = 4;
    }
  }
  return crc32(scratch.subarray(0, at), crc) | 0;
}

/** `payload` followed by the checksum of `key` and `payload`: how index blobs are stored. */
export function framed(key: string | number, payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(payload.length + 4);
  out.set(payload, 0);
  out.writeInt32LE(rowChecksum([key, payload]), payload.length);
  return out;
}

/** The payload of a framed blob, or an Error naming `what` when the blob is not the one stored under `key`. */
export function unframed(key: string | number, blob: unknown, what: string): Uint8Array {
  if (!(blob instanceof Uint8Array) || blob.length < 4) throw new Error(`${what} is damaged (too short)`);
  const payload = blob.subarray(0, blob.length - 4);
  const stored = Buffer.from(blob.buffer, blob.byteOffset, blob.length).readInt32LE(blob.length - 4);
  if (stored !== rowChecksum([key, payload])) throw new Error(`${what} fails its checksum`);
  return payload;
}

/** A `search_prefix` row's checksum. */
export function prefixChecksum(prefix: string, terms: string): number {
  return rowChecksum(['prefix', prefix, terms]);
}

/** The checksum of `search_meta`'s format and meta rows. */
export function searchMetaChecksum(format: unknown, meta: unknown): number {
  return rowChecksum(['search meta', format, meta]);
}
