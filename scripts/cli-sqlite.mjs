// Stands in for better-sqlite3 in the `folio search` bundle (scripts/bundle-cli.mjs): its JavaScript
// is bundled in (so the code cache holds it compiled) and its binary is loaded from where the install
// put it, found when bundling, instead of through the `bindings` package's search of a dozen paths.
// Together about 5 ms of a one-shot search. The binary is loaded with process.dlopen, as require
// does in the end, without require's lookups of the package.json files above it (0.7 ms more). A
// binding given explicitly (Electron's) still wins.
/* global __FOLIO_SQLITE_BINDING__ */
import { join } from 'node:path';
import Database from 'better-sqlite3/lib/database.js';

let addon;

function bundledAddon() {
  if (!addon) {
    const module = { exports: {} };
    process.dlopen(module, join(__dirname, __FOLIO_SQLITE_BINDING__));
    addon = module.exports;
  }
  return addon;
}

export default function OpenDatabase(filename, options = {}) {
  return new Database(filename, options.nativeBinding ? options : { ...options, nativeBinding: bundledAddon() });
}
