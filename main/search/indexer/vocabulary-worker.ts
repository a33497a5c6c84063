/**
 * A worker thread that encodes the vocabulary blobs for vocabulary-blobs.ts, once, and answers on
 * the port it is given. Bundled to out/cli/vocabulary-worker.mjs for the `folio` command, started
 * through vocabulary-boot.mjs (tsx) from source.
 */
import { workerData } from 'node:worker_threads';
import { replyAndWake } from '../../archive/writer/builder-wake';
import { VocabularyIndex } from '../format/vocabulary';
import type { VocabularyReply, VocabularySetup } from './vocabulary-protocol';

const { sortedTerms, documentFrequencies, port, wake } = workerData as VocabularySetup;

let reply: VocabularyReply;
try {
  reply = { blobs: VocabularyIndex.encode(sortedTerms, documentFrequencies) };
} catch (error) {
  reply = { error: error instanceof Error ? error.message : String(error) };
}
replyAndWake(port, new Int32Array(wake), reply);
port.close();
