/**
 * The core worker inside Electron (bundled to out/main/core-worker.js). All logic lives in main/api.
 * Every SQLite connection it opens (pack reader, pack builder, bookmark store) goes through
 * main/sqlite.ts, which loads the Electron-ABI better-sqlite3 named by FOLIO_SQLITE_BINDING.
 */
import { runCoreWorker } from '../api/worker/worker-thread';

runCoreWorker();
