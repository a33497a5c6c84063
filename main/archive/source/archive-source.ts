/** What reading a source folder yields, whichever kind of folder it was: the builder's input. */
import type { Manifest } from '../../model/archive';
import type { OutlineBlock, SourceBlock } from './blocks';

export interface ArchiveSource {
  /** The source folder, absolute and real (symbolic links resolved); media references are relative to it. */
  root: string;
  manifest: Manifest;
  /**
   * Section starts and passages of every content file, in reading order. It may be iterated more
   * than once; a saved website's is read back from disk each time (website-source.ts).
   */
  blocks: Iterable<SourceBlock>;
  /** The same blocks outlined (blocks.ts), when the source can give them cheaper than `blocks`; read once. */
  outline?: Iterable<OutlineBlock>;
  /** Lets go of what reading left on disk and in memory (the source is not read again); a source that left nothing has none. */
  close?: () => void;
  /** The source of record every passage must match (curated sources that name one), else null. */
  recordFile: string | null;
  /**
   * What becomes of a file that may not be read (a link leading outside the folder, a device, a file
   * over its size limit): a curated source is refused, as its curator can fix it; a saved website
   * skips it with a warning, as one page or picture of a site is no reason to lose the rest.
   */
  unreadable: 'refuse' | 'skip';
}

/** Called as files are read: how many of how many. */
export type ReadProgress = (done: number, total: number) => void;

/** How to read a source, and how reading reports back: progress, and one line per file skipped (saved websites only). */
export interface ReadOptions {
  onProgress?: ReadProgress;
  onWarning?: (message: string) => void;
  /** Keep navigation bars, breadcrumbs and footers as passages (`folio build --keep-boilerplate`). */
  keepBoilerplate?: boolean;
}
