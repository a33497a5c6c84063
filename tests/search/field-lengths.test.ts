import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeFieldLengths, encodeFieldLengths } from '../../main/search/format/field-lengths';

describe('field_lengths blob', () => {
  it('round-trips lengths of every size, including those past one byte', () => {
    for (const lengths of [
      [],
      [0],
      [254, 255, 256, 0, 1_000_000, 3, 255],
      Array.from({ length: 5000 }, (_, i) => (i * 7919) % 700),
    ]) {
      const decoded = decodeFieldLengths(encodeFieldLengths(lengths), lengths.length);
      expect(Array.from({ length: decoded.length }, (_, i) => decoded.at(i))).toEqual(lengths);
    }
  });

  it('rejects a truncated blob, a bad or short overflow list and trailing bytes', () => {
    const good = encodeFieldLengths([1, 300, 2]);
    expect(() => decodeFieldLengths(good, 10)).toThrow(/truncated/);
    expect(() => decodeFieldLengths(deflateSync(Buffer.from([1, 2, 3, 1, 0, 5])), 3)).toThrow(
      /overflow list is malformed/,
    );
    expect(() => decodeFieldLengths(deflateSync(Buffer.from([1, 2, 3, 0, 9])), 3)).toThrow(/trailing bytes/);
    // A length past one byte whose value the list lacks (the list holds the other one).
    expect(() => decodeFieldLengths(deflateSync(Buffer.from([255, 2, 255, 1, 2, 44])), 3)).toThrow(
      /field length 0 is missing from the overflow list/,
    );
    expect(() => decodeFieldLengths(Buffer.from('not deflate'), 3)).toThrow();
    // A damaged meta row's count of five billion: refused as truncated, not with zlib's own error about its chunk size.
    expect(() => decodeFieldLengths(good, 5_000_000_000)).toThrow(/truncated/);
  });
});
