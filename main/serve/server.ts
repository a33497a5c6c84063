/**
 * `folio serve`: the reader for browsers (kiosks, field hotspots), like kiwix-serve.
 *
 * - The same renderer as the Electron app, always its production build (renderer-build.ts), held in
 *   memory with brotli and gzip forms (static-assets.ts); an unknown path outside /api gets the
 *   reader's own page with 404, so the reader shows its not-found view. JSON only under /api.
 * - `POST /api/<method>` goes through CoreHost (a worker thread running `dispatch`), so validation is
 *   identical to the app's; `share.info` is answered here (only the server knows its addresses), and
 *   `bookmarks.import` is fed to the worker in chunks (chunked-import.ts).
 * - `GET /media/<id>`: pack media by opaque id (validated), with byte ranges for video/audio.
 * - Bookmarks per browser profile: an HttpOnly, SameSite=Strict cookie holding a random id.
 * - No request can stall the others: bodies are capped (limits.ts) and refused with 413 before the
 *   rest is read, nesting is checked before any parse, imports run in turns, timeouts end slow clients.
 * - Loopback by default; Host and Origin checked against the server's own names on every bind
 *   (host-policy.ts); strict headers (CSP without remote origins, nosniff, no CORS, no framing).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { ApiError, ApiMethod, ApiResult } from '../api/contract';
import { CoreHost } from '../api/worker/host';
import type { JsonAnswer, OpenedValue } from '../api/worker/protocol';
import { mediaResponse, parseMediaPath } from '../api/media-response';
import { RENDERER_CSP } from '../api/web-policy';
import { sendCompressedJson, sendJson } from './json-response';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from '../json-depth';
import { packsInFolder } from '../library/library-folder';
import type { LibrarySource } from '../library/library';
import { SetupError } from '../model/errors';
import { projectRoot } from '../paths';
import { importInChunks } from './chunked-import';
import { chooseEncoding } from './content-encoding';
import { allowedHostName, HostPolicy } from './host-policy';
import { HttpError } from './http-error';
import { API_BODY_LIMIT, IMPORT_BODY_LIMIT } from './limits';
import { isLoopbackAddress, isWildcardAddress, shareAddresses, urlHost } from './network-addresses';
import { ensureRendererBuilt } from './renderer-build';
import { hasBody, readBody } from './request-body';
import { shareInfo } from './share-info';
import { holdYoungGeneration } from './young-generation';
import { loadStaticAssets, type StaticFile } from './static-assets';
import type { KioskSetup } from '../kiosk/kiosk-settings';
import { makeVisitorStoreDir, removeVisitorStoreDir } from '../kiosk/open-kiosk';
import { visitorProfile } from '../kiosk/visitor-profile';

export interface ServeOptions {
  /** The default archive (first in the library). */
  archivePath?: string;
  /** More packs, after archivePath, each required to open (`--archive`, repeated). */
  archives?: string[];
  /** Folders whose packs are all opened (`--library`); a pack there that fails to open is skipped with a notice. */
  libraryDirs?: string[];
  /** Opens the embedded archive too, last (what `folio serve` does; tests leave it out to stay fast). */
  embedded?: boolean;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where bookmarks.sqlite lives. */
  dataDir: string;
  /** More host names to answer to (`--allow-host`), besides localhost, loopback and the machine's own names. */
  allowHosts?: readonly string[];
  /** A built renderer to serve as it is (default: <project>/out/renderer, built for production first when stale). */
  rendererDir?: string;
  /** Worker script for the core (default: the TypeScript source worker). */
  workerPath?: string;
  /** Kiosk mode and the usage ledger (main/kiosk); null: neither. */
  kiosk?: KioskSetup | null;
}

export interface RunningServer {
  /** The URL for this machine (loopback for a wildcard bind). */
  url: string;
  /** Whether other devices may reach it: a bind other than loopback. */
  lan: boolean;
  /** The URLs other devices can open now, one per network address, best first (none on loopback). */
  shareAddresses(): { url: string; interfaceName: string | null }[];
  /** What the archive worker reported when it opened the pack. */
  opened: OpenedValue;
  close(): Promise<void>;
}

const PROFILE_COOKIE = 'folio_profile';
const PROFILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const CSP = RENDERER_CSP;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), payment=()',
};

// A superseded search is answered, not failed (see api/superseded.ts); a full store is a conflict with its state.
const API_STATUS: Record<ApiError['code'], number> = {
  'bad-request': 400,
  'not-found': 404,
  unavailable: 503,
  internal: 500,
  superseded: 200,
  full: 409,
};

