/**
 * A text block read one passage at a time (main/archive/block-columns.ts) gives every value JSON.parse
 * gives of the whole block: every block of real packs (the embedded archive; PostgreSQL's and the Debian
 * Reference's pages, with code, tables, links and Japanese), and values with escapes, brackets inside strings and non-Latin text. A
 * block that is not columns of the counted passages is refused.
 */
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BlockColumns } from '../../main/archive/block-columns';
import { BLOCK_COLUMNS } from '../../main/archive/pack-schema';
import { buildPack } from '../../main/archive/writer/build-pack';
import { openDatabase } from '../../main/sqlite';
import { tempDir } from '../helpers/temp';

const root = join(__dirname, '..', '..');
const dir = tempDir();

function blocksOf(source: string, name: string): { rows: number; json: Buffer }[] {
  const file = join(dir, name);
  buildPack(source, file);
  const db = openDatabase(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT passage_count, data FROM blocks ORDER BY id').all() as {
      passage_count: number;
      data: Buffer;
    }[];
    return rows.map((r) => ({ rows: r.passage_count, json: brotliDecompressSync(r.data) }));
  } finally {
    db.close();
  }
}

/** Every value of `json` read through BlockColumns, as JSON.parse reads the whole. */
function expectSameValues(json: Buffer, columns: number, rows: number): void {
  const whole = JSON.parse(json.toString('utf8')) as unknown[][];
  const block = BlockColumns.index(json, columns, rows);
  for (let c = 0; c < columns; c++) for (let r = 0; r < rows; r++) expect(block.value(c, r)).toEqual(whole[c]![r]);
}

describe('text blocks read a passage at a time', () => {
  it('gives what parsing the whole block gives, on real packs', () => {
    const blocks = [
      ...blocksOf(join(root, 'archive', 'korean-war'), 'korean-war.folio'),
      ...blocksOf(join(root, 'tests', 'fixtures', 'postgresql-15'), 'postgresql.folio'),
      ...blocksOf(join(root, 'tests', 'fixtures', 'debian-reference-ja'), 'debian-reference-ja.folio'),
    ];
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    expect(blocks.reduce((n, b) => n + b.rows, 0)).toBeGreaterThan(200);
    for (const { json, rows } of blocks) expectSameValues(json, BLOCK_COLUMNS, rows);
  });

  it('reads escapes, brackets and commas inside strings, nested content and non-Latin text', () => {
    const columns = [
      [1, -2.5e3, 0],
      ['a "quoted" word', 'ends with a backslash \\', '한국어 ],[ 日本語'],
      [null, ['p', ['a', { href: '#x,]' }, 'link'], ' tail'], { k: [1, { n: null }] }],
      ['\u0000\u001f\ud83d\ude00', '', 'tab\tand\nnewline'],
    ];
    expectSameValues(Buffer.from(JSON.stringify(columns)), 4, 3);
    expectSameValues(Buffer.from(JSON.stringify(columns, null, 2)), 4, 3);
  });

  it('refuses a block that is not columns of the counted passages', () => {
    const good = Buffer.from(
      JSON.stringify([
        [1, 2],
        ['a', 'b'],
      ]),
    );
    expect(() => BlockColumns.index(good, 2, 2)).not.toThrow();
    expect(() => BlockColumns.index(good, 2, 3)).toThrow(/text block/u);
    expect(() => BlockColumns.index(good, 3, 2)).toThrow(/text block/u);
    expect(() => BlockColumns.index(good, 1, 2)).toThrow(/text block/u);
    expect(() => BlockColumns.index(good.subarray(0, good.length - 3), 2, 2)).toThrow(/text block/u);
    expect(() => BlockColumns.index(Buffer.from('[[1,2],["a,"b"]]'), 2, 2)).toThrow(/text block/u);
    expect(() => BlockColumns.index(Buffer.from('[[1,,2],["a","b"]]'), 2, 2)).toThrow(/text block/u);
    expect(() => BlockColumns.index(Buffer.concat([good, Buffer.from('x')]), 2, 2)).toThrow(/text block/u);
    // A value is checked when it is read.
    expect(() => BlockColumns.index(Buffer.from('[[1,2],["a",nul]]'), 2, 2).value(1, 1)).toThrow(SyntaxError);
  });
});
