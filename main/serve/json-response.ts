/**
 * Answers as JSON, compressed when they are big enough to matter and the client takes it. The
 * contents of an archive of 35,000 sections are 6.4 MB of JSON and 0.7 MB in brotli, which a phone on
 * a laptop's hotspot notices. A big answer is compressed on libuv's thread pool, so no other reader
 * waits on it; a small one (a page of search results) at once, because the hop to the pool and back
 * costs more than the work and, on a busy machine, waits its turn.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import { chooseEncoding, type Encoding } from './content-encoding';

/** Below this, compressing costs more than the bytes it saves. */
const COMPRESS_FROM = 1024;
/** Up to here compressing takes well under a millisecond (a 15 KB page of results: 0.1 ms). */
const COMPRESS_INLINE_UNTIL = 64 * 1024;
const COMPRESSIBLE: ReadonlySet<Encoding> = new Set(['br', 'gzip']);
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Uncompressed: for the small answers of refused requests, which must not wait on anything. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * JSON already encoded as UTF-8 (the core worker makes it: host.ts callJson), in the best encoding
 * the client accepts once it passes COMPRESS_FROM bytes.
 */
export async function sendCompressedJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  json: Uint8Array,
): Promise<void> {
  const text = Buffer.from(json.buffer, json.byteOffset, json.byteLength);
  const encoding =
    text.length < COMPRESS_FROM ? 'identity' : chooseEncoding(req.headers['accept-encoding'], COMPRESSIBLE);
  const out = encoding === 'identity' ? text : await compressed(text, encoding);
  if (res.destroyed) return;
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': out.length,
    Vary: 'Accept-Encoding',
  };
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  res.writeHead(status, headers);
  res.end(out);
}

/** `text` in `encoding`: at once when small, else on the thread pool. */
function compressed(text: Buffer, encoding: 'br' | 'gzip'): Buffer | Promise<Buffer> {
  const inline = text.length <= COMPRESS_INLINE_UNTIL;
  if (encoding === 'gzip') return inline ? gzipSync(text) : gzipped(text);
  // Quality 4: nine tenths of the best ratio at a fifth of its time (65 ms for 6.4 MB).
  const options = {
    params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: text.length },
  };
  return inline ? brotliCompressSync(text, options) : brotli(text, options);
}
