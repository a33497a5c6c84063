/** Walking a source folder: its files in a stable order, named as provenance shows them. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** An entry the walk does not take, and why: the caller refuses the build or warns, never drops it unsaid. */
export type SkippedEntry = (path: string, reason: string) => void;

/**
 * Files below `dir` that `accept` takes, depth first, by name (the order a build reads them in).
 * Symbolic links to files are listed (source-file.ts decides where they lead); links to folders are
 * not followed, and hidden (dot) entries are left out: both are reported to `skipped`.
 */
export function listFiles(dir: string, accept: (name: string) => boolean, skipped: SkippedEntry): string[] {
  const out: string[] = [];
  const visit = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(current, entry.name);
      const hidden = entry.name.startsWith('.');
      if (entry.isDirectory() || (entry.isSymbolicLink() && isDirectoryLink(full))) {
        if (hidden) skipped(full, 'is a hidden folder; not read');
        // A link to a folder could lead anywhere, or round in a circle: links are followed to files only.
        else if (entry.isSymbolicLink()) skipped(full, 'is a symbolic link to a folder; not followed');
        else visit(full);
      } else if (!accept(entry.name)) continue;
      else if (hidden) skipped(full, 'is a hidden file; not read');
      else out.push(full);
    }
  };
  visit(dir);
  return out;
}

function isDirectoryLink(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `file` relative to the source root with `/` separators, on every platform: how packs name source files. */
export function shownPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}
