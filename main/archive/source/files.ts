/** Walking a source folder: its files in a stable order, named as provenance shows them. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Files below `dir` that `accept` takes, depth first, by name (the order a build reads them in); dot files are skipped. */
export function listFiles(dir: string, accept: (name: string) => boolean): string[] {
  const out: string[] = [];
  const visit = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && accept(entry.name)) out.push(full);
    }
  };
  visit(dir);
  return out;
}

/** `file` relative to the source root with `/` separators, on every platform: how packs name source files. */
export function shownPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}
