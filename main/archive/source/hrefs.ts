/** Where a link written on a page leads: a file of the source folder (and an anchor in it), or somewhere else. */
import { posix } from 'node:path';

/** A link into the source folder: the file as packs name source files, and the anchor, if any. */
export interface LocalHref {
  file: string;
  anchor: string | null;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Resolves `href`, written in the source file `from`, to a file of the source folder. Null for a
 * URL with a scheme (`https:`, `mailto:`), a network path (`//host`), or a path that climbs out
 * of the folder.
 */
export function localHref(href: string, from: string): LocalHref | null {
  const trimmed = href.trim();
  if (!trimmed || /^[a-z][a-z0-9+.-]*:/iu.test(trimmed) || trimmed.startsWith('//')) return null;
  const hash = trimmed.indexOf('#');
  const beforeHash = hash >= 0 ? trimmed.slice(0, hash) : trimmed;
  const anchor = hash >= 0 ? decode(trimmed.slice(hash + 1)) || null : null;
  const path = decode(beforeHash.split('?')[0] ?? '');
  if (!path) return { file: from, anchor };
  const joined = path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(from), path);
  const file = posix.normalize(joined);
  if (file === '..' || file.startsWith('../') || file === '.') return null;
  return { file, anchor };
}
