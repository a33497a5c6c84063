/**
 * Opens a pack read-only. Opening is cheap (a few small reads); passages, text blocks and the search
 * index are read on demand, so a 90,000-passage pack opens as fast as a small one.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { openDatabase } from '../sqlite';
import { openSearchEngine } from '../search/engine/pack-index';
import type { IndexEngine } from '../search/types';
import type { MediaBlob, PackReader } from './pack-reader-types';
import { META, PACK_APPLICATION_ID, PACK_FORMAT_VERSION } from './pack-schema';
import { PackError } from './pack-error';
import { manifestSchema } from './manifest-schema';
import type { KindCounts, Manifest, MediaRef, MediaType, Passage, PassageKind, Section } from './types';

export { PackError } from './pack-error';

interface PassageRow {
  ordinal: number;
  id: string;
  section_id: string;
  kind: PassageKind;
  title: string | null;
  level: number | null;
  media_id: string | null;
  m_type: MediaType | null;
  m_mime: string | null;
  m_source: string | null;
  m_present: number | null;
  m_bytes: number | null;
  repeat_of: string | null;
  prov_file: string;
  prov_start: number;
  prov_end: number;
  block: number;
  byte_offset: number;
  byte_length: number;
}

const PASSAGE_COLUMNS = `p.ordinal, p.id, s.id AS section_id, p.kind, p.title, p.level, p.media_id,
  m.type AS m_type, m.mime AS m_mime, m.source AS m_source, m.present AS m_present, m.bytes AS m_bytes,
  p.repeat_of, p.prov_file, p.prov_start, p.prov_end, p.block, p.byte_offset, p.byte_length
  FROM passages p JOIN sections s ON s.ordinal = p.section LEFT JOIN media m ON m.id = p.media_id`;

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Reads the 100-byte SQLite header: rejects non-SQLite files, other SQLite files and truncated packs before SQLite does. */
function checkHeader(path: string): void {
  let fd: number;
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new PackError(`${path}: no such file`);
    if (code === 'EISDIR') throw new PackError(`${path}: is a folder, not a pack`);
    throw new PackError(`${path}: cannot be read (${code ?? (error as Error).message})`);
  }
  try {
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) throw new PackError(`${path}: not a Folio pack (not an SQLite file)`);
    if (header.readUInt32BE(68) !== PACK_APPLICATION_ID) throw new PackError(`${path}: not a Folio pack (an SQLite file of another application)`);
    const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
    const pageCount = header.readUInt32BE(28);
    const size = statSync(path).size;
    if (pageCount > 0 && size < pageSize * pageCount) {
      throw new PackError(`${path}: the pack is truncated (${size} of ${pageSize * pageCount} bytes); copy it again or rebuild it`);
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
  private readonly blockCache = new Map<number, Buffer>();
  private engine: IndexEngine | null = null;
  private sectionList: Section[] | null = null;
  private readonly statements;

  constructor(readonly path: string) {
    checkHeader(path);
    this.db = guarded(path, () => openDatabase(path, { readonly: true, fileMustExist: true }));
    try {
      const meta = guarded(path, () => new Map((this.db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value])));
      this.formatVersion = Number(meta.get(META.formatVersion));
      if (this.formatVersion !== PACK_FORMAT_VERSION) {
        throw new PackError(`${path}: pack format ${meta.get(META.formatVersion) ?? '?'} is not supported by this Folio (it reads format ${PACK_FORMAT_VERSION})`);
      }
      let manifest: unknown;
      try {
        manifest = JSON.parse(meta.get(META.manifest) ?? '');
      } catch {
        throw new PackError(`${path}: the pack's manifest is damaged`);
      }
      const parsed = manifestSchema.safeParse(manifest);
      if (!parsed.success) throw new PackError(`${path}: the pack's manifest is invalid (${parsed.error.issues[0]?.message ?? 'unknown'})`);
      this.manifest = parsed.data;
      this.analyzerFingerprint = meta.get(META.analyzerVersion) ?? '';
      this.statements = guarded(path, () => ({
        byId: this.db.prepare(`SELECT ${PASSAGE_COLUMNS} WHERE p.id = ?`),
        bySection: this.db.prepare(`SELECT ${PASSAGE_COLUMNS} WHERE s.id = ? ORDER BY p.ordinal`),
        block: this.db.prepare('SELECT data FROM text_blocks WHERE id = ?').pluck(),
        media: this.db.prepare('SELECT mime, data FROM media WHERE id = ? AND present = 1'),
        kind: this.db.prepare('SELECT kind FROM passages WHERE id = ?').pluck(),
      }));
    } catch (error) {
      this.db.close();
      throw error instanceof PackError ? error : new PackError(`${path}: the pack is damaged (${(error as Error).message})`);
    }
  }

  private blockText(block: number): Buffer {
    let data = this.blockCache.get(block);
    if (!data) {
      const compressed = this.statements.block.get(block) as Buffer | undefined;
      if (!compressed) throw new PackError(`${this.path}: text block ${block} is missing; the pack is damaged`);
      data = brotliDecompressSync(compressed);
      if (this.blockCache.size >= 16) this.blockCache.delete(this.blockCache.keys().next().value as number);
      this.blockCache.set(block, data);
    }
    return data;
  }

  private toPassage(row: PassageRow): Passage {
    const text = this.blockText(row.block).toString('utf8', row.byte_offset, row.byte_offset + row.byte_length);
    const media: MediaRef | null = row.media_id
      ? {
          id: row.media_id,
          type: row.m_type ?? 'image',
          mime: row.m_mime,
          source: row.m_source,
          present: row.m_present === 1,
          bytes: row.m_bytes ?? 0,
        }
      : null;
    return {
      id: row.id,
      ordinal: row.ordinal,
      sectionId: row.section_id,
      kind: row.kind,
      text,
      title: row.title,
      level: row.level,
      media,
      repeatOf: row.repeat_of,
      provenance: { file: row.prov_file, lines: [row.prov_start, row.prov_end] },
    };
  }

  sections(): Section[] {
    this.sectionList ??= guarded(this.path, () =>
      (
        this.db
          .prepare(
            `SELECT s.ordinal, s.id, s.title, s.title_is_metadata,
               (SELECT COUNT(*) FROM passages p WHERE p.section = s.ordinal) AS passage_count,
               (SELECT p.id FROM passages p WHERE p.section = s.ordinal ORDER BY p.ordinal LIMIT 1) AS first_id
             FROM sections s ORDER BY s.ordinal`,
          )
          .all() as { ordinal: number; id: string; title: string; title_is_metadata: number; passage_count: number; first_id: string | null }[]
      ).map((r) => ({ id: r.id, ordinal: r.ordinal, title: r.title, titleIsMetadata: r.title_is_metadata === 1, passageCount: r.passage_count, firstPassageId: r.first_id })),
    );
    return this.sectionList;
  }

  passagesOfSection(sectionId: string): Passage[] {
    return guarded(this.path, () => (this.statements.bySection.all(sectionId) as PassageRow[]).map((r) => this.toPassage(r)));
  }

  passage(id: string): Passage | undefined {
    return guarded(this.path, () => {
      const row = this.statements.byId.get(id) as PassageRow | undefined;
      return row ? this.toPassage(row) : undefined;
    });
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
    return guarded(this.path, () => ids.map((id) => this.statements.kind.get(id) as PassageKind | undefined));
  }

  passageCount(): number {
    return guarded(this.path, () => Number(this.db.prepare('SELECT COUNT(*) FROM passages').pluck().get()));
  }

  kindCounts(): KindCounts {
    const counts: KindCounts = { text: 0, caption: 0, media: 0, heading: 0 };
    guarded(this.path, () => {
      for (const row of this.db.prepare('SELECT kind, COUNT(*) AS n FROM passages GROUP BY kind').all() as { kind: PassageKind; n: number }[]) counts[row.kind] = row.n;
    });
    return counts;
  }

  mediaBlob(mediaId: string): MediaBlob | undefined {
    return guarded(this.path, () => {
      const row = this.statements.media.get(mediaId) as { mime: string | null; data: Buffer | null } | undefined;
      return row?.data ? { mime: row.mime ?? 'application/octet-stream', bytes: row.data } : undefined;
    });
  }

  searchEngine(): IndexEngine {
    this.engine ??= guarded(this.path, () => openSearchEngine(this.db));
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
