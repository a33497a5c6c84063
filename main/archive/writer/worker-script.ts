/**
 * Finds a build worker's script beside the module that starts it: the bundled file in out/cli
 * (`folio`), else the source tree's boot file, which starts the worker through tsx (tests). An app
 * bundle carries neither: the builder then does the work in its own thread.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `moduleUrl`: the caller's import.meta.url; `names`: the bundled name, then the boot file's. Null when neither is there. */
export function workerScript(moduleUrl: string, names: readonly string[]): string | null {
  try {
    // Not `new URL(name, import.meta.url)`, which app bundlers would take for an asset to copy.
    const here = dirname(fileURLToPath(moduleUrl));
    for (const name of names) {
      const path = join(here, name);
      if (existsSync(path)) return path;
    }
  } catch {
    // No file URL for the module (bundled as CommonJS): the work stays in the builder's thread.
  }
  return null;
}
