/**
 * Every SQLite connection Folio opens goes through here, so that inside Electron (whose Node ABI
 * differs) one setting points better-sqlite3 at a binary built for Electron, while tests and the CLI
 * keep using the Node build in node_modules.
 */
import Database from 'better-sqlite3';

/** Set by the Electron shell (via env) to a better_sqlite3.node built for Electron's ABI. */
export const NATIVE_BINDING_ENV = 'FOLIO_SQLITE_NATIVE_BINDING';

export function openDatabase(path: string, options: Database.Options = {}): Database.Database {
  const nativeBinding = process.env[NATIVE_BINDING_ENV];
  return new Database(path, nativeBinding ? { ...options, nativeBinding } : options);
}
