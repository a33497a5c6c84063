/** Messages between CoreHost (host.ts, main thread) and the core worker (worker-thread.ts). Plain data only. */
import type { StoreRecovery } from '../../bookmarks/store';
import type { ApiError, ApiMethod, ApiResult, ArchiveInfo } from '../contract';

export interface OpenMessage {
  kind: 'open';
  id: number;
  /** null: the embedded archive (built in the worker if missing or stale, off the main thread). */
  archivePath: string | null;
  dataDir: string;
}
export interface CallMessage {
  kind: 'call';
  id: number;
  method: unknown;
  payload: unknown;
  profileId: string;
  /** Stale search answers are dropped per client (a window, a browser tab). */
  client: string;
}
export interface MediaMessage {
  kind: 'media';
  id: number;
  mediaId: string;
}
export type ToWorker = OpenMessage | CallMessage | MediaMessage;

export interface OpenedValue {
  info: ArchiveInfo;
  recovery: StoreRecovery | null;
}
export type FromWorker =
  | { id: number; kind: 'open'; ok: true; value: OpenedValue }
  | { id: number; kind: 'open'; ok: false; error: ApiError }
  | { id: number; kind: 'call'; result: ApiResult<ApiMethod> }
  | { id: number; kind: 'media'; media: { mime: string; bytes: Uint8Array } | null };
