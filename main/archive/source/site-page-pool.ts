/**
 * Reads a saved site's pages on every core: worker threads (site-page-worker.ts) read pages while
 * the builder's thread keeps them, in file-name order whichever thread read them, so the result
 * never depends on timing.
 *
 * The build stays synchronous (the CLI, the app's embedded archive and the tests all call buildPack
 * so): the builder never waits on its event loop. Tasks go to each worker through a MessageChannel,
 * replies are taken with receiveMessageOnPort, and between replies the builder sleeps on a counter
 * the workers share (Atomics.wait). Until a worker is up, and wherever no worker script is at hand
 * (an app bundle that carries none), the builder's thread reads pages itself; a worker that stops
 * answering leaves its pages to it too.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { SourceError } from '../../model/errors';
import { WORKER_STALL_MS } from '../writer/builder-wake';
import { workerScript } from '../writer/worker-script';
import { readSitePage, type SitePageRead } from './site-page';
import type { PageReply, PageTask, PoolSetup } from './site-page-protocol';

/** A site with fewer pages is read in one thread: starting workers would cost more than they save. */
const MIN_PAGES_FOR_WORKERS = 64;
/** The most workers: parsing is most of the time, keeping a page little. */
const MAX_WORKERS = 4;
/** Tasks sent to a worker ahead of its replies, so that it never waits for the next one. */
const TASKS_PER_WORKER = 2;
/** Pages read ahead of the next one to keep: bounds what waits in memory behind a slow page. */
const READ_AHEAD = 2048;
/**
 * Bytes of HTML being parsed (sent and not yet answered), beyond which no page but the next one to
 * keep is sent: two threads parsing source files of ten megabytes each at once, with others waiting
 * behind them, took a large build past a gigabyte.
 */
const BYTES_PARSING = 12 << 20;
/**
 * Bytes of HTML sent and not yet kept (being parsed, or read and waiting for the pages before
 * them), beyond which no page but the next one to keep is sent. Larger than BYTES_PARSING: while
 * one thread parses a page of ten megabytes for a minute, the others read on past it (with both
 * bounds at 12 MB they waited, a tenth of a large build's page reading).
 */
const BYTES_AHEAD = 48 << 20;

interface PoolWorker {
  worker: Worker;
  port: MessagePort;
  ready: boolean;
  /** Pages sent and not yet answered. */
  tasks: Set<number>;
}

type Reply = SitePageRead | { error: string; sourceError: boolean };

/**
 * Reads `files` (with their real paths `reals`) of the site at `root`, handing each page to `keep`
 * in file-name order. Throws the error of the first page (in that order) that cannot be read.
 */
export function readSitePages(
  root: string,
  files: readonly string[],
  reals: readonly string[],
  keepBoilerplate: boolean,
  keep: (read: SitePageRead, index: number) => void,
): void {
  const script =
    files.length >= MIN_PAGES_FOR_WORKERS
      ? workerScript(import.meta.url, ['site-page-worker.mjs', 'site-page-boot.mjs'])
      : null;
  // One core gains nothing from a worker.
  const cores = availableParallelism();
  const count = script && cores > 1 ? Math.min(cores, MAX_WORKERS) : 0;
  const wake = new SharedArrayBuffer(4);
  const counter = new Int32Array(wake);
  const workers: PoolWorker[] = [];
  const results = new Map<number, Reply>();
  const readHere = (index: number): void => {
    try {
      results.set(index, readSitePage(root, files[index]!, reals[index]!, keepBoilerplate));
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      results.set(index, { error: error.message, sourceError: error instanceof SourceError });
    }
  };
  try {
    for (let i = 0; i < count; i++) {
      const { port1, port2 } = new MessageChannel();
      const setup: PoolSetup & { port: MessagePort } = { root, keepBoilerplate, wake, port: port2 };
      const worker = new Worker(script!, { workerData: setup, transferList: [port2], execArgv: [] });
      // A worker that fails to start says so on the event loop, after the build: nothing to do then.
      worker.on('error', () => {});
      worker.unref();
      workers.push({ worker, port: port1, ready: false, tasks: new Set() });
    }

    const sizes = reals.map((real) => statSync(real, { throwIfNoEntry: false })?.size ?? 0);
    let bytesAhead = 0;
    let bytesParsing = 0;
    let nextTask = 0;
    let nextKeep = 0;
    const redo: number[] = [];
    while (nextKeep < files.length) {
      for (let reply = results.get(nextKeep); reply; reply = results.get(nextKeep)) {
        results.delete(nextKeep);
        bytesAhead -= sizes[nextKeep]!;
        if ('error' in reply) throw reply.sourceError ? new SourceError(reply.error) : new Error(reply.error);
        keep(reply, nextKeep++);
      }
      if (nextKeep >= files.length) break;

      const seen = Atomics.load(counter, 0);
      let answered = false;
      for (const w of workers) {
        for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
          answered = true;
          const reply = m.message as PageReply;
          if ('ready' in reply) w.ready = true;
          else {
            // A reply from a worker given up on (its tasks already cleared) was counted out then.
            if (w.tasks.delete(reply.index)) bytesParsing -= sizes[reply.index]!;
            results.set(reply.index, 'read' in reply ? reply.read : reply);
          }
        }
      }
      const limit = Math.min(files.length, nextKeep + READ_AHEAD);
      const fits = (index: number): boolean =>
        index === nextKeep ||
        (bytesParsing + sizes[index]! <= BYTES_PARSING && bytesAhead + sizes[index]! <= BYTES_AHEAD);
      for (const w of workers) {
        while (w.ready && w.tasks.size < TASKS_PER_WORKER && nextTask < limit && fits(nextTask)) {
          const task: PageTask = {
            index: nextTask,
            path: files[nextTask]!,
            real: reals[nextTask]!,
            bytes: sizes[nextTask]!,
          };
          w.port.postMessage(task);
          bytesAhead += sizes[nextTask]!;
          bytesParsing += sizes[nextTask]!;
          w.tasks.add(nextTask++);
        }
      }
      if (answered || results.has(nextKeep)) continue;
      const next = redo.shift();
      if (next !== undefined) readHere(next);
      else if (!workers.some((w) => w.ready) && nextTask < limit) {
        bytesAhead += sizes[nextTask]!;
        readHere(nextTask++);
      } else if (Atomics.wait(counter, 0, seen, WORKER_STALL_MS) === 'timed-out') {
        for (const w of workers) {
          w.ready = false;
          for (const index of w.tasks) bytesParsing -= sizes[index]!;
          redo.push(...w.tasks);
          w.tasks.clear();
        }
        redo.sort((a, b) => a - b);
      }
    }
  } finally {
    for (const w of workers) {
      w.port.close();
      void w.worker.terminate();
    }
  }
}
