/**
 * Compiles an archive source folder (a curated source with folio.json, or a plain website folder)
 * into a pack. The output is deterministic: the same source gives the same content checksums.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { openDatabase } from '../sqlite';
import { createAnalyzer } from '../search/analyzer/index';
import { toIndexDocuments } from '../search/documents';
import { indexDocuments } from '../search/indexer/index-documents';
import { writeSearchIndex } from '../search/indexer/write-search-index';
import { analyzerFingerprint } from './fingerprint';
import { contentChecksum, indexChecksum } from './checksum';
import { mimeForPath } from './mime';
import { KIND_CODES, META, PACK_APPLICATION_ID, PACK_FORMAT_VERSION, PACK_SCHEMA, passageIdHash, TEXT_BLOCK_BYTES, type StoredPassage } from './pack-schema';
import { type PassageBlock, type SourceBlock } from './source/blocks';
import { SourceError } from '../model/errors';
import { readHtml } from './source/html';
import { readSourceManifest } from './source/manifest';
import { readMarkdown } from './source/markdown';
import { readPlainText } from './source/plaintext';
import { alignToRecord } from './source/record';
import type { Manifest, MediaRef, Passage, Section } from '../model/archive';

export interface BuildProgress {
  phase: 'reading' | 'indexing' | 'writing';
  done: number;
  total: number;
}

export interface BuildOptions {
  onProgress?: (progress: BuildProgress) => void;
}

export interface BuildResult {
  outFile: string;
  manifest: Manifest;
  passages: number;
  sections: number;
  media: { referenced: number; included: number };
  bytes: number;
  contentSha256: string;
  indexSha256: string;
  ms: number;
}

interface MediaFile {
  ref: MediaRef;
  data: Buffer | null;
  sha256: string | null;
}

const CONTENT_EXTENSIONS = new Set(['.md', '.markdown', '.html', '.htm', '.txt']);
const HTML_EXTENSIONS = new Set(['.html', '.htm']);

/**
 * Brotli settings for one text block. The window is sized to the block: brotli's default 4 MiB
 * window costs more to set up than a 32 KiB block costs to compress (on the Python documentation,
 * 8.0 s against 0.6 s for the same bytes), and a window that covers the block loses nothing.
 */
function brotliParams(bytes: number): { params: Record<number, number> } {
  const window = Math.min(zlib.BROTLI_MAX_WINDOW_BITS, Math.max(zlib.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(bytes + 16))));
  return {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: 9,
      [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
      [zlib.BROTLI_PARAM_LGWIN]: window,
      [zlib.BROTLI_PARAM_SIZE_HINT]: bytes,
    },
  };
}

function sha(text: string | Buffer, length = 64): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

function slug(title: string): string {
  const base = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 60);
  return base || 'section';
}

/** Is `child` inside `root` (after resolving `..`)? Media paths must never escape the source folder. */
function inside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function listFiles(dir: string, accept: (name: string) => boolean): string[] {
  const out: string[] = [];
  const visit = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && accept(entry.name)) out.push(full);
    }
  };
  visit(dir);
  return out;
}

interface ReadSource {
  manifest: Manifest;
  blocks: SourceBlock[];
  recordFile: string | null;
  /** Resolves a media reference (relative to the source root) to a file inside it, or null. */
  root: string;
}

function readCuratedSource(root: string, onProgress?: BuildOptions['onProgress']): ReadSource {
  const source = readSourceManifest(root);
  const contentDir = resolve(root, source.content);
  if (!existsSync(contentDir)) throw new SourceError(`${join(root, 'folio.json')}: content folder "${source.content}" does not exist`);
  const files = listFiles(contentDir, (name) => CONTENT_EXTENSIONS.has(extname(name).toLowerCase()));
  if (files.length === 0) throw new SourceError(`${contentDir}: no .md, .html or .txt content files`);
  const blocks: SourceBlock[] = [];
  files.forEach((file, index) => {
    const shown = relative(root, file).split(sep).join('/');
    const text = readFileSync(file, 'utf8');
    const ext = extname(file).toLowerCase();
    if (ext === '.md' || ext === '.markdown') blocks.push(...readMarkdown(text, shown));
    else if (HTML_EXTENSIONS.has(ext)) {
      const page = readHtml(text, shown, (src) => resolveMediaRef(root, dirname(file), src), basename(file, ext));
      blocks.push(...page.blocks.filter((b) => b.type === 'passage'));
    } else blocks.push(...readPlainText(text, shown));
    onProgress?.({ phase: 'reading', done: index + 1, total: files.length });
  });
  return {
    manifest: {
      id: source.id,
      title: source.title,
      description: source.description,
      languages: source.languages,
      source: source.source,
      licence: source.licence,
      variants: source.variants,
      version: source.version,
    },
    blocks,
    recordFile: source.record ? resolve(root, source.record) : null,
    root,
  };
}

