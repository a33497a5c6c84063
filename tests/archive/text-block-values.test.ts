/**
 * A text block read one value at a time (main/archive/text-block-values.ts) gives every value that
 * parsing each of its lines gives: every block of real packs (the embedded archive; PostgreSQL's and
 * the Debian Reference's pages, with code, tables, links and Japanese), and values with escapes,
 * quotes, newlines inside strings and non-Latin text. A block that is not the counted values, one a
 * line, is refused, and a value that does not parse is never read as another.
 */
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TextBlockValues } from '../../main/archive/text-block-values';
import { BLOCK_COLUMNS } from '../../main/archive/pack-schema';
import { buildPack } from '../../main/archive/writer/build-pack';
import { openDatabase } from '../../main/sqlite';
import { tempDir } from '../helpers/temp';

const root = join(__dirname, '..', '..');
const dir = tempDir();

function blocksOf(source: string, name: string): { rows: number; bytes: Buffer }[] {
  const file = join(dir, name);
  buildPack(source, file);
  const db = openDatabase(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT passage_count, data FROM blocks ORDER BY id').all() as {
      passage_count: number;
      data: Buffer;
    }[];
    return rows.map((r) => ({ rows: r.passage_count, bytes: brotliDecompressSync(r.data) }));
  } finally {
    db.close();
  }
}

/** A block as the writer stores one: each value's JSON and a newline, column after column. */
function blockOf(columns: unknown[][]): Buffer {
  return Buffer.from(columns.map((column) => column.map((v) => `${JSON.stringify(v)}\n`).join('')).join(''));
}

/** Every value of `bytes` read through TextBlockValues, as parsing its lines reads them. */
function expectSameValues(bytes: Buffer, columns: number, rows: number): void {
  const lines = bytes.toString('utf8').split('\n');
  expect(lines).toHaveLength(columns * rows + 1);
  expect(lines.at(-1)).toBe('');
  const block = TextBlockValues.index(bytes, columns, rows);
  for (let c = 0; c < columns; c++)
    for (let r = 0; r < rows; r++) expect(block.value(c, r)).toEqual(JSON.parse(lines[c * rows + r]!));
}

describe('text blocks read a value at a time', () => {
  it('gives what parsing each line gives, on real packs', () => {
    const blocks = [
      ...blocksOf(join(root, 'archive', 'korean-war'), 'korean-war.folio'),
      ...blocksOf(join(root, 'tests', 'fixtures', 'postgresql-15'), 'postgresql.folio'),
      ...blocksOf(join(root, 'tests', 'fixtures', 'debian-reference-ja'), 'debian-reference-ja.folio'),
    ];
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    expect(blocks.reduce((n, b) => n + b.rows, 0)).toBeGreaterThan(200);
    for (const { bytes, rows } of blocks) expectSameValues(bytes, BLOCK_COLUMNS, rows);
  });

  it('reads escapes, quotes, newlines and brackets inside strings, nested content and non-Latin text', () => {
    const columns = [
      [1, -2.5e3, 0],
      ['a "quoted" word', 'ends with a backslash \\', '한국어 ],[ 日本語'],
      [null, ['p', ['a', { href: '#x,]\n' }, 'link'], ' tail'], { k: [1, { n: null }] }],
      ['\u0000\u001f\ud83d\ude00', '', 'tab\tand\nnewline\r\n\u2028'],
    ];
    const bytes = blockOf(columns);
    expectSameValues(bytes, 4, 3);
    const block = TextBlockValues.index(bytes, 4, 3);
    expect(block.value(3, 2)).toBe('tab\tand\nnewline\r\n\u2028');
    expect(block.value(1, 2)).toBe('한국어 ],[ 日本語');
    expect(block.value(2, 0)).toBeNull();
  });

  it("reads the same values from a process's first blocks as from later ones (two ways to find newlines)", () => {
    const columns = [
      [1, 2, 3],
      ['a', 'b\nc', '한국어'],
    ];
    const bytes = blockOf(columns);
    // More blocks than the builtin's share (BUILTIN_BLOCKS): the last ones go through Buffer#indexOf.
    for (let i = 0; i < 200; i++) expectSameValues(bytes, 2, 3);
  });

  it('refuses a block that is not the counted values, one a line', () => {
    const good = blockOf([
      [1, 2],
      ['a', 'b'],
    ]);
    expect(() => TextBlockValues.index(good, 2, 2)).not.toThrow();
    expect(() => TextBlockValues.index(good, 2, 3)).toThrow(/text block/u);
    expect(() => TextBlockValues.index(good, 3, 2)).toThrow(/text block/u);
    expect(() => TextBlockValues.index(good, 1, 2)).toThrow(/text block/u);
    // Truncated: the last value cut, or its newline lost.
    expect(() => TextBlockValues.index(good.subarray(0, good.length - 3), 2, 2)).toThrow(/text block/u);
    expect(() => TextBlockValues.index(good.subarray(0, good.length - 1), 2, 2)).toThrow(/text block/u);
    expect(() => TextBlockValues.index(Buffer.concat([good, Buffer.from('x')]), 2, 2)).toThrow(/text block/u);
    expect(() => TextBlockValues.index(Buffer.concat([good, Buffer.from('"c"\n')]), 2, 2)).toThrow(/text block/u);
    expect(() => TextBlockValues.index(Buffer.from('1\n\n"a"\n"b"\n'), 2, 2)).toThrow(/text block/u);
    // The old layout (one JSON array of columns) is not this one.
    expect(() => TextBlockValues.index(Buffer.from('[[1,2],["a","b"]]'), 2, 2)).toThrow(/text block/u);
  });

  it('refuses a value that does not parse when it is read, never giving another', () => {
    const block = TextBlockValues.index(Buffer.from('1\n{"a":\n"a"b"\n"tab\there"\nnul\n"\\x"\n'), 3, 2);
    expect(block.value(0, 0)).toBe(1);
    for (const [c, r] of [
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 0],
      [2, 1],
    ] as const)
      expect(() => block.value(c, r)).toThrow(SyntaxError);
  });
});
