/**
 * Opens a pack read-only. Opening is cheap (a few small reads); passages, text blocks and the search
 * index are read on demand, so a 90,000-passage pack opens as fast as a small one.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { openDatabase } from '../sqlite';
import { openSearchEngine } from '../search/engine/pack-engine';
import { SEARCH_FORMAT } from '../search/format/schema';
import { SearchFormatError } from '../model/errors';
import type { IndexEngine } from '../search/types';
import type { MediaBlob, PackReader } from './pack-reader-types';
import {
  KIND_CODES,
  META,
  PACK_APPLICATION_ID,
  PACK_FORMAT_VERSION,
  passageIdHash,
  type StoredPassage,
} from './pack-schema';
import { PackError } from '../model/errors';
import { rangeIndex } from './range-index';
import { plainText } from '../model/passage-content';
import { manifestSchema } from './manifest-schema';
import { emptyKindCounts, type KindCounts, type PassageKind } from '../model/passage-kind';
import type { Manifest, MediaRef, MediaType, Passage, Section } from '../model/archive';

interface SectionRow {
  ordinal: number;
  id: string;
  title: string;
  title_is_metadata: number;
  depth: number;
  first_passage: number;
  first_passage_id: string;
  passage_count: number;
}

interface BlockRow {
  id: number;
  first_passage: number;
  passage_count: number;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Reads the 100-byte SQLite header: rejects non-SQLite files, other SQLite files and truncated packs before SQLite does. */
function checkHeader(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new PackError(`${path}: no such file`);
    if (code === 'EISDIR') throw new PackError(`${path}: is a folder, not a pack`);
    throw new PackError(`${path}: cannot be read (${code ?? (error as Error).message})`);
  }
  try {
    // A folder opens on Linux and macOS (Windows refuses it with EISDIR, above).
    if (fstatSync(fd).isDirectory()) throw new PackError(`${path}: is a folder, not a pack`);
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC)
      throw new PackError(`${path}: not a Folio pack (not an SQLite file)`);
    if (header.readUInt32BE(68) !== PACK_APPLICATION_ID)
      throw new PackError(`${path}: not a Folio pack (an SQLite file of another application)`);
    const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
    const pageCount = header.readUInt32BE(28);
    const size = statSync(path).size;
    if (pageCount > 0 && size < pageSize * pageCount) {
      throw new PackError(
        `${path}: the pack is truncated (${size} of ${pageSize * pageCount} bytes); copy it again or rebuild it`,
      );
    }
  } finally {
    closeSync(fd);
  }
}

/** Runs a read, turning SQLite's corruption errors into a PackError with the pack's name. */
function guarded<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof PackError) throw error;
    const message = (error as Error).message;
    throw new PackError(`${path}: the pack is damaged (${message}); run "folio verify" on it or rebuild it`);
  }
}

class SqlitePackReader implements PackReader {
  readonly manifest: Manifest;
  readonly formatVersion: number;
  readonly analyzerFingerprint: string;
  private readonly db: Database.Database;
  private readonly blockCache = new Map<number, StoredPassage[]>();
  private engine: IndexEngine | null = null;
  private sectionRows: SectionRow[] | null = null;
  private sectionStarts: number[] = [];
  private blockRows: BlockRow[] | null = null;
  private blockStarts: number[] = [];
  private readonly mediaCache = new Map<string, MediaRef>();
  private kindCountCache: KindCounts | null = null;
  private readonly statements;

  constructor(readonly path: string) {
    checkHeader(path);
    this.db = guarded(path, () => openDatabase(path, { readonly: true, fileMustExist: true }));
    try {
      const meta = guarded(
        path,
        () =>
          new Map(
            (this.db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [
              r.key,
              r.value,
            ]),
          ),
      );
      this.formatVersion = Number(meta.get(META.formatVersion));
      if (this.formatVersion !== PACK_FORMAT_VERSION) {
        throw new PackError(
          `${path}: pack format ${meta.get(META.formatVersion) ?? '?'} is not supported by this Folio (it reads format ${PACK_FORMAT_VERSION}); rebuild the pack with "folio build"`,
        );
      }
      let manifest: unknown;
      try {
        manifest = JSON.parse(meta.get(META.manifest) ?? '');
      } catch {
        throw new PackError(`${path}: the pack's manifest is damaged`);
      }
      const parsed = manifestSchema.safeParse(manifest);
      if (!parsed.success)
        throw new PackError(
          `${path}: the pack's manifest is invalid (${parsed.error.issues[0]?.message ?? 'unknown'})`,
        );
      this.manifest = parsed.data;
      this.analyzerFingerprint = meta.get(META.analyzerVersion) ?? '';
      this.statements = guarded(path, () => ({
        ordinalOf: this.db.prepare(
          'SELECT ordinal, kind FROM passages WHERE id_hash = ? ORDER BY ordinal LIMIT 1 OFFSET ?',
        ),
        block: this.db.prepare('SELECT data FROM blocks WHERE id = ?').pluck(),
        media: this.db.prepare('SELECT mime, data FROM media WHERE id = ? AND present = 1'),
        mediaRef: this.db.prepare('SELECT id, type, mime, source, present, bytes FROM media WHERE id = ?'),
      }));
    } catch (error) {
      this.db.close();
      throw error instanceof PackError
        ? error
        : new PackError(`${path}: the pack is damaged (${(error as Error).message})`);
    }
  }

