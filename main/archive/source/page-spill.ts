/**
 * Where a saved site's pages wait between reading and writing: each page's passages, serialized, in
 * one temporary file, read back by page. A site of a million passages would not fit in memory as
 * objects (the pages' texts alone are a few hundred megabytes, the objects around them several times
 * that); on disk it costs one read per page when the pack is written.
 * The file is a ScratchFile: no other process sees it, and it goes with this one.
 */
import { deserialize } from 'node:v8';
import { ScratchFile } from '../../scratch-file';

export class PageSpill {
  private readonly file = new ScratchFile('folio-build-', 'build spill file');
  private size = 0;
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];

  /** Pages held. */
  get length(): number {
    return this.offsets.length;
  }

  /** Appends a page's serialized passages (node:v8); returns its number. */
  append(bytes: Uint8Array): number {
    this.file.write(bytes, this.size);
    this.offsets.push(this.size);
    this.lengths.push(bytes.length);
    this.size += bytes.length;
    return this.offsets.length - 1;
  }

  /** Page `index`'s passages, as appended. */
  read<T>(index: number): T {
    const bytes = Buffer.allocUnsafe(this.lengths[index]!);
    this.file.read(bytes, this.offsets[index]!);
    return deserialize(bytes) as T;
  }

  /** Closes and removes the file; the spill cannot be read afterwards. */
  close(): void {
    this.file.close();
  }
}
