/**
 * The core worker's entry: bundled to out/cli/core-worker.mjs for `folio serve`, loaded from source
 * through boot.mjs in tests. Electron bundles main/electron/core-worker.ts instead.
 */
import { runCoreWorker } from './worker-thread';

runCoreWorker();
