/**
 * The indexer's postings in the order they are met, as parallel arrays in fixed chunks: a doubling
 * array would copy itself and, at ten million postings, briefly hold three times what it needs.
 * Every full chunk waits in a temporary file until the index is finished: a million documents'
 * postings (13 bytes each, 130 MB on a large saved site) are not in memory while the pack's text is
 * written, nor beside the sorted arrays the finished index is made of.
 *
 * The file is removed as soon as it is open where the system allows it (it then disappears with the
 * process, however that ends), else when the log is closed.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
  private file: { fd: number; dir: string; removed: boolean } | null = null;
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
    const file = this.file;
    this.file = null;
    if (!file) return;
    closeSync(file.fd);
    if (!file.removed) rmSync(file.dir, { recursive: true, force: true });
  }

  private spill(chunk: Chunk): void {
    const file = this.file ?? (this.file = openSpill());
    let position = this.spilled * CHUNK_BYTES;
    for (const bytes of chunk.columns())
      for (let written = 0; written < bytes.length;) {
        const n = writeSync(file.fd, bytes, written, bytes.length - written, position);
        written += n;
        position += n;
      }
    this.spilled++;
  }

  private readBack(index: number, into: Chunk): void {
    const fd = this.file!.fd;
    let position = index * CHUNK_BYTES;
    for (const bytes of into.columns())
      for (let got = 0; got < bytes.length;) {
        const n = readSync(fd, bytes, got, bytes.length - got, position);
        if (n === 0) throw new Error('internal: the search index spill file ended early');
        got += n;
        position += n;
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

function openSpill(): { fd: number; dir: string; removed: boolean } {
  const dir = mkdtempSync(join(tmpdir(), 'folio-index-'));
  const fd = openSync(join(dir, 'postings'), 'w+', 0o600);
  try {
    rmSync(dir, { recursive: true });
    return { fd, dir, removed: true };
  } catch {
    // Windows keeps an open file: it goes on close().
    return { fd, dir, removed: false };
  }
}
