/** Worker entry for `folio serve` (run from source through core-worker-boot.mjs). */
import { runCoreWorker } from './core-worker-main';

runCoreWorker();
