/**
 * Every SQLite connection Folio opens goes through here, so that inside Electron (whose Node ABI
 * differs) one setting points better-sqlite3 at a binary built for Electron, while tests and the CLI
 * keep using the Node build in node_modules.
 */
import Database from 'better-sqlite3';

/**
 * Set by scripts/start.mjs to the better_sqlite3.node it built for Electron's ABI (out/electron-native);
 * worker threads inherit it. Unset under Node, where node_modules' own build is used.
 */
export const NATIVE_BINDING_ENV = 'FOLIO_SQLITE_BINDING';

export function openDatabase(path: string, options: Database.Options = {}): Database.Database {
  const nativeBinding = options.nativeBinding ?? process.env[NATIVE_BINDING_ENV];
  return new Database(path, nativeBinding ? { ...options, nativeBinding } : options);
}
