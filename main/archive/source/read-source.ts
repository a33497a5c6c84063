/** Reads an archive source folder of either kind: curated (it has folio.json) or a plain website folder. */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SourceError } from '../../model/errors';
import type { ArchiveSource, ReadOptions, ReadProgress } from './archive-source';
import { readCuratedSource } from './curated-source';
import { readWebsiteSource } from './website-source';

/** Throws SourceError, naming the file and line, for anything that cannot be built. */
export function readSource(sourceDir: string, onProgress?: ReadProgress, options: ReadOptions = {}): ArchiveSource {
  const root = resolve(sourceDir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new SourceError(`${sourceDir}: not a folder`);
  return existsSync(join(root, 'folio.json'))
    ? readCuratedSource(root, onProgress, options)
    : readWebsiteSource(root, onProgress, options);
}
