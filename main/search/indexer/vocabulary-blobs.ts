/**
 * The vocabulary blobs (format/vocabulary.ts), encoded in a worker thread while the builder writes
 * the term blocks and postings: their Brotli at the best quality was a fifth of a small archive's
 * build (0.25 s of Debian-ja's 1.2 s) and 1.5 s of a large one's, all on the builder's thread while
 * the other core idled. Both threads call the same VocabularyIndex.encode: the bytes never depend
 * on which made them.
 *
 * The build stays synchronous, as in block-compressor.ts: the reply is taken with
 * receiveMessageOnPort, after sleeping on a counter the worker adds to (Atomics.wait). A small
 * vocabulary, and wherever no worker script is at hand (an app bundle carries none) or the worker
 * stays silent any vocabulary, is encoded in the builder's thread.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { WORKER_STALL_MS } from '../../archive/writer/builder-wake';
import { workerScript } from '../../archive/writer/worker-script';
import { VocabularyIndex } from '../format/vocabulary';
import type { VocabularyReply, VocabularySetup } from './vocabulary-protocol';

/**
 * A smaller vocabulary is encoded here: its Brotli takes less than a worker costs to start (the
 * tests build hundreds of small packs). Debian-ja has 18,000 terms.
 */
const MIN_TERMS_FOR_WORKER = 2000;

/**
 * Starts encoding the vocabulary of `sortedTerms` (JS order); the function returned gives its blobs
 * (name → payload, in VocabularyIndex.encode's order), waiting for them if need be.
 */
export function startVocabularyBlobs(
  sortedTerms: string[],
  documentFrequencies: Int32Array,
): () => [string, Uint8Array][] {
  const here = (): [string, Uint8Array][] => VocabularyIndex.encode(sortedTerms, documentFrequencies);
  const script =
    sortedTerms.length >= MIN_TERMS_FOR_WORKER
      ? workerScript(import.meta.url, ['vocabulary-worker.mjs', 'vocabulary-boot.mjs'])
      : null;
  if (!script) return here;
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const setup: VocabularySetup = { sortedTerms, documentFrequencies, port: port2, wake: counter.buffer };
  const thread = new Worker(script, { workerData: setup, transferList: [port2], execArgv: [] });
  // A worker that fails to start says so on the event loop, after the build; silent, the blobs are
  // encoded here after WORKER_STALL_MS.
  thread.on('error', () => {});
  thread.unref();
  return () => {
    try {
      let message = receiveMessageOnPort(port1);
      if (!message && Atomics.wait(counter, 0, 0, WORKER_STALL_MS) !== 'timed-out')
        message = receiveMessageOnPort(port1);
      if (!message) return here();
      const reply = message.message as VocabularyReply;
      if ('error' in reply) throw new Error(`internal: the vocabulary was not encoded: ${reply.error}`);
      return reply.blobs;
    } finally {
      port1.close();
      void thread.terminate();
    }
  };
}
