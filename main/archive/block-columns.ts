/**
 * A decompressed text block (a StoredBlock as JSON: one array per column, a value per passage),
 * read one passage at a time. One pass over the bytes finds where each value starts and ends, and
 * a value is parsed only when asked for. A search shows 30 passages from as many blocks: parsing
 * each whole block (250 passages of text, content trees and provenance) to use one passage cost
 * 0.25 ms a block and as much again in garbage collection, most of a page of hits on a large
 * archive. The bytes are UTF-8: every byte the scan looks at (quotes, backslashes, brackets,
 * commas) is ASCII, and no byte of a multi-byte character is.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function skipSpace(json: Buffer, from: number): number {
  let i = from;
  while (i < json.length && isSpace(json[i]!)) i++;
  return i;
}

/** Past `byte` (after any space) from `from`; throws when something else is there. */
function expect(json: Buffer, from: number, byte: number): number {
  const i = skipSpace(json, from);
  if (json[i] !== byte) throw new Error(`text block: "${String.fromCharCode(byte)}" expected at ${i}`);
  return i + 1;
}

/**
 * Past the closing quote of the string opening at `open`: the next quote not escaped by an odd run
 * of backslashes. Quotes are searched for in `latin1`, the same bytes as a string (one character a
 * byte, so offsets agree): String#indexOf is a builtin, where Buffer#indexOf calls into C++, and a
 * block holds thousands of short strings.
 */
function stringEnd(json: Buffer, latin1: string, open: number): number {
  let q = open;
  for (;;) {
    q = latin1.indexOf('"', q + 1);
    if (q < 0) throw new Error('text block: unterminated string');
    let slashes = 0;
    while (json[q - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return q + 1;
  }
}

/** Where the value at `from` ends (a string, a number, a literal, or a nested array or object). */
function skipValue(json: Buffer, latin1: string, from: number): number {
  const n = json.length;
  let i = from;
  let depth = 0;
  for (;;) {
    if (i >= n) throw new Error('text block: truncated');
    const b = json[i]!;
    if (b === QUOTE) {
      i = stringEnd(json, latin1, i);
      if (depth === 0) return i;
    } else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
      depth++;
      i++;
    } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) {
      if (depth === 0) return i;
      depth--;
      i++;
      if (depth === 0) return i;
    } else if (b === COMMA && depth === 0) return i;
    else i++;
  }
}

export class BlockColumns {
  private constructor(
    private readonly json: Buffer,
    /** By column·rows + row: where the value starts, and where it ends (exclusive). */
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    readonly rows: number,
  ) {}

  /** What the block holds in memory, about. */
  get sizeInBytes(): number {
    return this.json.length + this.starts.byteLength * 2;
  }

  /**
   * Indexes `json`, an array of `columns` arrays of `rows` values each. Throws an Error when it is
   * not (a value itself is checked when it is parsed).
   */
  static index(json: Buffer, columns: number, rows: number): BlockColumns {
    // The cursor is a local of this function and of skipValue, never a variable closures share: V8
    // keeps a captured `let` in a heap context, and the scan touches it for every byte.
    const starts = new Int32Array(columns * rows);
    const ends = new Int32Array(columns * rows);
    const n = json.length;
    const latin1 = json.toString('latin1');
    let i = expect(json, 0, OPEN_ARRAY);
    for (let c = 0; c < columns; c++) {
      if (c > 0) i = expect(json, i, COMMA);
      i = expect(json, i, OPEN_ARRAY);
      for (let r = 0; r < rows; r++) {
        if (r > 0) i = expect(json, i, COMMA);
        i = skipSpace(json, i);
        const at = c * rows + r;
        starts[at] = i;
        i = skipValue(json, latin1, i);
        ends[at] = i;
        if (i === starts[at]) throw new Error(`text block: column ${c} has ${r} values`);
      }
      i = expect(json, i, CLOSE_ARRAY);
    }
    i = skipSpace(json, expect(json, i, CLOSE_ARRAY));
    if (i !== n) throw new Error('text block: bytes after its columns');
    return new BlockColumns(json, starts, ends, rows);
  }

  /** The value of `column` for passage `row` of the block; throws a SyntaxError when it is malformed. */
  value(column: number, row: number): unknown {
    const at = column * this.rows + row;
    const start = this.starts[at]!;
    const end = this.ends[at]!;
    const json = this.json;
    const first = json[start]!;
    // The common shapes without JSON.parse: null, small numbers, strings without escapes.
    if (first === 0x6e && end - start === 4 && json.toString('latin1', start, end) === 'null') return null;
    if (first === QUOTE) {
      const close = end - 1;
      if (close > start && json[close] === QUOTE) {
        let plain = true;
        for (let i = start + 1; i < close; i++)
          if (json[i] === BACKSLASH) {
            plain = false;
            break;
          }
        if (plain) return json.toString('utf8', start + 1, close);
      }
    }
    return JSON.parse(json.toString('utf8', start, end)) as unknown;
  }
}
