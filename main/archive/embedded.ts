/**
 * The embedded default archive (Korea 1945–1960). Its source lives in archive/korean-war; the pack is
 * built from it on install and rebuilt here whenever the source or the indexing code is newer.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { newestMtime, projectRoot } from '../paths';
import { buildPack, type BuildOptions } from './build';

export const EMBEDDED_ARCHIVE_NAME = 'korean-war';

export function embeddedSourceDir(): string {
  return join(projectRoot(), 'archive', EMBEDDED_ARCHIVE_NAME);
}

/** Path of the embedded pack, (re)built first if it is missing or older than what it is built from. */
export function embeddedPackPath(options: BuildOptions = {}): string {
  const override = process.env.FOLIO_EMBEDDED_PACK;
  if (override) return override;
  const root = projectRoot();
  const pack = join(root, 'out', 'archive', `${EMBEDDED_ARCHIVE_NAME}.folio`);
  const source = embeddedSourceDir();
  const inputs = Math.max(newestMtime(source), newestMtime(join(root, 'main', 'archive')), newestMtime(join(root, 'main', 'search')));
  if (!existsSync(pack) || statSync(pack).mtimeMs < inputs) {
    mkdirSync(dirname(pack), { recursive: true });
    buildPack(source, pack, options);
  }
  return pack;
}