  private sectionTable(): SectionRow[] {
    if (!this.sectionRows) {
      this.sectionRows = guarded(
        this.path,
        () => this.db.prepare('SELECT * FROM sections ORDER BY ordinal').all() as SectionRow[],
      );
      this.sectionStarts = this.sectionRows.map((r) => r.first_passage);
    }
    return this.sectionRows;
  }

  private blockTable(): BlockRow[] {
    if (!this.blockRows) {
      this.blockRows = guarded(
        this.path,
        () =>
          this.db
            .prepare('SELECT id, first_passage, passage_count FROM blocks ORDER BY first_passage')
            .all() as BlockRow[],
      );
      this.blockStarts = this.blockRows.map((r) => r.first_passage);
    }
    return this.blockRows;
  }

  private damaged(what: string): PackError {
    return new PackError(`${this.path}: ${what}; the pack is damaged (run "folio verify" on it or rebuild it)`);
  }

  private decodedBlock(id: number): StoredPassage[] {
    let records = this.blockCache.get(id);
    if (!records) {
      const compressed = guarded(this.path, () => this.statements.block.get(id) as Buffer | undefined);
      if (!compressed) throw this.damaged(`block ${id} is missing`);
      try {
        records = JSON.parse(brotliDecompressSync(compressed).toString('utf8')) as StoredPassage[];
      } catch {
        throw this.damaged(`block ${id} cannot be read`);
      }
      if (this.blockCache.size >= 16) this.blockCache.delete(this.blockCache.keys().next().value as number);
      this.blockCache.set(id, records);
    }
    return records;
  }

  private mediaRef(id: string): MediaRef {
    let ref = this.mediaCache.get(id);
    if (!ref) {
      const row = guarded(
        this.path,
        () =>
          this.statements.mediaRef.get(id) as
            | {
                id: string;
                type: MediaType;
                mime: string | null;
                source: string | null;
                present: number;
                bytes: number;
              }
            | undefined,
      );
      ref = row
        ? {
            id: row.id,
            type: row.type,
            mime: row.mime,
            source: row.source,
            present: row.present === 1,
            bytes: row.bytes,
          }
        : { id, type: 'image', mime: null, source: null, present: false, bytes: 0 };
      this.mediaCache.set(id, ref);
    }
    return ref;
  }

  /** The passage at a reading-order position, or undefined past the end. */
  private passageAt(ordinal: number): Passage | undefined {
    const blocks = this.blockTable();
    if (blocks.length === 0 || ordinal < 0) return undefined;
    const block = blocks[rangeIndex(this.blockStarts, ordinal)]!;
    const record = this.decodedBlock(block.id)[ordinal - block.first_passage];
    if (!record) return undefined;
    const sections = this.sectionTable();
    const section = sections[rangeIndex(this.sectionStarts, ordinal)];
    const [id, kind, text, title, level, mediaId, repeatOf, file, start, end, content, lang] = record;
    return {
      id,
      ordinal,
      sectionId: section?.id ?? '',
      kind: KIND_CODES[kind] ?? 'text',
      text: content && text === '' ? plainText(content) : text,
      ...(content ? { content } : {}),
      ...(lang ? { lang } : {}),
      title,
      level,
      media: mediaId ? this.mediaRef(mediaId) : null,
      repeatOf,
      provenance: { file, lines: [start, end] },
    };
  }

  /** Reading-order position and kind of a passage id, without decompressing anything. */
  private locate(id: string): { ordinal: number; kind: number } | undefined {
    const key = passageIdHash(id);
    if (!key) return undefined;
    return guarded(
      this.path,
      () =>
        this.statements.ordinalOf.get(key.hash, key.occurrence - 1) as { ordinal: number; kind: number } | undefined,
    );
  }

