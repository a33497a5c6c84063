/** What block-compressor.ts and its worker thread (block-compress-worker.ts) say to each other. */

/** Given to the worker when it starts (with the port it talks on). */
export interface CompressSetup {
  /** An Int32Array's buffer: a counter each reply adds one to, which the builder waits on. */
  wake: SharedArrayBuffer;
}

/** Compress block `id`'s lines (block-compression.ts). */
export interface BlockTask {
  id: number;
  lines: string;
}

export type BlockReply =
  | { id: number; data: Uint8Array }
  /** The block could not be compressed (not expected: Brotli takes any bytes). */
  | { id: number; error: string };
