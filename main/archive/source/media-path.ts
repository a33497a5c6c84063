/** Where a page's media reference points inside the source folder; media must never come from outside it. */
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { shownPath } from './files';

/** Is `child` inside `root` (after resolving `..`)? */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** A media reference from a page: a path inside the folder (relative to root) when it exists, else as given. */
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
