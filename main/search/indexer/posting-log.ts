/**
 * The indexer's postings in the order they are met, as parallel arrays in fixed chunks: a doubling
 * array would copy itself and, at ten million postings, briefly hold three times what it needs.
 * Every full chunk waits in a temporary file until the index is finished: a million documents'
 * postings (13 bytes each, 130 MB on a large saved site) are not in memory while the pack's text is
 * written, nor beside the sorted arrays the finished index is made of.
 * The file is a ScratchFile: no other process sees it, and it goes with this one.
 */
import { ScratchFile } from '../../scratch-file';

/** Postings per chunk. */
export const LOG_CHUNK = 1 << 20;

/** One chunk's columns. */
class Chunk {
  readonly termIndices = new Int32Array(LOG_CHUNK);
  readonly fields = new Uint8Array(LOG_CHUNK);
  readonly ordinals = new Int32Array(LOG_CHUNK);
  readonly termFrequencies = new Int32Array(LOG_CHUNK);

  /** The columns as bytes, in the order they are written to and read from the file. */
  columns(): Uint8Array[] {
    return [this.termIndices, this.fields, this.ordinals, this.termFrequencies].map(
      (column) => new Uint8Array(column.buffer, column.byteOffset, column.byteLength),
    );
  }
}

/** Bytes of one chunk in the file. */
const CHUNK_BYTES = LOG_CHUNK * 13;

export class PostingLog {
  private chunk: Chunk | null = new Chunk();
  private spilled = 0;
  private file: ScratchFile | null = null;
  length = 0;

  push(termIndex: number, field: number, ordinal: number, termFrequency: number): void {
    const chunk = this.chunk;
    if (!chunk) throw new Error('search index: a posting logged after the log was read');
    const at = this.length & (LOG_CHUNK - 1);
    chunk.termIndices[at] = termIndex;
    chunk.fields[at] = field;
    chunk.ordinals[at] = ordinal;
    chunk.termFrequencies[at] = termFrequency;
    this.length++;
    if (at === LOG_CHUNK - 1) this.spill(chunk);
  }

  /**
   * Calls `visit` for every posting in log order; `last` closes the log once visited (the last walk,
   * as the postings move into their sorted arrays).
   */
  forEach(
    visit: (termIndex: number, field: number, ordinal: number, termFrequency: number) => void,
    last = false,
  ): void {
    const current = this.chunk;
    if (!current) throw new Error('search index: the posting log was read to its end already');
    const buffer = this.spilled > 0 ? new Chunk() : null;
    for (let c = 0; c < this.spilled; c++) {
      this.readBack(c, buffer!);
      walk(buffer!, LOG_CHUNK, visit);
    }
    walk(current, this.length - this.spilled * LOG_CHUNK, visit);
    if (last) this.close();
  }

  /** Lets go of the postings and removes the file (also after a failed build). */
  close(): void {
    this.chunk = null;
    this.file?.close();
    this.file = null;
  }

  private spill(chunk: Chunk): void {
    const file = (this.file ??= new ScratchFile('folio-index-', 'search index spill file'));
    let position = this.spilled * CHUNK_BYTES;
    for (const bytes of chunk.columns()) {
      file.write(bytes, position);
      position += bytes.length;
    }
    this.spilled++;
  }

  private readBack(index: number, into: Chunk): void {
    let position = index * CHUNK_BYTES;
    for (const bytes of into.columns()) {
      this.file!.read(bytes, position);
      position += bytes.length;
    }
  }
}

function walk(
  chunk: Chunk,
  count: number,
  visit: (termIndex: number, field: number, ordinal: number, termFrequency: number) => void,
): void {
  const { termIndices, fields, ordinals, termFrequencies } = chunk;
  for (let i = 0; i < count; i++) visit(termIndices[i]!, fields[i]!, ordinals[i]!, termFrequencies[i]!);
}
