/**
 * Compresses text blocks in a worker thread (block-compress-worker.ts) while the builder's thread
 * goes on making and indexing passages: Brotli at quality 9, as blocks then were, took 23 s of a large
 * build (a million passages), and closing its encoders 3.5 s more, all on the builder's thread while
 * the other core idled (quality 8 takes a twentieth of that: block-compression.ts). Each block's bytes
 * are handed on in the order the blocks were given, whichever came back first, and both threads
 * compress with the same function (block-compression.ts): the pack never depends on timing.
 *
 * The build stays synchronous, as in site-page-pool.ts: replies are taken with
 * receiveMessageOnPort, and when too many blocks are out the builder sleeps on a counter the worker
 * adds to (Atomics.wait). Wherever no worker script is at hand (an app bundle carries none), blocks
 * are compressed in the builder's thread; a worker that stops answering leaves its blocks to it too.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { compressBlockLines } from './block-compression';
import type { BlockReply, BlockTask, CompressSetup } from './block-compress-protocol';
import { WORKER_STALL_MS } from './builder-wake';
import { workerScript } from './worker-script';

/**
 * Blocks given to the worker and not yet handed on, beyond which the builder waits: a few
 * megabytes of lines, and room for the builder to run ahead of a slower worker.
 */
const MAX_AHEAD = 32;

interface CompressWorker {
  thread: Worker;
  port: MessagePort;
}

/** The worker, talking on a port of its own and adding to `counter` at each reply; null without a worker script. */
function startWorker(counter: Int32Array<SharedArrayBuffer>): CompressWorker | null {
  const script = workerScript(import.meta.url, ['block-compress-worker.mjs', 'block-compress-boot.mjs']);
  if (!script) return null;
  const { port1, port2 } = new MessageChannel();
  const setup: CompressSetup & { port: MessagePort } = { wake: counter.buffer, port: port2 };
  const thread = new Worker(script, { workerData: setup, transferList: [port2], execArgv: [] });
  // A worker that fails to start says so on the event loop, after the build; silent, its blocks
  // are compressed here after WORKER_STALL_MS.
  thread.on('error', () => {});
  thread.unref();
  return { thread, port: port1 };
}

interface Pending {
  lines: string;
  then: (data: Buffer) => void;
  data: Buffer | null;
}

export class BlockCompressor {
  private worker: CompressWorker | null = null;
  private readonly counter = new Int32Array(new SharedArrayBuffer(4));
  /** Blocks given and not yet handed on, in order; the first is block `first`. */
  private readonly queue: Pending[] = [];
  private first = 0;
  /** Blocks given so far. */
  private blocks = 0;

  /**
   * `threaded`: whether blocks may be compressed in a worker. It is started with the second block: a
   * pack of one block is not worth the 40 ms it costs, while a few blocks of Japanese text took
   * 0.8 s of a 2.5 s build.
   */
  constructor(private readonly threaded: boolean) {}

  /** Compresses `lines`; `then` gets the bytes, each block's after the previous one's. */
  compress(lines: string, then: (data: Buffer) => void): void {
    if (this.blocks++ === 1 && this.threaded) this.worker = startWorker(this.counter);
    const worker = this.worker;
    if (!worker) {
      // No worker (yet, or given up on with nothing left out): in order here.
      then(compressBlockLines(lines));
      return;
    }
    const task: BlockTask = { id: this.first + this.queue.length, lines };
    this.queue.push({ lines, then, data: null });
    // Posted even before the worker is up (the port keeps them): the builder runs on meanwhile.
    worker.port.postMessage(task);
    this.take(false);
    while (this.queue.length > MAX_AHEAD) this.take(true);
  }

  /** Hands on every block still out, then stops the worker. */
  finish(): void {
    while (this.queue.length > 0) this.take(true);
    this.close();
  }

  /** Stops the worker (also after a failed build); blocks still out are not handed on. */
  close(): void {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    worker.port.close();
    void worker.thread.terminate();
  }

  /** Takes the worker's replies and hands on the blocks now in order; `wait`: sleep until a reply if none came. */
  private take(wait: boolean): void {
    const worker = this.worker;
    if (!worker) return;
    const seen = Atomics.load(this.counter, 0);
    let answered = false;
    for (let m = receiveMessageOnPort(worker.port); m; m = receiveMessageOnPort(worker.port)) {
      answered = true;
      const reply = m.message as BlockReply;
      if ('error' in reply) throw new Error(`internal: text block ${reply.id} was not compressed: ${reply.error}`);
      const data = reply.data;
      this.queue[reply.id - this.first]!.data = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    }
    this.handOn();
    if (answered || !wait || this.queue.length === 0) return;
    if (Atomics.wait(this.counter, 0, seen, WORKER_STALL_MS) === 'timed-out') {
      this.close();
      for (const pending of this.queue) pending.data ??= compressBlockLines(pending.lines);
      this.handOn();
    }
  }

  private handOn(): void {
    while (this.queue.length > 0 && this.queue[0]!.data) {
      const { then, data } = this.queue.shift()!;
      this.first++;
      then(data!);
    }
  }
}
