/**
 * The core worker inside Electron (bundled to out/main/core-worker.js). All logic lives in main/api.
 *
 * better-sqlite3 in node_modules is built for Node's ABI (the tests use it). In Electron, every
 * better-sqlite3 Database in this worker (pack reader, pack builder, bookmark store) must load the
 * Electron-ABI build that scripts/start.mjs makes in out/electron-native/, named by
 * FOLIO_SQLITE_BINDING. better-sqlite3 finds its addon through `require('bindings')`, so that one
 * lookup is redirected here, for better-sqlite3 only, without touching node_modules.
 */
import Module from 'node:module';
import { runCoreWorker } from '../api/core-worker-main';

const binding = process.env.FOLIO_SQLITE_BINDING;
if (binding) {
  type Load = (request: string, parent: { filename?: string } | null, isMain: boolean) => unknown;
  const loader = Module as unknown as { _load: Load };
  const original = loader._load;
  loader._load = function (this: unknown, request, parent, isMain) {
    if (request === 'bindings' && parent?.filename?.includes(`${'better-sqlite3'}`)) {
      return () => original.call(this, binding, parent, isMain);
    }
    return original.call(this, request, parent, isMain);
  };
}

runCoreWorker();
