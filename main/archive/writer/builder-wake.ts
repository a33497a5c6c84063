/**
 * How a build worker answers a builder that stays synchronous (the site page pool, the block
 * compressor, the vocabulary encoder): the reply goes on the worker's port, then a counter shared
 * with the builder is raised, which wakes it from Atomics.wait; the builder then takes the reply with
 * receiveMessageOnPort, since its event loop is not running.
 */
import type { MessagePort, Transferable } from 'node:worker_threads';

/** A worker silent this long is taken for stopped; the builder then does its work itself. */
export const WORKER_STALL_MS = 120_000;

/** Posts `reply` (handing over `transfer`) and wakes the builder sleeping on `counter`. */
export function replyAndWake(
  port: MessagePort,
  counter: Int32Array,
  reply: unknown,
  transfer: readonly Transferable[] = [],
): void {
  port.postMessage(reply, transfer);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}
