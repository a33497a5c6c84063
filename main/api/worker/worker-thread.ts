/**
 * The worker thread's side of the core worker: owns the open pack, the searcher and the bookmark store, and answers calls
 * through the handler table, off the main thread. Requests carry ids; a search.query that has a
 * newer search.query from the same client queued behind it is answered "superseded" instead of run,
 * and one overtaken while it runs stops at its next step (search-tickets.ts) and answers the same,
 * so typing fast never builds a backlog nor waits for a search no one wants.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { embeddedPackStatus } from '../../archive/embedded-location';
import { FolioError } from '../../model/errors';
import { firstLine } from '../api-error';
import { Library, type LibrarySource } from '../../library/library';
import { SUPERSEDED, type ApiMethod, type ApiResult } from '../contract';
import { dispatch, dispatchIn } from '../dispatch';
import { handlers } from '../handlers';
import type { CallMessage, FromWorker, OpenMessage, ToWorker } from './protocol';
import type { KioskRuntime } from '../../kiosk/kiosk-runtime';
import { openKioskRuntime } from '../../kiosk/open-kiosk';
import type { SearchControl } from '../../search/searcher/searcher';
import { warmUpEngine } from '../../search/engine-warm-up';
import { overtaken } from './search-tickets';
import { WARM_UP_QUERY } from './warm-up-query';

export function runCoreWorker(port: MessagePort | null = parentPort): void {
  if (!port) throw new Error('runCoreWorker must run in a worker thread.');
  const out = port;
  // The search tickets' slots, shared with CoreHost (search-tickets.ts).
  const shared = (workerData as { searchSlots?: unknown } | null)?.searchSlots;
  const slots = shared instanceof SharedArrayBuffer ? new Int32Array(shared) : null;
  let library: Library | null = null;
  let kiosk: KioskRuntime | null = null;
  const queue: ToWorker[] = [];
  let scheduled = false;

  const post = (message: FromWorker, transfer?: ArrayBuffer[]): void => out.postMessage(message, transfer ?? []);

  const encoder = new TextEncoder();
  /** A call's result, as JSON bytes (handed over, not copied) when the caller asked for them. */
  const answer = (msg: CallMessage, result: ApiResult<ApiMethod>): void => {
    if (!msg.json) {
      post({ id: msg.id, kind: 'call', result });
      return;
    }
    const json = encoder.encode(JSON.stringify(result));
    post({ id: msg.id, kind: 'json', answer: { error: result.ok ? null : result.error.code, json } }, [json.buffer]);
  };

  const isNewerSearchQueued = (msg: CallMessage): boolean => {
    if (msg.method !== 'search.query') return false;
    const seq = (msg.payload as { seq?: unknown } | null)?.seq;
    if (typeof seq !== 'number') return false;
    return queue.some(
      (m) =>
        m.kind === 'call' &&
        m.method === 'search.query' &&
        m.client === msg.client &&
        typeof (m.payload as { seq?: unknown } | null)?.seq === 'number' &&
        (m.payload as { seq: number }).seq > seq,
    );
  };

  /**
   * The embedded pack's path, built first when missing or stale. The builder (HTML and Markdown
   * parsers, 2.5 MB of code) is imported only then, so a worker serving current packs never loads it.
   */
  const buildEmbedded = async (): Promise<string> => {
    const { embeddedPackPath } = await import('../../archive/embedded');
    return embeddedPackPath();
  };

  /** Opens a library; `embedded` is the embedded pack's path when asked for, or why it could not be built. */
  const openLibrary = (msg: OpenMessage, embedded: string | Error | null): void => {
    try {
      if (embedded instanceof Error) throw embedded;
      if (msg.kiosk && !kiosk) kiosk = openKioskRuntime(msg.kiosk, msg.dataDir);
      const sources: LibrarySource[] = [...msg.sources];
      // Kept packs come after the new ones (the embedded one among them, once).
      if (msg.keepOpen && library) sources.push(...library.sources);
      if (embedded !== null) sources.push({ path: embedded, embedded: true, required: true });
      // The bookmark store is shared across libraries: the new one takes it over, only old packs close.
      // A kiosk keeps visitors' bookmarks in its own temporary folder, never in the data folder.
      const next = Library.open(sources, kiosk?.storeDir ?? msg.dataDir, library?.bookmarks);
      const previous = library;
      library = next;
      previous?.closePacks();
      for (const entry of next.entries()) {
        // Warm each search index (read on demand from the pack) so the first query is as fast as the rest.
        const ctx = next.context(entry.archiveId, 'system')!;
        dispatch('search.query', { query: WARM_UP_QUERY, limit: 1 }, ctx);
      }
      const info = handlers['archive.info']({}, next.context(undefined, 'system')!);
      post({
        id: msg.id,
        kind: 'open',
        ok: true,
        value: { info, recovery: next.bookmarks.recovery, library: next.entries() },
      });
    } catch (error) {
      // Expected failures (a damaged pack, an unusable bookmarks file) speak for themselves.
      const message = error instanceof FolioError ? error.message : firstLine(error);
      post({ id: msg.id, kind: 'open', ok: false, error: { code: 'unavailable', message } });
    }
  };

  /** Runs one message; only an open that must first build the embedded pack is asynchronous. */
  const handle = (msg: ToWorker): Promise<void> | undefined => {
    switch (msg.kind) {
      case 'open': {
        const status = msg.embedded ? embeddedPackStatus() : null;
        if (!status?.stale) {
          openLibrary(msg, status?.path ?? null);
          return;
        }
        return buildEmbedded().then(
          (path) => openLibrary(msg, path),
          (error: unknown) => openLibrary(msg, error instanceof Error ? error : new Error(String(error))),
        );
      }
      case 'call': {
        if (!library) {
          answer(msg, { ok: false, error: { code: 'unavailable', message: 'No archive is open.' } });
          return;
        }
        const { ticket } = msg;
        const control: SearchControl | null = ticket && slots ? { cancelled: () => overtaken(slots, ticket) } : null;
        if (isNewerSearchQueued(msg) || control?.cancelled()) {
          answer(msg, { ok: false, error: SUPERSEDED });
          return;
        }
        const current = library;
        const result = dispatchIn(
          (archiveId) => {
            const ctx = current.context(archiveId, msg.profileId);
            if (!ctx) return ctx;
            // The searcher polls `control` between steps and stops once a newer search overtakes this one.
            return { ...ctx, kiosk, searchControl: control };
          },
          msg.method,
          msg.payload,
        );
        answer(msg, result);
        return;
      }
      case 'media': {
        let media: { mime: string; bytes: Uint8Array } | null = null;
        try {
          const blob = library?.archive(msg.archiveId)?.pack.mediaBlob(msg.mediaId);
          if (blob) {
            const bytes = new Uint8Array(blob.bytes.byteLength);
            bytes.set(blob.bytes);
            media = { mime: blob.mime, bytes };
          }
        } catch {
          media = null;
        }
        post({ id: msg.id, kind: 'media', media }, media ? [media.bytes.buffer as ArrayBuffer] : []);
        return;
      }
    }
  };

  /** An open is building the embedded pack: later messages wait for it, in order. */
  let waiting = false;
  const drain = (): void => {
    scheduled = false;
    // Read everything already delivered before running the next item, so staleness is visible.
    const msg = queue.shift();
    if (!msg) return;
    const pending = handle(msg);
    if (pending) {
      waiting = true;
      void pending.finally(() => {
        waiting = false;
        if (queue.length) schedule();
      });
    } else if (queue.length) schedule();
  };
  const schedule = (): void => {
    if (scheduled || waiting) return;
    scheduled = true;
    setImmediate(drain);
  };

  // Compiled before any archive is asked: a large pack's first query would otherwise run its
  // loops uncompiled (search/engine/warm-up.ts). Messages arriving meanwhile wait in the port.
  warmUpEngine();

  out.on('message', (msg: ToWorker) => {
    queue.push(msg);
    schedule();
  });
  out.on('close', () => {
    library?.close();
    kiosk?.close();
  });
}
