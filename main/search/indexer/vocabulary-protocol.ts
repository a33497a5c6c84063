/** What vocabulary-blobs.ts and its worker thread (vocabulary-worker.ts) say to each other. */
import type { MessagePort } from 'node:worker_threads';

/** Given to the worker when it starts: the terms to encode, where to answer, and what to wake. */
export interface VocabularySetup {
  /** The index's terms, JS order. */
  sortedTerms: string[];
  documentFrequencies: Int32Array;
  port: MessagePort;
  /** An Int32Array's buffer: the worker adds one when it has answered, and the builder waits on it. */
  wake: SharedArrayBuffer;
}

export type VocabularyReply = { blobs: [string, Uint8Array][] } | { error: string };
