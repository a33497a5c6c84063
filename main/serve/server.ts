/**
 * `folio serve`: the reader for browsers (kiosks, field hotspots), like kiwix-serve.
 *
 * - The same renderer as the Electron app (out/renderer) and the same handler table: `POST /api/<method>`
 *   goes through CoreHost (a worker thread running `dispatch`), so validation is identical.
 * - `GET /media/<id>`: pack media by opaque id (validated), with byte ranges for video/audio.
 * - Bookmarks per browser profile: an HttpOnly, SameSite=Strict cookie holding a random id.
 * - Loopback by default; strict headers (CSP without remote origins, nosniff, no CORS, no framing);
 *   Host header checked (DNS rebinding), cross-origin API calls refused, JSON bodies only, size-limited.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CoreHost } from '../api/worker/host';
import type { OpenedValue } from '../api/worker/protocol';
import type { ApiError } from '../api/contract';
import { isMediaId, mediaResponse } from '../api/media-response';
import { SetupError } from '../model/errors';
import { projectRoot } from '../paths';
import { ensureRendererBuilt } from './renderer-build';
import { RENDERER_CSP, STATIC_TYPES } from '../api/web-policy';
import type { KioskSetup } from '../kiosk/kiosk-settings';
import { makeVisitorStoreDir, removeVisitorStoreDir } from '../kiosk/open-kiosk';
import { visitorProfile } from '../kiosk/visitor-profile';

export interface ServeOptions {
  archivePath: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where bookmarks.sqlite lives. */
  dataDir: string;
  /** Built renderer (default: <project>/out/renderer, built first when missing). */
  rendererDir?: string;
  /** Worker script for the core (default: the TypeScript source worker). */
  workerPath?: string;
  /** Kiosk mode and the usage ledger (main/kiosk); null: neither. */
  kiosk?: KioskSetup | null;
}

export interface RunningServer {
  url: string;
  /** What the archive worker reported when it opened the pack. */
  opened: OpenedValue;
  close(): Promise<void>;
}

export const MAX_BODY_BYTES = 21 * 1024 * 1024;
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

// A superseded search is answered, not failed (see api/superseded.ts).
const API_STATUS: Record<ApiError['code'], number> = {
  'bad-request': 400,
  'not-found': 404,
  unavailable: 503,
  internal: 500,
  superseded: 200,
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const rendererDir = resolve(options.rendererDir ?? join(projectRoot(), 'out', 'renderer'));
  if (!options.rendererDir) await ensureRendererBuilt(rendererDir);
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new SetupError(`the web app is not built (${rendererDir}); run "npm run build:renderer"`);
  }

  const core = new CoreHost(options.workerPath ? { workerPath: options.workerPath } : {});
  const kiosk: KioskSetup | null = options.kiosk?.enabled
    ? { ...options.kiosk, storeDir: makeVisitorStoreDir() }
    : (options.kiosk ?? null);
  const kioskMode = kiosk?.enabled === true;
  let opened: OpenedValue;
  try {
    opened = await core.open(resolve(options.archivePath), options.dataDir, kiosk);
  } catch (error) {
    await core.close();
    removeVisitorStoreDir(kiosk?.storeDir);
    throw error;
  }
  if (opened.recovery) process.stderr.write(`folio: ${opened.recovery.message}\n`);

  let origin = '';
  const allowedHosts = new Set<string>();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof HttpError ? error.message : 'Internal error.';
      if (!res.headersSent)
        sendJson(res, status, { ok: false, error: { code: status >= 500 ? 'internal' : 'bad-request', message } });
      else res.destroy();
    });
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const hostHeader = (req.headers.host ?? '').toLowerCase();
    if (!allowedHosts.has(hostHeader) && !(host === '0.0.0.0' || host === '::')) {
      throw new HttpError(421, 'Unknown host name.');
    }
    const url = new URL(req.url ?? '/', 'http://folio.invalid');
    const path = url.pathname;

    if (path.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        throw new HttpError(405, 'API calls use POST.');
      }
      // No CORS: a page from another origin may not call the API (and cannot read answers anyway).
      const requestOrigin = req.headers.origin;
      if (requestOrigin && requestOrigin !== origin && !(host === '0.0.0.0' || host === '::')) {
        throw new HttpError(403, 'Cross-origin API calls are not allowed.');
      }
      if (requestOrigin && (host === '0.0.0.0' || host === '::') && originHost(requestOrigin) !== hostHeader) {
        throw new HttpError(403, 'Cross-origin API calls are not allowed.');
      }
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        throw new HttpError(415, 'API calls must send Content-Type: application/json.');
      }
      const method = decodeURIComponent(path.slice('/api/'.length));
      const body = await readBody(req, MAX_BODY_BYTES);
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
      const result = await core.call(method, payload, profileId, client);
      res.setHeader('Cache-Control', 'no-store');
      sendJson(res, result.ok ? 200 : (API_STATUS[result.error.code] ?? 500), result);
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      throw new HttpError(405, 'Method not allowed.');
    }

    if (path.startsWith('/media/')) {
      let id: string;
      try {
        id = decodeURIComponent(path.slice('/media/'.length));
      } catch {
        throw new HttpError(400, 'Bad media id.');
      }
      if (!isMediaId(id)) throw new HttpError(400, 'Bad media id.');
      const blob = await core.media(id);
      if (!blob) throw new HttpError(404, 'This media file is not included in the archive.');
      const out = mediaResponse(blob, req.headers.range);
      res.writeHead(out.status, out.headers);
      res.end(req.method === 'HEAD' ? undefined : out.body);
      return;
    }

    // The built renderer. Only files under rendererDir; "/" is the app.
    const relative = path === '/' ? 'index.html' : safeDecode(path.slice(1));
    if (relative === null || relative.includes('\0')) throw new HttpError(400, 'Bad path.');
    const file = normalize(join(rendererDir, relative));
    if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      throw new HttpError(404, 'Not found.');
    }
    const type = STATIC_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (relative === 'index.html' && !kioskMode) profileOf(req, res);
    res.writeHead(200, {
      'Content-Type': type,
      'Cache-Control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const urlHost = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : shownHost;
  origin = `http://${urlHost}:${address.port}`;
  for (const name of [urlHost, shownHost, 'localhost', '127.0.0.1', '[::1]'])
    allowedHosts.add(`${name}:${address.port}`.toLowerCase());

  return {
    url: `${origin}/`,
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

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null; // "null" (sandboxed frames) and garbage are never our origin
  }
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

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      reject(new HttpError(413, `The request is too large (limit ${Math.round(limit / 1024 / 1024)} MB).`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `The request is too large (limit ${Math.round(limit / 1024 / 1024)} MB).`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
