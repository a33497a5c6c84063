/**
 * A worker thread that reads pages of a saved site (site-page.ts) for site-page-pool.ts: tasks come
 * and results go on the port it is given, and each result wakes the builder, which waits on a shared
 * counter (it stays synchronous: see the pool). Bundled to out/cli/site-page-worker.mjs for the
 * `folio` command, started through site-page-boot.mjs (tsx) from source.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { SourceError } from '../../model/errors';
import { replyAndWake } from '../writer/builder-wake';
import { collectGarbage } from '../writer/collect-garbage';
import { readSitePage, type SitePageRead } from './site-page';
import type { PageTask, PoolSetup, PageReply } from './site-page-protocol';

const { root, keepBoilerplate, port, wake } = workerData as PoolSetup & { port: MessagePort };
const counter = new Int32Array(wake);
/** Pages from this size on are followed by a garbage collection. */
const LARGE_PAGE_BYTES = 1 << 20;

function send(reply: PageReply): void {
  replyAndWake(port, counter, reply, 'read' in reply ? ownBuffers(reply.read) : []);
}

/**
 * The buffers a page's reply may hand over rather than copy: its serialized passages (most of its
 * bytes) and keys, each the whole of its own buffer (node:v8's serialize makes them so). Copying
 * them into the message and out again took about 5 s of each worker's 70 on the large corpus.
 */
function ownBuffers(read: SitePageRead): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const bytes of [...read.passages, read.keys])
    if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer)
      buffers.push(bytes.buffer);
  return buffers;
}

port.on('message', (task: PageTask) => {
  try {
    send({ index: task.index, read: readSitePage(root, task.path, task.real, keepBoilerplate) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    send({ index: task.index, error: message, sourceError: error instanceof SourceError });
  }
  // A large page's document tree is hundreds of megabytes of garbage, which V8 would keep until this
  // thread's old space fills, long after: collected now, the thread stays small between pages.
  if (task.bytes > LARGE_PAGE_BYTES) collectGarbage();
});
send({ ready: true });
