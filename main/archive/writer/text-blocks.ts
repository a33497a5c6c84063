/**
 * Passages are stored in Brotli-compressed blocks of consecutive passages, as columns (a
 * StoredBlock: each value's JSON on a line of its own, column after column), about TEXT_BLOCK_BYTES
 * before compression: a section view decompresses one or two blocks. Columns compress better than
 * one record per passage (a sixth smaller on the PostgreSQL manual, with the ids left out).
 */
import type { Passage } from '../../model/archive';
import { plainText } from '../../model/passage-content';
import { BLOCK_COLUMNS, KIND_CODES, passageIdHash, TEXT_BLOCK_BYTES, type StoredRow } from '../pack-schema';
import { passageId } from '../passage-id';
import { BlockCompressor } from './block-compressor';

export interface TextBlock {
  id: number;
  /** Reading-order position of the block's first passage. */
  firstPassage: number;
  passageCount: number;
  /** The compressed lines of a StoredBlock. */
  data: Buffer;
}

/** A passage's kind as the pack stores it: its index in KIND_CODES. */
export function kindCode(passage: Passage): number {
  return KIND_CODES.indexOf(passage.kind);
}

/** Where a StoredRow has the passage's content. */
const CONTENT_COLUMN = 9;

function storedRow(p: Passage): StoredRow {
  const content = p.content ?? null;
  const key = passageIdHash(p.id);
  // The reader derives the id again from kind and text: a passage it would name otherwise is a bug here.
  const text = content && plainText(content) === p.text ? '' : p.text;
  if (!key || passageId(p.kind, p.text, key.occurrence) !== p.id)
    throw new Error(`internal: passage id ${p.id} is not made from its kind and text`);
  return [
    kindCode(p),
    text,
    p.title,
    p.level,
    p.media?.id ?? null,
    p.repeatOf,
    p.provenance.file,
    p.provenance.lines[0],
    p.provenance.lines[1],
    content,
    p.lang ?? null,
    key.occurrence,
  ];
}

/**
 * A row's cells as JSON, each written once: the row's size decides where a block ends, and the
 * block's columns are the same cells regrouped (a passage's content is most of a build's JSON).
 * JSON.stringify writes no newline (the reader finds a value's end by its newline: text-block-values.ts).
 */
function rowCells(row: StoredRow): string[] {
  return Array.from({ length: BLOCK_COLUMNS }, (_, c) => JSON.stringify(row[c]) ?? 'null');
}

/** What the row adds to its block, in characters: its cells, each with its newline. */
function rowBytes(cells: readonly string[]): number {
  let bytes = cells.length;
  for (const cell of cells) bytes += cell.length;
  return bytes;
}

/**
 * Takes passages in reading order and hands each block to `emit` once it is full and compressed,
 * in order (compressed in a worker thread when `threaded`: block-compressor.ts).
 */
export class TextBlockPacker {
  private rows: string[][] = [];
  private first = 0;
  private bytes = 0;
  private nextId = 0;
  private readonly compressor: BlockCompressor;

  /** `threaded`: compress in a worker thread when one can be started (block-compressor.ts). */
  constructor(
    private readonly emit: (block: TextBlock) => void,
    { threaded }: { threaded: boolean },
  ) {
    this.compressor = new BlockCompressor(threaded);
  }

  /** Adds the passage; returns its content's JSON, as the block holds it (`JSON.stringify(content ?? null)`). */
  add(passage: Passage): string {
    const cells = rowCells(storedRow(passage));
    const bytes = rowBytes(cells);
    if (this.bytes > 0 && this.bytes + bytes > TEXT_BLOCK_BYTES) this.flush();
    if (this.rows.length === 0) this.first = passage.ordinal;
    this.rows.push(cells);
    this.bytes += bytes;
    return cells[CONTENT_COLUMN]!;
  }

  /** Emits the last, partly filled block, and every block still being compressed. */
  finish(): void {
    this.flush();
    this.compressor.finish();
  }

  /** Stops compressing (after a failed build): blocks not yet emitted never are. */
  close(): void {
    this.compressor.close();
  }

  private flush(): void {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    // The StoredBlock: the cells already written, column after column, each ended by a newline.
    let lines = '';
    for (let c = 0; c < BLOCK_COLUMNS; c++) for (const row of rows) lines += `${row[c]}\n`;
    const block = { id: this.nextId++, firstPassage: this.first, passageCount: rows.length };
    this.compressor.compress(lines, (data) => this.emit({ ...block, data }));
    this.rows = [];
    this.bytes = 0;
  }
}
