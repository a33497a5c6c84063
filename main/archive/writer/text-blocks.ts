/**
 * Passages are stored as JSON records in Brotli-compressed blocks of consecutive passages, about
 * TEXT_BLOCK_BYTES before compression: a section view decompresses one or two blocks.
 */
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import type { Passage } from '../../model/archive';
import { plainText } from '../../model/passage-content';
import { KIND_CODES, TEXT_BLOCK_BYTES, type StoredPassage } from '../pack-schema';

export interface TextBlock {
  id: number;
  /** Reading-order position of the block's first passage. */
  firstPassage: number;
  passageCount: number;
  /** The compressed JSON array of StoredPassage records. */
  data: Buffer;
}

/**
 * Brotli settings for one text block. The window is sized to the block: brotli's default 4 MiB
 * window costs more to set up than a 32 KiB block costs to compress (on the Python documentation,
 * 8.0 s against 0.6 s for the same bytes), and a window that covers the block loses nothing.
 */
function brotliParams(bytes: number): { params: Record<number, number> } {
  const window = Math.min(
    zlib.BROTLI_MAX_WINDOW_BITS,
    Math.max(zlib.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(bytes + 16))),
  );
  return {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: 9,
      [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
      [zlib.BROTLI_PARAM_LGWIN]: window,
      [zlib.BROTLI_PARAM_SIZE_HINT]: bytes,
    },
  };
}

/** A passage's kind as the pack stores it: its index in KIND_CODES. */
export function kindCode(passage: Passage): number {
  return KIND_CODES.indexOf(passage.kind);
}

function storedPassage(p: Passage): StoredPassage {
  const content = p.content ?? null;
  return [
    p.id,
    kindCode(p),
    content && plainText(content) === p.text ? '' : p.text,
    p.title,
    p.level,
    p.media?.id ?? null,
    p.repeatOf,
    p.provenance.file,
    p.provenance.lines[0],
    p.provenance.lines[1],
    content,
    p.lang ?? null,
  ];
}

/** Takes passages in reading order and hands each block to `emit` as soon as it is full. */
export class TextBlockPacker {
  private records: StoredPassage[] = [];
  private first = 0;
  private bytes = 0;
  private nextId = 0;

  constructor(private readonly emit: (block: TextBlock) => void) {}

  add(passage: Passage): void {
    // An estimate, not the JSON size: close enough to bound a block, and cheap.
    const bytes = passage.text.length + 64;
    if (this.bytes > 0 && this.bytes + bytes > TEXT_BLOCK_BYTES) this.flush();
    if (this.records.length === 0) this.first = passage.ordinal;
    this.records.push(storedPassage(passage));
    this.bytes += bytes;
  }

  /** Emits the last, partly filled block. */
  finish(): void {
    this.flush();
  }

  private flush(): void {
    if (this.records.length === 0) return;
    const raw = Buffer.from(JSON.stringify(this.records), 'utf8');
    const data = brotliCompressSync(raw, brotliParams(raw.length));
    this.emit({ id: this.nextId++, firstPassage: this.first, passageCount: this.records.length, data });
    this.records = [];
    this.bytes = 0;
  }
}
