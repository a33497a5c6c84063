/**
 * Where the embedded default archive (Korea 1945–1960) lives and whether its pack is current, without
 * loading the builder: `folio search` on a current pack must not pay for the HTML and Markdown parsers.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newestMtime, projectRoot } from '../paths';

export const EMBEDDED_ARCHIVE_NAME = 'korean-war';

export function embeddedSourceDir(): string {
  return join(projectRoot(), 'archive', EMBEDDED_ARCHIVE_NAME);
}

/** The pack's path, and whether it must be (re)built: missing, or older than its source or the indexing code. */
export function embeddedPackStatus(): { path: string; stale: boolean } {
  const override = process.env.FOLIO_EMBEDDED_PACK;
  if (override) return { path: override, stale: false };
  const root = projectRoot();
  const path = join(root, 'out', 'archive', `${EMBEDDED_ARCHIVE_NAME}.folio`);
  if (!existsSync(path)) return { path, stale: true };
  const inputs = Math.max(
    newestMtime(embeddedSourceDir()),
    newestMtime(join(root, 'main', 'archive')),
    newestMtime(join(root, 'main', 'search')),
  );
  return { path, stale: statSync(path).mtimeMs < inputs };
}
