/**
 * A worker thread that encodes the vocabulary blobs for vocabulary-blobs.ts, once, and answers on
 * the port it is given. Bundled to out/cli/vocabulary-worker.mjs for the `folio` command, started
 * through vocabulary-boot.mjs (tsx) from source.
 */
import { workerData } from 'node:worker_threads';
import { VocabularyIndex } from '../format/vocabulary';
import type { VocabularyReply, VocabularySetup } from './vocabulary-protocol';

const { sortedTerms, documentFrequencies, port, wake } = workerData as VocabularySetup;

let reply: VocabularyReply;
try {
  reply = { blobs: VocabularyIndex.encode(sortedTerms, documentFrequencies) };
} catch (error) {
  reply = { error: error instanceof Error ? error.message : String(error) };
}
port.postMessage(reply);
port.close();
const counter = new Int32Array(wake);
Atomics.add(counter, 0, 1);
Atomics.notify(counter, 0);
