/**
 * The core worker's entry: bundled to out/cli/core-worker.mjs for `folio serve`, loaded from source
 * through boot.mjs in tests. Electron bundles main/electron/core-worker.ts instead.
 */
import { setFlagsFromString } from 'node:v8';
import { HEAP_GROWING_FLAG } from './heap-limits';
import { runCoreWorker } from './worker-thread';

// A first query's loops compiled at once, not on a background thread while they run uncompiled
// (bin/folio.cjs says why); and a heap that grows by 40% at most between full collections, so that
// searches' garbage is collected before it piles up (heap-limits.ts). V8's flags are the process's;
// Electron freezes them (setting one there aborts): its worker does not come here, and the check
// guards a run under ELECTRON_RUN_AS_NODE.
if (!process.versions.electron) {
  setFlagsFromString('--no-concurrent-osr');
  setFlagsFromString(HEAP_GROWING_FLAG);
}
runCoreWorker();