/** A result answered on this thread, as the worker answers (host.ts callJson). */
function jsonAnswer(result: ApiResult<ApiMethod>): JsonAnswer {
  return { error: result.ok ? null : result.error.code, json: Buffer.from(JSON.stringify(result), 'utf8') };
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  // Checked first, so a bad --allow-host costs nothing (no build, no worker).
  const allowHosts = (options.allowHosts ?? []).map(allowedHostName);
  const rendererDir = resolve(options.rendererDir ?? join(projectRoot(), 'out', 'renderer'));
  if (!options.rendererDir) await ensureRendererBuilt(rendererDir);
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new SetupError(`the web app is not built (${rendererDir}); run "npm run build:renderer"`);
  }
  const assets = loadStaticAssets(rendererDir);
  const indexPage = assets.get('/index.html')!;

  const core = new CoreHost(options.workerPath ? { workerPath: options.workerPath } : {});
  const kiosk: KioskSetup | null = options.kiosk?.enabled
    ? { ...options.kiosk, storeDir: makeVisitorStoreDir() }
    : (options.kiosk ?? null);
  const kioskMode = kiosk?.enabled === true;
  let opened: OpenedValue;
  try {
    const sources: LibrarySource[] = [
      ...[...(options.archivePath ? [options.archivePath] : []), ...(options.archives ?? [])].map((path) => ({
        path: resolve(path),
        required: true,
      })),
      ...(options.libraryDirs ?? []).flatMap((dir) => packsInFolder(dir).map((path) => ({ path, required: false }))),
    ];
    if (sources.length === 0 && !options.embedded) throw new SetupError('no archive to serve');
    opened = await core.openLibrary({
      sources,
      embedded: options.embedded ?? false,
      dataDir: options.dataDir,
      kiosk,
    });
  } catch (error) {
    await core.close();
    removeVisitorStoreDir(kiosk?.storeDir);
    throw error;
  }
  // Up and warmed up: the HTTP thread's young generation stays as it is (young-generation.ts).
  holdYoungGeneration();
  // The reader is told too (ArchiveInfo.notices); the console of a kiosk's server is told here.
  for (const notice of opened.info.notices) process.stderr.write(`folio: ${notice}\n`);

  let policy: HostPolicy | null = null; // set once listening, when the port is known
  let port = 0;
  let localUrl = '';

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => refuse(req, res, error));
  };
  const server = createServer(onRequest);
  // Answered by readBody: "100 Continue" only for a body within the limit, so a refused upload never starts.
  server.on('checkContinue', onRequest);
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;

  const isApiPath = (req: IncomingMessage): boolean => (req.url ?? '').startsWith('/api/');

  function refuse(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    const status = error instanceof HttpError ? error.status : 500;
    const message = error instanceof HttpError ? error.message : 'Internal error.';
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // A body not read to its end is never read: the connection closes after this answer.
    if ((error instanceof HttpError && error.closeConnection) || !req.complete) res.setHeader('Connection', 'close');
    if (isApiPath(req)) {
      sendJson(res, status, { ok: false, error: { code: status >= 500 ? 'internal' : 'bad-request', message } });
    } else if (status === 404) {
      sendStatic(req, res, indexPage, 404);
    } else {
      const text = `${message}\n`;
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
      res.end(req.method === 'HEAD' ? undefined : text);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!policy?.allowsHost(req.headers.host)) {
      throw new HttpError(421, 'Unknown host name: this Folio answers only to its own addresses (see --allow-host).');
    }
    const target = req.url ?? '/';
    if (!target.startsWith('/')) throw new HttpError(400, 'Bad request target.');
    const path = new URL(`http://folio.invalid${target}`).pathname;

    if (path.startsWith('/api/')) {
      await handleApi(req, res, path);
      return;
    }
    if (hasBody(req)) throw new HttpError(413, 'Only API calls take a request body.', true);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      throw new HttpError(405, 'Method not allowed.');
    }

    if (path.startsWith('/media/')) {
      const media = parseMediaPath(path.slice('/media/'.length));
      if (!media) throw new HttpError(400, 'Bad media id.');
      const blob = await core.media(media.mediaId, media.archiveId);
      if (!blob) throw new HttpError(404, 'This media file is not included in the archive.');
      const out = mediaResponse(blob, req.headers.range);
      res.writeHead(out.status, out.headers);
      res.end(req.method === 'HEAD' ? undefined : out.body);
      return;
    }

    // The built reader, from memory: "/" is the app; nothing outside the build exists here.
    const relative = path === '/' ? '/index.html' : safeDecode(path);
    if (relative === null || relative.includes('\0')) throw new HttpError(400, 'Bad path.');
    const file = assets.get(relative);
    if (!file) throw new HttpError(404, 'Not found.');
    // A kiosk visitor has no cookie profile: the page names its session (X-Folio-Session) instead.
    if (file === indexPage && !kioskMode) profileOf(req, res);
    sendStatic(req, res, file, 200);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      throw new HttpError(405, 'API calls use POST.');
    }
    // No CORS: only pages from this server's own origins may call the API.
    const origin = req.headers.origin;
    if ((origin !== undefined && !policy?.allowsOrigin(origin)) || req.headers['sec-fetch-site'] === 'cross-site') {
      throw new HttpError(403, 'Cross-origin API calls are not allowed.');
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      throw new HttpError(415, 'API calls must send Content-Type: application/json.');
    }
    const method = safeDecode(path.slice('/api/'.length));
    if (method === null) throw new HttpError(400, 'Bad API method name (broken URL encoding).');
    const body = await readBody(req, res, method === 'bookmarks.import' ? IMPORT_BODY_LIMIT : API_BODY_LIMIT);
    if (jsonNestsDeeperThan(body)) {
      throw new HttpError(400, `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
    }
    let payload: unknown;
    try {
      payload = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      throw new HttpError(400, 'The request body is not valid JSON.');
    }
    const profileId = kioskMode ? visitorProfile(req) : profileOf(req, res);
    const clientHeader = req.headers['x-folio-client'];
    const client =
      typeof clientHeader === 'string' && CLIENT_ID.test(clientHeader) ? `${profileId}/${clientHeader}` : profileId;
    const answer = await callApi(method, payload, profileId, client);
    res.setHeader('Cache-Control', 'no-store');
    await sendCompressedJson(req, res, answer.error === null ? 200 : (API_STATUS[answer.error] ?? 500), answer.json);
  }

  /** The call's result as JSON: from the worker as it made it, or answered here (share.info, bookmark imports). */
  async function callApi(method: string, payload: unknown, profileId: string, client: string): Promise<JsonAnswer> {
    if (method === 'share.info') {
      if (!isPlainObject(payload) || Object.keys(payload).length > 0) {
        return jsonAnswer({
          ok: false,
          error: { code: 'bad-request', message: 'Invalid request for share.info: it takes no fields.' },
        });
      }
      return jsonAnswer({ ok: true, value: shareInfo(host, port, localUrl) });
    }
    const content = isPlainObject(payload) ? payload.content : undefined;
    if (method === 'bookmarks.import' && typeof content === 'string' && Object.keys(payload as object).length === 1) {
      return jsonAnswer(
        await importInChunks(
          content,
          (chunk) =>
            core.call('bookmarks.import', { content: chunk }, profileId, client) as Promise<
              ApiResult<'bookmarks.import'>
            >,
        ),
      );
    }
    return core.callJson(method, payload, profileId, client);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  policy = new HostPolicy({ bindHost: host, port, allowHosts });
  const lan = !(isLoopbackAddress(host) || host.toLowerCase() === 'localhost');
  const ownHost = isWildcardAddress(host)
    ? host.includes(':')
      ? '[::1]'
      : '127.0.0.1'
    : urlHost(host.replace(/^\[|\]$/g, ''));
  localUrl = `http://${ownHost}:${port}/`;

  return {
    url: localUrl,
    lan,
    shareAddresses: () => shareAddresses(host, port),
    opened,
    close: async () => {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await core.close();
      removeVisitorStoreDir(kiosk?.storeDir);
    },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function profileOf(req: IncomingMessage, res: ServerResponse): string {
  const cookies = req.headers.cookie ?? '';
  for (const part of cookies.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === PROFILE_COOKIE && value && PROFILE_ID.test(value)) return value;
  }
  const id = randomUUID();
  res.setHeader('Set-Cookie', `${PROFILE_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict; Max-Age=315360000`);
  return id;
}

/** A file of the reader, in the best encoding the client takes; 304 when its ETag still matches. */
function sendStatic(req: IncomingMessage, res: ServerResponse, file: StaticFile, status: 200 | 404): void {
  const encoding = chooseEncoding(req.headers['accept-encoding'], file.encodings);
  const headers: Record<string, string | number> = {
    'Content-Type': file.type,
    'Cache-Control': status === 200 && file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (file.encodings.size > 1) headers.Vary = 'Accept-Encoding';
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  const gone = (): HttpError => new HttpError(503, 'The web app changed on disk; restart folio serve.');
  if (status === 200) {
    let etag: string;
    try {
      etag = file.etag(encoding);
    } catch {
      // A font or image read on demand is gone: the build was replaced under a running server.
      throw gone();
    }
    headers.ETag = etag;
    const match = req.headers['if-none-match'];
    if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
  }
  let body: Buffer;
  try {
    body = file.body(encoding);
  } catch {
    throw gone();
  }
  headers['Content-Length'] = body.length;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
