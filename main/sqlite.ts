/**
 * Every SQLite connection Folio opens goes through here, so that inside Electron (whose Node ABI
 * differs) one setting points better-sqlite3 at a binary built for Electron, while tests and the CLI
 * keep using the Node build in node_modules.
 */
import Database from 'better-sqlite3';
import { SetupError } from './model/errors';

/**
 * Set by scripts/start.mjs to the better_sqlite3.node it built for Electron's ABI (out/electron-native);
 * worker threads inherit it. Unset under Node, where node_modules' own build is used.
 */
export const NATIVE_BINDING_ENV = 'FOLIO_SQLITE_BINDING';

/**
 * Throws SetupError when better-sqlite3's native module does not load (missing, or built for another
 * Node): that is the install's fault, and blaming the file being opened ("the pack is damaged") sent
 * the reader to `folio verify`, which cannot load it either.
 */
export function openDatabase(path: string, options: Database.Options = {}): Database.Database {
  const nativeBinding = options.nativeBinding ?? process.env[NATIVE_BINDING_ENV];
  const withBinding = (o: Database.Options): Database.Options => (nativeBinding ? { ...o, nativeBinding } : o);
  try {
    return new Database(path, withBinding(options));
  } catch (error) {
    // Asked only once opening failed: a database in memory involves no file, only the module.
    try {
      new Database(':memory:', withBinding({})).close();
    } catch (loading) {
      throw new SetupError(
        `SQLite's native module does not load (${firstLine(loading)}); reinstall Folio's dependencies: npm install, or npm rebuild better-sqlite3`,
      );
    }
    throw error;
  }
}

/** The first line of an error's message (the `bindings` package lists every path it tried). */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')[0]!
    .replace(/\s*Tried:$/u, '')
    .trim();
}
