/** Where a page's media reference points inside the source folder; media must never come from outside it. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { shownPath } from './files';
import { isInside } from './source-file';

/**
 * A media reference from a page: a path inside the folder (relative to root) when it exists, else as
 * given. Where a path inside the folder leads (a link to elsewhere, a device) is checked when the file
 * is read (writer/media-files.ts).
 */
export function resolveMediaRef(root: string, pageDir: string, src: string): string {
  const clean = src.split(/[?#]/u)[0] ?? '';
  if (!clean || /^[a-z][a-z0-9+.-]*:/iu.test(clean)) return src;
  let decoded: string;
  try {
    decoded = decodeURIComponent(clean);
  } catch {
    return src;
  }
  const full = resolve(clean.startsWith('/') ? root : pageDir, decoded.replace(/^\/+/u, ''));
  if (!isInside(root, full) || !existsSync(full)) return src;
  return shownPath(root, full);
}
