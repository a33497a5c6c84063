/**
 * CoreHost: the main-thread side of the core worker (worker-thread.ts runs the other side). Electron's main process and `folio serve`
 * both use it, so the pack, search and bookmarks never block the UI thread or the HTTP loop.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { MediaBlob } from '../../archive/pack-reader-types';
import { FolioError } from '../../model/errors';
import { projectRoot } from '../../paths';
import type { LibrarySource } from '../../library/library';
import type { ApiError, ApiMethod, ApiResult } from '../contract';
import type { FromWorker, JsonAnswer, OpenedValue, ToWorker } from './protocol';
import { workerResourceLimits } from './heap-limits';
import { SearchTickets } from './search-tickets';
import type { KioskSetup } from '../../kiosk/kiosk-settings';

export interface CoreHostOptions {
  /** The worker script: out/main/core-worker.js in Electron; boot.mjs (tsx, from source) otherwise. */
  workerPath?: string;
  /** Extra environment for the worker (defaults to the parent's). */
  env?: NodeJS.ProcessEnv;
}

/** The worker could not open the archive or the bookmarks: the API's own error, as a FolioError. */
export class CoreOpenError extends FolioError {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
  }
}

/** The source-tree worker (for folio serve and tests). */
export const sourceWorkerPath = (): string => join(projectRoot(), 'main', 'api', 'worker', 'boot.mjs');

/** A call that could not reach the worker (it failed or is closed): the API's own error. */
const unavailable = (error: unknown): ApiResult<ApiMethod> => ({
  ok: false,
  error: { code: 'unavailable', message: (error as Error).message },
});

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Pending = { resolve: (message: FromWorker) => void; reject: (error: Error) => void };

export class CoreHost {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly tickets = new SearchTickets();
  private nextId = 1;
  private failure: Error | null = null;
  private closed = false;

  constructor(options: CoreHostOptions = {}) {
    this.worker = new Worker(options.workerPath ?? sourceWorkerPath(), {
      workerData: { searchSlots: this.tickets.buffer },
      // A small young generation: searches' garbage is collected before it piles up (heap-limits.ts).
      resourceLimits: workerResourceLimits(),
      ...(options.env ? { env: options.env } : {}),
    });
    this.worker.on('message', (message: FromWorker) => {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      pending.resolve(message);
    });
    const fail = (error: Error): void => {
      this.failure = error;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', (error) => fail(new Error(`The archive worker failed: ${error.message}`)));
    this.worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`The archive worker stopped (exit code ${code}).`));
    });
  }

  private send(message: DistributiveOmit<ToWorker, 'id'>): Promise<FromWorker> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('The archive worker is closed.'));
    const id = this.nextId++;
    return new Promise<FromWorker>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  /** Opens (or switches to) a pack; null opens the embedded archive. Rejects with CoreOpenError and a one-line message. */
  open(archivePath: string | null, dataDir: string, kiosk: KioskSetup | null = null): Promise<OpenedValue> {
    return this.openLibrary({
      sources: archivePath === null ? [] : [{ path: archivePath, required: true }],
      embedded: archivePath === null,
      dataDir,
      kiosk,
    });
  }

  /**
   * Opens a library (several packs, the first the default), replacing the one open unless `keepOpen`.
   * Rejects with CoreOpenError, and keeps what was open, when a required pack cannot be opened.
   * `kiosk` starts kiosk mode and the usage ledger on the first open; they outlive later opens.
   */
  async openLibrary(options: {
    sources: LibrarySource[];
    embedded: boolean;
    dataDir: string;
    keepOpen?: boolean;
    kiosk?: KioskSetup | null;
  }): Promise<OpenedValue> {
    const reply = await this.send({ kind: 'open', keepOpen: false, ...options });
    if (reply.kind !== 'open') throw new Error('Unexpected reply from the archive worker.');
    if (!reply.ok) throw new CoreOpenError(reply.error);
    return reply.value;
  }

  /**
   * Runs one API call through dispatch in the worker. Never rejects for API errors. A search.query
   * with a `seq` is as-you-type: a newer one from the same client cancels it, queued or running, and
   * it answers `superseded`.
   */
  async call(method: unknown, payload: unknown, profileId: string, client = profileId): Promise<ApiResult<ApiMethod>> {
    try {
      const reply = await this.ticketed(method, payload, profileId, client, false);
      if (reply.kind !== 'call') throw new Error('Unexpected reply from the archive worker.');
      return reply.result;
    } catch (error) {
      return unavailable(error);
    }
  }

  /**
   * As `call`, with the result as UTF-8 JSON made in the worker (`folio serve` sends it as it is):
   * the HTTP thread neither rebuilds the answer's objects nor stringifies them, so each request
   * leaves it little garbage, and its young generation stays small (it grew to 8 MB over the bench's
   * query set on the large pack when the answers crossed as objects).
   */
  async callJson(method: unknown, payload: unknown, profileId: string, client = profileId): Promise<JsonAnswer> {
    try {
      const reply = await this.ticketed(method, payload, profileId, client, true);
      if (reply.kind !== 'json') throw new Error('Unexpected reply from the archive worker.');
      return reply.answer;
    } catch (error) {
      return { error: 'unavailable', json: Buffer.from(JSON.stringify(unavailable(error)), 'utf8') };
    }
  }

  private async ticketed(
    method: unknown,
    payload: unknown,
    profileId: string,
    client: string,
    json: boolean,
  ): Promise<FromWorker> {
    const seq = method === 'search.query' ? (payload as { seq?: unknown } | null)?.seq : undefined;
    const ticket = typeof seq === 'number' ? this.tickets.issue(client, seq) : null;
    try {
      return await this.send({
        kind: 'call',
        method,
        payload,
        profileId,
        client,
        ...(ticket ? { ticket } : {}),
        ...(json ? { json } : {}),
      });
    } finally {
      if (ticket) this.tickets.settle(client);
    }
  }

  /** A media file of an archive (undefined: the default archive). */
  async media(mediaId: string, archiveId?: string): Promise<MediaBlob | undefined> {
    const reply = await this.send({ kind: 'media', mediaId, ...(archiveId === undefined ? {} : { archiveId }) });
    if (reply.kind !== 'media' || !reply.media) return undefined;
    const { bytes, mime } = reply.media;
    return { mime, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const p of this.pending.values()) p.reject(new Error('The archive worker is closed.'));
    this.pending.clear();
    await this.worker.terminate();
  }
}
