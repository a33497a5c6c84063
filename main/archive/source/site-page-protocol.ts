/** What site-page-pool.ts and its worker threads (site-page-worker.ts) say to each other. */
import type { SitePageRead } from './site-page';

/** Given to each worker when it starts (with the port it talks on). */
export interface PoolSetup {
  root: string;
  keepBoilerplate: boolean;
  /** An Int32Array's buffer: a counter each reply adds one to, which the builder waits on. */
  wake: SharedArrayBuffer;
}

/** Read page `index` (in file-name order) at `path`, whose real path is `real`, of `bytes`. */
export interface PageTask {
  index: number;
  path: string;
  real: string;
  bytes: number;
}

export type PageReply =
  | { ready: true }
  | { index: number; read: SitePageRead }
  /** The page could not be read: `sourceError` when that is the source's fault (a SourceError's one line). */
  | { index: number; error: string; sourceError: boolean };
