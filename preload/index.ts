/**
 * Exposes `window.folio` (the typed FolioBridge) and nothing else. Sandboxed preload: no Node modules,
 * so the method allowlist is spelled out here and checked against the contract by the compiler.
 * Results cross as plain data: an Error thrown through contextBridge would keep only its message.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiMethod, ApiRequest, ApiResult, FolioBridge } from '../main/api/contract';

const METHODS = [
  'archive.info',
  'archive.section',
  'archive.sections',
  'archive.curatedSections',
  'archive.passage',
  'passage.random',
  'search.query',
  'library.list',
  'library.search',
  'bookmarks.list',
  'bookmarks.set',
  'bookmarks.remove',
  'bookmarks.export',
  'bookmarks.import',
  'settings.get',
  'settings.set',
  'share.info',
  'kiosk.config',
  'kiosk.start',
  'kiosk.end',
  'kiosk.record',
  'kiosk.admin',
] as const satisfies readonly ApiMethod[];
// Compile-time proof that every contract method is listed.
type Missing = Exclude<ApiMethod, (typeof METHODS)[number]>;
const complete: Missing extends never ? true : never = true;
void complete;

const allowed: ReadonlySet<string> = new Set(METHODS);

const api: FolioBridge = {
  async invoke<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResult<M>> {
    if (!allowed.has(method))
      return { ok: false, error: { code: 'bad-request', message: `Unknown API method "${String(method)}".` } };
    // Same channel naming as contract.ts's ipcChannel.
    return (await ipcRenderer.invoke(`folio:${method}`, request)) as ApiResult<M>;
  },
  mediaUrl: (mediaId: string, archiveId?: string) =>
    archiveId === undefined
      ? `app://folio/media/${encodeURIComponent(mediaId)}`
      : `app://folio/media/${encodeURIComponent(archiveId)}/${encodeURIComponent(mediaId)}`,
};

contextBridge.exposeInMainWorld('folio', api);