  sections(): Section[] {
    return this.sectionTable().map((r) => ({
      id: r.id,
      ordinal: r.ordinal,
      title: r.title,
      titleIsMetadata: r.title_is_metadata === 1,
      depth: r.depth,
      passageCount: r.passage_count,
      firstPassageId: r.first_passage_id,
    }));
  }

  passagesOfSection(sectionId: string): Passage[] {
    const row = this.sectionTable().find((r) => r.id === sectionId);
    if (!row) return [];
    const out: Passage[] = [];
    for (let ordinal = row.first_passage; ordinal < row.first_passage + row.passage_count; ordinal++) {
      const passage = this.passageAt(ordinal);
      if (passage) out.push(passage);
    }
    return out;
  }

  passage(id: string): Passage | undefined {
    const at = this.locate(id);
    const passage = at ? this.passageAt(at.ordinal) : undefined;
    // A 48-bit hash could in theory be shared by two passages of different archives' ids: check.
    return passage?.id === id ? passage : undefined;
  }

  passagesByIds(ids: readonly string[]): Passage[] {
    const out: Passage[] = [];
    for (const id of ids) {
      const passage = this.passage(id);
      if (passage) out.push(passage);
    }
    return out;
  }

  /** Kinds only, without decompressing any text: what kind filters and kind intent need. */
  passageKinds(ids: readonly string[]): (PassageKind | undefined)[] {
    return ids.map((id) => {
      const at = this.locate(id);
      return at ? KIND_CODES[at.kind] : undefined;
    });
  }

  /** Passages of `kinds` in reading order, `limit` of them from `offset`, and how many there are. */
  passagesOfKinds(
    kinds: readonly PassageKind[],
    offset: number,
    limit: number,
  ): { total: number; passages: Passage[] } {
    const wanted = [...new Set(kinds)].filter((k) => KIND_CODES.includes(k));
    const counts = this.kindCounts();
    const total = wanted.reduce((sum, k) => sum + counts[k], 0);
    if (total === 0 || limit <= 0) return { total, passages: [] };
    const codes = wanted.map((k) => KIND_CODES.indexOf(k));
    const marks = codes.map(() => '?').join(', ');
    const ordinals = guarded(
      this.path,
      () =>
        this.db
          .prepare(`SELECT ordinal FROM passages WHERE kind IN (${marks}) ORDER BY ordinal LIMIT ? OFFSET ?`)
          .pluck()
          .all(...codes, limit, offset) as number[],
    );
    return { total, passages: ordinals.map((o) => this.passageAt(o)).filter((p): p is Passage => p !== undefined) };
  }

  passageCount(): number {
    return guarded(this.path, () => Number(this.db.prepare('SELECT COUNT(*) FROM passages').pluck().get()));
  }

  kindCounts(): KindCounts {
    // Counted once: the pack is read-only.
    if (!this.kindCountCache) {
      const counts = emptyKindCounts();
      guarded(this.path, () => {
        for (const row of this.db.prepare('SELECT kind, COUNT(*) AS n FROM passages GROUP BY kind').all() as {
          kind: number;
          n: number;
        }[]) {
          const kind = KIND_CODES[row.kind];
          if (kind) counts[kind] = row.n;
        }
      });
      this.kindCountCache = counts;
    }
    return { ...this.kindCountCache };
  }

  mediaBlob(mediaId: string): MediaBlob | undefined {
    return guarded(this.path, () => {
      const row = this.statements.media.get(mediaId) as { mime: string | null; data: Buffer | null } | undefined;
      return row?.data ? { mime: row.mime ?? 'application/octet-stream', bytes: row.data } : undefined;
    });
  }

  searchEngine(): IndexEngine {
    this.engine ??= guarded(this.path, () => {
      try {
        return openSearchEngine(this.db);
      } catch (error) {
        if (error instanceof SearchFormatError) {
          throw new PackError(
            `${this.path}: its search index was made by another version of Folio (${error.found}; this Folio reads ${SEARCH_FORMAT}); rebuild the pack with "folio build"`,
          );
        }
        throw error;
      }
    });
    return this.engine;
  }

  /** The underlying connection, for `folio verify` only. */
  database(): Database.Database {
    return this.db;
  }

  close(): void {
    this.db.close();
  }
}

/** Opens a pack read-only. Throws PackError, with a one-line message, for anything that is not a usable pack. */
export function openPack(path: string): SqlitePackReader {
  return new SqlitePackReader(path);
}

export type { SqlitePackReader };
