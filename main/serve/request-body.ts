/**
 * Reads a request body up to a limit. A body over it is refused with 413 as soon as that is known:
 * from Content-Length before a byte is read (and before "100 Continue" is sent, so a client that asked
 * never uploads), or, for a chunked body, at the first chunk past the limit. Reading stops there and
 * the connection is closed after the answer, so the rest is never read.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './http-error';
import { sizeText } from './limits';

const tooLarge = (limit: number): HttpError =>
  new HttpError(413, `The request body is too large (the limit here is ${sizeText(limit)}).`, true);

/** Whether the request announces a body (a length above 0, or chunks). */
export function hasBody(req: IncomingMessage): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

export function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(tooLarge(limit));
  if (/^100-continue$/i.test(req.headers.expect ?? '')) res.writeContinue();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (): void => {
      cleanup();
      reject(new HttpError(400, 'The request body was cut off.', true));
    };
    const onClose = (): void => {
      if (!req.complete) onError();
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
