/**
 * A worker thread that compresses text blocks for block-compressor.ts: tasks come and results go on
 * the port it is given, and each result wakes the builder, which waits on a shared counter. Bundled
 * to out/cli/block-compress-worker.mjs for the `folio` command, started through
 * block-compress-boot.mjs (tsx) from source.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { replyAndWake } from './builder-wake';
import { compressBlockLines } from './block-compression';
import type { BlockReply, BlockTask, CompressSetup } from './block-compress-protocol';

const { port, wake } = workerData as CompressSetup & { port: MessagePort };
const counter = new Int32Array(wake);

function send(reply: BlockReply): void {
  replyAndWake(port, counter, reply);
}

port.on('message', (task: BlockTask) => {
  try {
    send({ id: task.id, data: compressBlockLines(task.lines) });
  } catch (error) {
    send({ id: task.id, error: error instanceof Error ? error.message : String(error) });
  }
});
