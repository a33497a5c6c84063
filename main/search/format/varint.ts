/** Unsigned LEB128 varints over plain byte arrays: the integers of every search blob. */

export class ByteWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(initial = 1024) {
    this.buf = new Uint8Array(initial);
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  /** Non-negative integer up to 2^53. */
  uint(value: number): void {
    this.ensure(8);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.length++] = v;
  }

  /** Signed integer, zigzag-encoded. */
  int(value: number): void {
    this.uint(value < 0 ? -2 * value - 1 : 2 * value);
  }

  /** Bytes as they are. */
  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }

  float64(value: number): void {
    this.ensure(8);
    new DataView(this.buf.buffer, this.buf.byteOffset + this.length, 8).setFloat64(0, value, true);
    this.length += 8;
  }

  bytes(): Buffer {
    return Buffer.from(this.buf.buffer, this.buf.byteOffset, this.length);
  }

  reset(): void {
    this.length = 0;
  }
}

export class ByteReader {
  pos = 0;
  private readonly view: DataView;

  constructor(readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  uint(): number {
    const buf = this.buf;
    let b = buf[this.pos++];
    if (b === undefined) throw new RangeError('varint past end of buffer');
    if (b < 0x80) return b;
    let result = b & 0x7f;
    let mul = 0x80;
    for (;;) {
      b = buf[this.pos++];
      if (b === undefined) throw new RangeError('varint past end of buffer');
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 0x80;
      if (mul > 2 ** 56) throw new RangeError('varint too long');
    }
  }

  int(): number {
    const u = this.uint();
    return u % 2 === 1 ? -(u + 1) / 2 : u / 2;
  }

  /** The next `length` bytes (a view, not a copy). */
  take(length: number): Uint8Array {
    if (this.pos + length > this.buf.length) throw new RangeError('bytes past end of buffer');
    const bytes = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return bytes;
  }

  float64(): number {
    if (this.pos + 8 > this.buf.length) throw new RangeError('float past end of buffer');
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }
}
