/** Messages between CoreHost (host.ts, main thread) and the core worker (worker-thread.ts). Plain data only. */
import type { StoreRecovery } from '../../bookmarks/store';
import type { LibrarySource } from '../../library/library';
import type { LibraryEntry } from '../../model/library';
import type { KioskSetup } from '../../kiosk/kiosk-settings';
import type { ApiError, ApiMethod, ApiResult, ArchiveInfo } from '../contract';
import type { SearchTicket } from './search-tickets';

/** Opens a library of packs, replacing the one open; the first pack that opens is the default archive. */
export interface OpenMessage {
  kind: 'open';
  id: number;
  sources: LibrarySource[];
  /** Adds the embedded archive last (built in the worker if missing or stale, off the main thread). */
  embedded: boolean;
  /** Keeps the packs already open, after the new ones ("Open archive…" in the app). */
  keepOpen: boolean;
  dataDir: string;
  /** Kiosk mode and the usage ledger (first open only; they outlive pack switches). */
  kiosk?: KioskSetup | null;
}
export interface CallMessage {
  kind: 'call';
  id: number;
  method: unknown;
  payload: unknown;
  profileId: string;
  /** Stale search answers are dropped per client (a window, a browser tab). */
  client: string;
  /** An as-you-type search: a newer one from the same client cancels it, even running (search-tickets.ts). */
  ticket?: SearchTicket;
  /** Answer with the result as JSON bytes (a `json` reply), for `folio serve` to send as they are. */
  json?: boolean;
}
export interface MediaMessage {
  kind: 'media';
  id: number;
  /** undefined: the default archive. */
  archiveId?: string;
  mediaId: string;
}
export type ToWorker = OpenMessage | CallMessage | MediaMessage;

export interface OpenedValue {
  /** The default archive. */
  info: ArchiveInfo;
  recovery: StoreRecovery | null;
  library: LibraryEntry[];
}
export type FromWorker =
  | { id: number; kind: 'open'; ok: true; value: OpenedValue }
  | { id: number; kind: 'open'; ok: false; error: ApiError }
  | { id: number; kind: 'call'; result: ApiResult<ApiMethod> }
  | { id: number; kind: 'json'; answer: JsonAnswer }
  | { id: number; kind: 'media'; media: { mime: string; bytes: Uint8Array } | null };

/**
 * A call's result as UTF-8 JSON, made in the worker and handed over (transferred, not copied): the
 * HTTP thread sends the bytes as they are, with no object graph to rebuild and stringify again.
 */
export interface JsonAnswer {
  /** The result's error code; null when it is ok. */
  error: ApiError['code'] | null;
  json: Uint8Array;
}
