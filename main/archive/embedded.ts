/**
 * The embedded default archive. Its source lives in archive/korean-war; the pack is built from it on
 * install and rebuilt here whenever the source or the indexing code is newer than it.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildPack, type BuildOptions } from './writer/build-pack';
import { EMBEDDED_ARCHIVE_NAME, embeddedPackStatus, embeddedSourceDir } from './embedded-location';

export { EMBEDDED_ARCHIVE_NAME, embeddedPackStatus, embeddedSourceDir };

/** Path of the embedded pack, (re)built first if it is missing or older than what it is built from. */
export function embeddedPackPath(options: BuildOptions = {}): string {
  const { path, stale } = embeddedPackStatus();
  if (stale) {
    mkdirSync(dirname(path), { recursive: true });
    buildPack(embeddedSourceDir(), path, options);
  }
  return path;
}
