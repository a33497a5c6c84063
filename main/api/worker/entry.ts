/**
 * The core worker's entry from source (`folio serve`, tests), loaded through boot.mjs. Electron
 * bundles main/electron/core-worker.ts instead.
 */
import { runCoreWorker } from './worker-thread';

runCoreWorker();
