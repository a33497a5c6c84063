/** Reads an archive source folder of either kind: curated (it has folio.json) or a plain website folder. */
import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SourceError } from '../../model/errors';
import type { ArchiveSource, ReadOptions } from './archive-source';
import { readCuratedSource } from './curated-source';
import { readWebsiteSource } from './website-source';

/** Throws SourceError, naming the file and line, for anything that cannot be built. */
export function readSource(sourceDir: string, options: ReadOptions = {}): ArchiveSource {
  if (!existsSync(sourceDir) || !statSync(sourceDir).isDirectory()) throw new SourceError(`${sourceDir}: not a folder`);
  // Every file read must lie inside the real folder (source-file.ts): resolve the folder's own links
  // first, with the same realpath as the files', so that the two compare.
  const root = realpathSync.native(resolve(sourceDir));
  let hasManifest = false;
  try {
    lstatSync(join(root, 'folio.json'));
    hasManifest = true;
  } catch {
    // No folio.json: a saved website.
  }
  return hasManifest ? readCuratedSource(root, options) : readWebsiteSource(root, options);
}
