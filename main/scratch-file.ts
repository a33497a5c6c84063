/**
 * A temporary file only this process sees, for a build's spills (the pages waiting to be written, the
 * index's posting log). It is made in a private folder that is removed as soon as the file is open
 * where the system allows it, so the file disappears with the process however that ends; else (Windows
 * keeps an open file) when it is closed. Reads and writes are positioned and whole.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class ScratchFile {
  private readonly dir: string;
  private fd: number | null;
  private removed = false;

  /** `prefix` names its folder in the system's temporary folder; `what` names it in errors. */
  constructor(
    prefix: string,
    private readonly what: string,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), prefix));
    this.fd = openSync(join(this.dir, 'data'), 'w+', 0o600);
    try {
      rmSync(this.dir, { recursive: true });
      this.removed = true;
    } catch {
      // Windows keeps an open file: it goes on close().
    }
  }

  /** Writes all of `bytes` at `position`. */
  write(bytes: Uint8Array, position: number): void {
    const fd = this.open();
    for (let written = 0; written < bytes.length;)
      written += writeSync(fd, bytes, written, bytes.length - written, position + written);
  }

  /** Fills `into` from `position`; the file ending first is an internal error. */
  read(into: Uint8Array, position: number): void {
    const fd = this.open();
    for (let got = 0; got < into.length;) {
      const n = readSync(fd, into, got, into.length - got, position + got);
      if (n === 0) throw new Error(`internal: the ${this.what} ended early`);
      got += n;
    }
  }

  /** Closes and removes the file (also after a failed build); it cannot be used afterwards. */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    if (!this.removed) rmSync(this.dir, { recursive: true, force: true });
    this.removed = true;
  }

  private open(): number {
    if (this.fd === null) throw new Error(`internal: the ${this.what} was closed`);
    return this.fd;
  }
}
