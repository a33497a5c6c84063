/**
 * A decompressed text block read one value at a time. The block is its values column by column
 * (pack-schema.ts, StoredBlock), each value's JSON.stringify followed by a newline: JSON.stringify
 * writes no newline of its own (it escapes control characters and indents nothing), and no byte of
 * a multi-byte UTF-8 character is one, so the newlines are where the values end. Finding them is
 * one indexOf per value (V8's TypedArray#indexOf, see below); a value is parsed only when asked for.
 *
 * Why lines: parsing each whole block (250 passages of text, content trees and provenance) to show
 * one passage of a search hit cost 0.25 ms a block and as much again in garbage collection, and a
 * hand-written scan of the JSON for value boundaries cost 8–30 ms per cold search on the large pack
 * (it ran byte by byte in the interpreter). Finding the lines of 40 blocks of the large pack in a
 * fresh process takes 5.4 ms (the scan 24 ms, JSON.parse of the blocks 11 ms); warm, 26 µs a block
 * (the scan 64 µs). A table of offsets ahead of the values needs no search at all, but its lengths
 * do not compress: 3–7% more block bytes as varints, 19–27% as uint32s, against none for newlines
 * (they replace the commas).
 *
 * The newlines are found in the bytes themselves, not in a Latin-1 string of the block: as fast warm
 * (30 µs a block), and that string was 64 KB of garbage a block, 7.7 of the 33 MB a search of the
 * large pack's ten queries of several words allocated (each page reads 20 to 30 blocks), so a
 * scavenge fell inside a search more often.
 */

const NEWLINE = 0x0a;

/**
 * The first blocks of a process find their newlines with V8's TypedArray#indexOf, a builtin (called
 * on a plain Uint8Array view of the bytes: Buffer overrides it), the later ones with Buffer#indexOf
 * (memchr). The first blocks Buffer#indexOf indexes in a fresh process cost milliseconds (Node's
 * JavaScript wrapper compiled and optimised into this loop while it runs): the newlines of 10 blocks
 * of the large pack took 8.8 ms that way, 2.5 with the builtin (medians of 15 fresh processes), most
 * of it in the first block. Warm, the builtin costs more (70 µs a block against 40): a one-shot
 * search reads 10 to 40 blocks, a server thousands.
 */
const BUILTIN_BLOCKS = 64;
let indexed = 0;

export class TextBlockValues {
  private constructor(
    private readonly bytes: Buffer,
    /** By column·rows + row: where the value's newline is (its end, exclusive). */
    private readonly ends: Int32Array,
    readonly rows: number,
  ) {}

  /** What the block holds in memory, about: the whole buffer its bytes are a view of (zlib's output chunk). */
  get sizeInBytes(): number {
    return this.bytes.buffer.byteLength + this.ends.byteLength;
  }

  /**
   * Indexes `bytes`, `columns`·`rows` values each ended by a newline, and nothing after. Throws an
   * Error when it is not (a value itself is checked when it is parsed).
   */
  static index(bytes: Buffer, columns: number, rows: number): TextBlockValues {
    const count = columns * rows;
    const ends = new Int32Array(count);
    const view = indexed++ < BUILTIN_BLOCKS ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) : null;
    let start = 0;
    for (let i = 0; i < count; i++) {
      const end = view ? view.indexOf(NEWLINE, start) : bytes.indexOf(NEWLINE, start);
      if (end < 0) throw new Error(`text block: ${i} of ${count} values`);
      // JSON.stringify writes no empty value.
      if (end === start) throw new Error(`text block: value ${i} is empty`);
      ends[i] = end;
      start = end + 1;
    }
    if (start !== bytes.length) throw new Error('text block: bytes after its values');
    return new TextBlockValues(bytes, ends, rows);
  }

  /** The value of `column` for passage `row` of the block; throws a SyntaxError when it is malformed. */
  value(column: number, row: number): unknown {
    const at = column * this.rows + row;
    const start = at === 0 ? 0 : this.ends[at - 1]! + 1;
    const end = this.ends[at]!;
    return JSON.parse(this.bytes.toString('utf8', start, end)) as unknown;
  }
}
