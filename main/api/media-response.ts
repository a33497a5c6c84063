/**
 * Media from a pack, as an HTTP-style response: used by `folio serve` (/media/<id>) and the Electron
 * app protocol alike. Media ids are opaque keys into the pack, never file paths, and are validated
 * before any lookup, so nothing the renderer sends can reach the filesystem.
 */
import type { MediaBlob } from '../archive/pack-reader-types';

export const MEDIA_ID = /^[A-Za-z0-9_-]{1,128}$/;

export function isMediaId(id: string): boolean {
  return MEDIA_ID.test(id);
}

/**
 * The media file a URL path names, after `/media/`: `<mediaId>` (the default archive) or
 * `<archiveId>/<mediaId>`, each segment percent-encoded. null for anything else.
 */
export function parseMediaPath(rest: string): { archiveId?: string; mediaId: string } | null {
  const parts = rest.split('/');
  if (parts.length > 2) return null;
  let decoded: string[];
  try {
    decoded = parts.map((p) => decodeURIComponent(p));
  } catch {
    return null;
  }
  const mediaId = decoded[decoded.length - 1]!;
  if (!isMediaId(mediaId)) return null;
  if (decoded.length === 1) return { mediaId };
  const archiveId = decoded[0]!;
  return archiveId.length >= 1 && archiveId.length <= 200 ? { archiveId, mediaId } : null;
}

export interface MediaHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** 200 with the whole file, or 206 for one satisfiable byte range (video and audio seeking), or 416. */
export function mediaResponse(blob: MediaBlob, range: string | undefined | null): MediaHttpResponse {
  const size = blob.bytes.byteLength;
  const base: Record<string, string> = {
    'Content-Type': safeMime(blob.mime),
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'private, max-age=3600',
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': 'inline',
    // Opened on its own (e.g. an SVG), a media file can never run script.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  };
  const match = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) {
    return { status: 200, headers: { ...base, 'Content-Length': String(size) }, body: blob.bytes };
  }
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) {
    return {
      status: 416,
      headers: { ...base, 'Content-Range': `bytes */${size}`, 'Content-Length': '0' },
      body: Buffer.alloc(0),
    };
  }
  return {
    status: 206,
    headers: { ...base, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': String(end - start + 1) },
    body: blob.bytes.subarray(start, end + 1),
  };
}

/** Only media types a reader can show (and WebVTT caption tracks); anything else is served as opaque bytes. */
function safeMime(mime: string): string {
  return /^(image\/(jpeg|png|gif|webp|avif|svg\+xml)|video\/(mp4|webm|ogg)|audio\/(mpeg|mp4|ogg|wav|webm|flac|aac)|text\/vtt)$/.test(
    mime,
  )
    ? mime
    : 'application/octet-stream';
}
