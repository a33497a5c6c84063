/**
 * The built reader as `folio serve` sends it: each file as is, and precompressed with brotli and gzip
 * when that makes it smaller (the build writes `.br` and `.gz` beside each file; a build without them
 * is compressed here, once, at start). Text (the page, scripts, styles) is held in memory; files that
 * do not compress (fonts, images: 3.5 of the 4.1 MB, the Korean font's 240 subsets, which a browser
 * asks for only when it shows Korean) are read from the build when asked, so the server's memory does
 * not carry them. Either way the files are those found at start: no path a client sends reaches a
 * file outside the build.
 *
 * Hashed assets (Vite's `assets/name-HASH.ext`) are cached for a year as immutable; everything else
 * is revalidated with its ETag. index.html is rewritten to load its assets from "/" rather than
 * "./", so the same page works at any path: the reader's own not-found page is index.html with 404.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { STATIC_TYPES } from '../api/web-policy';
import type { Encoding } from './content-encoding';

export interface StaticFile {
  /** The URL path ("/index.html", "/assets/index-3f2a1b4c.js"). */
  path: string;
  type: string;
  immutable: boolean;
  /** The encodings it is sent in; identity is always one. */
  encodings: ReadonlySet<Encoding>;
  /** A strong ETag for one of its encodings (each is its own representation); throws, as `body` does, when a file read from the build is gone. */
  etag(encoding: Encoding): string;
  /** The body in one of its encodings: from memory, or read from the build (throws when it is gone). */
  body(encoding: Encoding): Buffer;
}

const IDENTITY_ONLY: ReadonlySet<Encoding> = new Set(['identity']);

const COMPRESSIBLE = /^(text\/|application\/json|image\/svg\+xml|image\/x-icon)/;

/** Whether files of this content type are worth compressing (text; not images or fonts that are compressed already). */
export function isCompressible(type: string): boolean {
  return COMPRESSIBLE.test(type);
}
const HASHED = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[A-Za-z0-9]+$/;
/** Smaller files gain nothing from compression once headers are counted. */
const MIN_COMPRESS_BYTES = 512;

/** The compressed forms of `body` worth sending, read from `<file>.br`/`.gz` when the build wrote them. */
export function compressedForms(body: Buffer, file?: string): Map<'br' | 'gzip', Buffer> {
  const forms = new Map<'br' | 'gzip', Buffer>();
  if (body.length < MIN_COMPRESS_BYTES) return forms;
  const fresh = (sibling: string): Buffer | null =>
    file && existsSync(sibling) && statSync(sibling).mtimeMs >= statSync(file).mtimeMs ? readFileSync(sibling) : null;
  const br =
    fresh(`${file}.br`) ??
    brotliCompressSync(body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
  const gzip = fresh(`${file}.gz`) ?? gzipSync(body, { level: 9 });
  if (br.length < body.length) forms.set('br', br);
  if (gzip.length < body.length) forms.set('gzip', gzip);
  return forms;
}

/** Vite's index.html loads "./assets/…": from "/", so that it works as the not-found page of any path. */
function rootRelative(html: string): string {
  return html.replace(/(\s(?:src|href)=["'])\.\/(?!\/)/g, '$1/');
}

/** The content's hash, marked with the encoding: each encoding is a representation of its own. */
function etagOf(identity: Buffer, encoding: Encoding): string {
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 22);
  return `"${hash}${encoding === 'identity' ? '' : `-${encoding}`}"`;
}

function filesBelow(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesBelow(full));
    else if (entry.isFile() && !/\.(br|gz)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/**
 * Indexes every file of a built reader (dotfiles and `.br`/`.gz` siblings aside), keyed by URL path:
 * text held in memory with its compressed forms, the rest read from `dir` when asked.
 */
export function loadStaticAssets(dir: string): Map<string, StaticFile> {
  const assets = new Map<string, StaticFile>();
  for (const file of filesBelow(dir)) {
    const path = `/${relative(dir, file).split(sep).join('/')}`;
    const type = STATIC_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const immutable = HASHED.test(path);
    assets.set(
      path,
      isCompressible(type) ? heldFile(path, type, immutable, file) : readWhenAsked(path, type, immutable, file),
    );
  }
  return assets;
}

/**
 * A file read from the build when asked, its ETag too (the hash of its bytes, taken at the first
 * request). Reading every font and image at start to hash them (3.5 MB) left the main thread's
 * malloc heap that much larger for as long as the server ran; and made in the loop above, the
 * `body` closure had shared the loop's scope and held those bytes as well.
 */
function readWhenAsked(path: string, type: string, immutable: boolean, file: string): StaticFile {
  let etag: string | undefined;
  return {
    path,
    type,
    immutable,
    encodings: IDENTITY_ONLY,
    etag: () => (etag ??= etagOf(readFileSync(file), 'identity')),
    body: () => readFileSync(file),
  };
}

/** A text file held in memory, with its compressed forms. */
function heldFile(path: string, type: string, immutable: boolean, file: string): StaticFile {
  let identity = readFileSync(file);
  let forms: Map<'br' | 'gzip', Buffer>;
  if (path === '/index.html') {
    identity = Buffer.from(rootRelative(identity.toString('utf8')));
    forms = compressedForms(identity); // rewritten: the build's siblings no longer match
  } else {
    forms = compressedForms(identity, file);
  }
  const bodies = new Map<Encoding, Buffer>([['identity', identity], ...forms]);
  const etags = new Map<Encoding, string>([...bodies.keys()].map((encoding) => [encoding, etagOf(identity, encoding)]));
  return {
    path,
    type,
    immutable,
    encodings: new Set(bodies.keys()),
    etag: (encoding) => etags.get(encoding)!,
    body: (encoding) => bodies.get(encoding)!,
  };
}