/** A media reference from a page: a path inside the folder (relative to root) when it exists, else as given. */
function resolveMediaRef(root: string, pageDir: string, src: string): string {
  const clean = src.split(/[?#]/u)[0] ?? '';
  if (!clean || /^[a-z][a-z0-9+.-]*:/iu.test(clean)) return src;
  let decoded = clean;
  try {
    decoded = decodeURIComponent(clean);
  } catch {
    return src;
  }
  const full = resolve(clean.startsWith('/') ? root : pageDir, decoded.replace(/^\/+/u, ''));
  if (!inside(root, full) || !existsSync(full)) return src;
  return relative(root, full).split(sep).join('/');
}

function readWebsite(root: string, onProgress?: BuildOptions['onProgress']): ReadSource {
  const pages = listFiles(root, (name) => HTML_EXTENSIONS.has(extname(name).toLowerCase()));
  if (pages.length === 0) throw new SourceError(`${root}: no folio.json and no HTML pages: nothing to build`);
  const index = pages.findIndex((p) => relative(root, p).toLowerCase() === 'index.html');
  if (index > 0) pages.unshift(...pages.splice(index, 1));
  const blocks: SourceBlock[] = [];
  let title = '';
  let lang: string | null = null;
  pages.forEach((page, i) => {
    const shown = relative(root, page).split(sep).join('/');
    const result = readHtml(readFileSync(page, 'utf8'), shown, (src) => resolveMediaRef(root, dirname(page), src), shown);
    if (i === 0) {
      title = result.title;
      lang = result.lang;
    }
    blocks.push(...result.blocks);
    if (i % 10 === 0 || i === pages.length - 1) onProgress?.({ phase: 'reading', done: i + 1, total: pages.length });
  });
  const name = basename(resolve(root));
  return {
    manifest: {
      id: slug(name) || 'website',
      title: title || name,
      description: `${pages.length} pages imported from the folder ${name}.`,
      languages: [lang ?? 'en'],
      source: `HTML pages from the folder ${name}`,
      licence: 'See the original pages.',
      variants: [],
      version: '',
    },
    blocks,
    recordFile: null,
    root,
  };
}

/** Turns source blocks into sections and passages: ids, repeats, media and provenance. */
function assemble(read: ReadSource): { sections: Section[]; passages: Passage[]; media: Map<string, MediaFile> } {
  const sections: Section[] = [];
  const passages: Passage[] = [];
  const media = new Map<string, MediaFile>();
  const sectionIds = new Set<string>();
  const passageIds = new Map<string, number>();
  const firstByContent = new Map<string, string>();

  const startSection = (title: string, metadata: boolean): Section => {
    let id = slug(title);
    for (let n = 2; sectionIds.has(id); n++) id = `${slug(title)}-${n}`;
    sectionIds.add(id);
    const section: Section = { id, ordinal: sections.length, title, titleIsMetadata: metadata, passageCount: 0, firstPassageId: null };
    sections.push(section);
    return section;
  };

  const passageBlocks = read.blocks.filter((b): b is PassageBlock => b.type === 'passage');
  const recordRanges = read.recordFile
    ? alignToRecord(
        passageBlocks.map((b) => ({ text: b.text, where: `${b.file}:${b.lines[0]}` })),
        readFileSync(read.recordFile, 'utf8'),
        relative(read.root, read.recordFile).split(sep).join('/'),
      )
    : null;
  const recordName = read.recordFile ? relative(read.root, read.recordFile).split(sep).join('/') : null;

  let current: Section | null = null;
  let passageIndex = 0;
  for (const block of read.blocks) {
    if (block.type === 'section') {
      // A page heading right after a metadata section start belongs to that section.
      if (current && current.passageCount === 0 && current.titleIsMetadata && !block.metadata) continue;
      current = startSection(block.title, block.metadata);
      continue;
    }
    current ??= startSection(read.manifest.title, true);
    const contentKey = `${block.kind}\u0000${block.text}`;
    const baseId = sha(contentKey, 12);
    const seen = passageIds.get(baseId) ?? 0;
    passageIds.set(baseId, seen + 1);
    const id = seen === 0 ? `p${baseId}` : `p${baseId}-${seen + 1}`;
    const repeatOf = firstByContent.get(contentKey) ?? null;
    if (!repeatOf) firstByContent.set(contentKey, id);

    let mediaRef: MediaRef | null = null;
    if (block.media) {
      const src = block.media.src;
      const full = src ? resolve(read.root, src) : null;
      const present = Boolean(full && inside(read.root, full) && existsSync(full) && statSync(full).isFile());
      const mediaId = present && src ? `m${sha(src, 12)}` : `m${sha(`${id}\u0000${src ?? ''}`, 12)}`;
      const existing = media.get(mediaId);
      if (existing) mediaRef = existing.ref;
      else {
        const data = present && full ? readFileSync(full) : null;
        mediaRef = {
          id: mediaId,
          type: block.media.type,
          mime: data && full ? mimeForPath(full) : null,
          source: src,
          present,
          bytes: data?.length ?? 0,
        };
        media.set(mediaId, { ref: mediaRef, data, sha256: data ? sha(data) : null });
      }
    }

    const range = recordRanges?.[passageIndex];
    passages.push({
      id,
      ordinal: passages.length,
      sectionId: current.id,
      kind: block.kind,
      text: block.text,
      title: block.title,
      level: block.level,
      media: mediaRef,
      repeatOf,
      provenance: range && recordName ? { file: recordName, lines: range } : { file: block.file, lines: block.lines },
    });
    current.passageCount++;
    current.firstPassageId ??= id;
    passageIndex++;
  }
  return { sections: sections.filter((s) => s.passageCount > 0).map((s, ordinal) => ({ ...s, ordinal })), passages, media };
}

/** Builds `sourceDir` into the pack `outFile` (written to a temporary file, then renamed). */
export function buildPack(sourceDir: string, outFile: string, options: BuildOptions = {}): BuildResult {
  const started = performance.now();
  const root = resolve(sourceDir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new SourceError(`${sourceDir}: not a folder`);
  const read = existsSync(join(root, 'folio.json')) ? readCuratedSource(root, options.onProgress) : readWebsite(root, options.onProgress);
  const { sections, passages, media } = assemble(read);
  if (passages.length === 0) throw new SourceError(`${sourceDir}: the source has no passages`);

  const analyzer = createAnalyzer({ variants: read.manifest.variants, languages: read.manifest.languages });
  // Straight into the pack's tables; lunr.Builder would give the same tables, slower (pack-indexer.ts).
  const documents = toIndexDocuments(passages, sections);
  options.onProgress?.({ phase: 'indexing', done: 0, total: documents.length });
  const index = indexDocuments(documents, analyzer, (done) => options.onProgress?.({ phase: 'indexing', done, total: documents.length }));

  const target = resolve(outFile);
  const temp = `${target}.partial-${process.pid}`;
  rmSync(temp, { force: true });
  const db = openDatabase(temp);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('page_size = 4096');
    db.pragma(`application_id = ${PACK_APPLICATION_ID}`);
    db.pragma(`user_version = ${PACK_FORMAT_VERSION}`);
    db.exec(PACK_SCHEMA);
    const write = db.transaction(() => {
      // Passages reference their text block before the block is complete: check keys at commit.
      db.pragma('defer_foreign_keys = ON');
      const putMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      putMeta.run(META.formatVersion, String(PACK_FORMAT_VERSION));
      putMeta.run(META.manifest, JSON.stringify(read.manifest));
      putMeta.run(META.analyzerVersion, analyzerFingerprint(analyzer));
      putMeta.run(META.builtBy, 'folio build');

      const putSection = db.prepare(
        'INSERT INTO sections (ordinal, id, title, title_is_metadata, first_passage, first_passage_id, passage_count) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      const firstOfSection = new Map<string, number>();
      for (const p of passages) if (!firstOfSection.has(p.sectionId)) firstOfSection.set(p.sectionId, p.ordinal);
      for (const s of sections) putSection.run(s.ordinal, s.id, s.title, s.titleIsMetadata ? 1 : 0, firstOfSection.get(s.id), s.firstPassageId, s.passageCount);

      const putMedia = db.prepare('INSERT INTO media (id, type, mime, source, present, bytes, sha256, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      for (const m of [...media.values()].sort((a, b) => (a.ref.id < b.ref.id ? -1 : 1))) {
        putMedia.run(m.ref.id, m.ref.type, m.ref.mime, m.ref.source, m.ref.present ? 1 : 0, m.ref.bytes, m.sha256, m.data);
      }

      const putBlock = db.prepare('INSERT INTO blocks (id, first_passage, passage_count, data) VALUES (?, ?, ?, ?)');
      const putPassage = db.prepare('INSERT INTO passages (ordinal, id_hash, kind) VALUES (?, ?, ?)');
      let block: StoredPassage[] = [];
      let blockFirst = 0;
      let blockBytes = 0;
      const flushBlock = (): void => {
        if (block.length === 0) return;
        const raw = Buffer.from(JSON.stringify(block), 'utf8');
        const data = brotliCompressSync(raw, brotliParams(raw.length));
        putBlock.run(blocks, blockFirst, block.length, data);
        blocks++;
        block = [];
        blockBytes = 0;
      };
      let blocks = 0;
      passages.forEach((p, i) => {
        const kind = KIND_CODES.indexOf(p.kind);
        const stored: StoredPassage = [
          p.id, kind, p.text, p.title, p.level, p.media?.id ?? null, p.repeatOf, p.provenance.file, p.provenance.lines[0], p.provenance.lines[1],
        ];
        const bytes = p.text.length + 64;
        if (blockBytes > 0 && blockBytes + bytes > TEXT_BLOCK_BYTES) flushBlock();
        if (block.length === 0) blockFirst = p.ordinal;
        block.push(stored);
        blockBytes += bytes;
        const key = passageIdHash(p.id);
        if (!key) throw new SourceError(`internal: passage id ${p.id} is malformed`);
        putPassage.run(p.ordinal, key.hash, kind);
        if (i % 5000 === 0) options.onProgress?.({ phase: 'writing', done: i, total: passages.length });
      });
      flushBlock();

      writeSearchIndex(db, index);
      putMeta.run(META.contentSha256, contentChecksum(read.manifest, sections, passages, [...media.values()].map((m) => ({ id: m.ref.id, sha256: m.sha256 }))));
      putMeta.run(META.indexSha256, indexChecksum(db));
    });
    write();
    options.onProgress?.({ phase: 'writing', done: passages.length, total: passages.length });
    db.exec('VACUUM');
  } catch (error) {
    db.close();
    rmSync(temp, { force: true });
    throw error;
  }
  const contentSha256 = String((db.prepare('SELECT value FROM meta WHERE key = ?').get(META.contentSha256) as { value: string }).value);
  const indexSha256 = String((db.prepare('SELECT value FROM meta WHERE key = ?').get(META.indexSha256) as { value: string }).value);
  db.close();
  renameSync(temp, target);
  const mediaFiles = [...media.values()];
  return {
    outFile: target,
    manifest: read.manifest,
    passages: passages.length,
    sections: sections.length,
    media: { referenced: mediaFiles.length, included: mediaFiles.filter((m) => m.ref.present).length },
    bytes: statSync(target).size,
    contentSha256,
    indexSha256,
    ms: Math.round(performance.now() - started),
  };
}

