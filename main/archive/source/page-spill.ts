/**
 * Where a saved site's pages wait between reading and writing: each page's passages, serialized, in
 * one temporary file, read back by page. A site of a million passages would not fit in memory as
 * objects (the pages' texts alone are a few hundred megabytes, the objects around them several times
 * that); on disk it costs one read per page when the pack is written.
 *
 * The file is removed as soon as it is open where the system allows it (it then disappears with the
 * process, however that ends), else when the spill is closed.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize } from 'node:v8';

export class PageSpill {
  private readonly dir: string;
  private fd: number | null;
  private removed = false;
  private size = 0;
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'folio-build-'));
    const file = join(this.dir, 'pages');
    this.fd = openSync(file, 'w+', 0o600);
    try {
      rmSync(this.dir, { recursive: true });
      this.removed = true;
    } catch {
      // Windows keeps an open file: it goes on close().
    }
  }

  /** Pages held. */
  get length(): number {
    return this.offsets.length;
  }

  /** Appends a page's serialized passages (node:v8); returns its number. */
  append(bytes: Uint8Array): number {
    const fd = this.open();
    for (let written = 0; written < bytes.length;)
      written += writeSync(fd, bytes, written, bytes.length - written, this.size + written);
    this.offsets.push(this.size);
    this.lengths.push(bytes.length);
    this.size += bytes.length;
    return this.offsets.length - 1;
  }

  /** Page `index`'s passages, as appended. */
  read<T>(index: number): T {
    const fd = this.open();
    const length = this.lengths[index]!;
    const bytes = Buffer.allocUnsafe(length);
    for (let got = 0; got < length;) {
      const n = readSync(fd, bytes, got, length - got, this.offsets[index]! + got);
      if (n === 0) throw new Error('internal: the build spill file ended early');
      got += n;
    }
    return deserialize(bytes) as T;
  }

  /** Closes and removes the file; the spill cannot be read afterwards. */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    if (!this.removed) rmSync(this.dir, { recursive: true, force: true });
    this.removed = true;
  }

  private open(): number {
    if (this.fd === null) throw new Error('internal: the build spill was closed');
    return this.fd;
  }
}
