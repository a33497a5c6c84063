/** What reading a source folder yields, whichever kind of folder it was: the builder's input. */
import type { Manifest } from '../../model/archive';
import type { SourceBlock } from './blocks';

export interface ArchiveSource {
  /** The source folder, absolute; media references are relative to it. */
  root: string;
  manifest: Manifest;
  /** Section starts and passages of every content file, in reading order. */
  blocks: SourceBlock[];
  /** The source of record every passage must match (curated sources that name one), else null. */
  recordFile: string | null;
}

/** Called as files are read: how many of how many. */
export type ReadProgress = (done: number, total: number) => void;

/** How to read a source. */
export interface ReadOptions {
  /** Keep navigation bars, breadcrumbs and footers as passages (`folio build --keep-boilerplate`). */
  keepBoilerplate?: boolean;
}
