import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { framed, rowChecksum, unframed } from '../../main/search/format/checksum';

/** The serialisation rowChecksum documents, written out whole: the CRC packs were built with. */
function reference(values: unknown[]): number {
  const parts: Buffer[] = [];
  for (const value of values) {
    if (value === null || value === undefined) parts.push(Buffer.from([0]));
    else if (typeof value === 'number') {
      const b = Buffer.alloc(9);
      b[0] = 1;
      b.writeDoubleLE(value, 1);
      parts.push(b);
    } else if (typeof value === 'string') {
      const text = Buffer.from(value, 'utf8');
      const head = Buffer.alloc(5);
      head[0] = 2;
      head.writeUInt32LE(text.length, 1);
      parts.push(head, text);
    } else if (value instanceof Uint8Array) {
      const head = Buffer.alloc(5);
      head[0] = 3;
      head.writeUInt32LE(value.length, 1);
      parts.push(head, Buffer.from(value));
    } else parts.push(Buffer.from([4]));
  }
  return crc32(Buffer.concat(parts)) | 0;
}

function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + seed * 7) & 0xff;
  return out;
}

describe('rowChecksum', () => {
  it('is the CRC-32 of the values serialised in order, blobs included, whatever their place and size', () => {
    const rows: unknown[][] = [
      ['field_lengths', bytes(400_000, 1)],
      ['block', 3, 0, 120, bytes(20_000, 2)],
      [bytes(0, 0), 'after an empty blob', 1.5, null],
      ['a', bytes(3000, 3), 'between', bytes(5, 4), -0, 2 ** 53, 'ünïcödé 索引', undefined, true],
      [bytes(70_000, 5), bytes(70_000, 6), bytes(1, 7)],
      ['no blob', 42, null],
      [],
    ];
    for (const row of rows) expect(rowChecksum(row)).toBe(reference(row));
  });

  it('frames a blob so that only its own key unframes it', () => {
    const payload = bytes(100_000, 9);
    const blob = framed('idf', payload);
    expect(Buffer.from(unframed('idf', blob, 'the idf table')).equals(Buffer.from(payload))).toBe(true);
    expect(() => unframed('field_lengths', blob, 'the field lengths')).toThrow('the field lengths fails its checksum');
    const damaged = Buffer.from(blob);
    damaged[50_000] = damaged[50_000]! ^ 1;
    expect(() => unframed('idf', damaged, 'the idf table')).toThrow('the idf table fails its checksum');
  });
});
