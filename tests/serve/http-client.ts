/**
 * Raw HTTP for the serve tests: any method, path and header (fetch would normalise paths and forbid
 * Host, Origin and some others), bodies given whole, in chunks, or behind "Expect: 100-continue".
 * Only ever to the loopback address the test's own server listens on.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

/** An API answer as it crosses HTTP; `T` is what the test expects in `value`. */
export interface ApiBody<T> {
  ok: boolean;
  value: T;
  error?: { code: string; message: string };
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  /** Whether the server sent "100 Continue" (only asked with `expectContinue`). */
  continued: boolean;
  json: <T = unknown>() => ApiBody<T>;
}

export interface RequestOptions {
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Send the body with Transfer-Encoding: chunked, in pieces of this many bytes. */
  chunkBytes?: number;
  /** Ask "Expect: 100-continue" and send the body only if the server says so. */
  expectContinue?: boolean;
}

export function raw(base: string, method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
  const url = new URL(base);
  const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
  const headers: Record<string, string> = {
    ...(body !== undefined && !options.chunkBytes ? { 'content-length': String(body.length) } : {}),
    ...(options.expectContinue ? { expect: '100-continue' } : {}),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    let continued = false;
    let answered = false;
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const all = Buffer.concat(chunks);
        const text = all.toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: all,
          text,
          continued,
          json: <T>() => JSON.parse(text) as ApiBody<T>,
        });
      });
      res.on('error', reject);
    });
    // Like a browser or curl, stop uploading once the server has answered (a 413 before the end).
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const send = async (): Promise<void> => {
      if (body === undefined) {
        req.end();
        return;
      }
      const piece = options.chunkBytes ?? 64 * 1024;
      for (let at = 0; at < body.length && !answered && !req.destroyed; at += piece) {
        if (!req.write(body.subarray(at, at + piece))) {
          await new Promise<void>((drained) => {
            const done = (): void => {
              req.off('drain', done);
              req.off('close', done);
              req.off('response', done);
              drained();
            };
            req.on('drain', done);
            req.on('close', done);
            req.on('response', done);
          });
        }
      }
      if (!answered && !req.destroyed) req.end();
    };
    if (options.expectContinue) {
      req.on('continue', () => {
        continued = true;
        void send();
      });
      req.flushHeaders();
    } else {
      void send();
    }
  });
}

/** A POST to the API with a JSON payload. */
export function api(
  base: string,
  method: string,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return raw(base, 'POST', `/api/${method}`, {
    body: JSON.stringify(payload),
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** The profile cookie a fresh browser gets from the reader's page. */
export async function freshCookie(base: string): Promise<string> {
  return String((await raw(base, 'GET', '/')).headers['set-cookie']).split(';')[0]!;
}
