/** The core worker inside Electron (bundled to out/main/core-worker.js). All logic: main/api. */
import { runCoreWorker } from '../api/core-worker-main';

runCoreWorker();
