/**
 * The renderer's only way to the archive: a FolioApi in context. Inside Electron that wraps `window.folio`
 * (IPC through the preload); in a browser, the HTTP client for `folio serve`.
 */
import { createContext, useContext } from 'react';
import type { FolioApi, FolioBridge } from '../../../main/api/contract';
import { bridgeApi } from './bridge-api';
import { withEarlyReads } from './early-reads';
import { httpApi } from './http-api';

declare global {
  interface Window {
    folio?: FolioBridge;
  }
}

export const ApiContext = createContext<FolioApi | null>(null);

/**
 * The transport of this page: the preload's API in the app, else HTTP to the server that sent the
 * page. From the server's root, not relative to the page: `folio serve` answers any unknown path
 * with the reader (and a 404), and from `/a/b` a relative `./api` would miss. Its first reads are
 * asked at once (early-reads.ts): call this once per page.
 */
export function pageApi(): FolioApi {
  return withEarlyReads(window.folio ? bridgeApi(window.folio) : httpApi(''));
}

export function useApi(): FolioApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiContext> above it.');
  return api;
}
