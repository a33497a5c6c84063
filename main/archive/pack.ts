/**
 * Opens a pack read-only. Opening is cheap (a few small reads); passages, text blocks and the search
 * index are read on demand, so a 90,000-passage pack opens as fast as a small one.
 *
 * Nothing is answered from data that fails its checks: every row read is checked against its
 * checksum (row-checks.ts), tables read whole against the counts in meta, and what a lookup finds
 * against what was looked up. Any failure is a PackDamagedError naming the pack, never a guess (a
 * damaged kind code used to read as 'text', a damaged count was shown as it came).
 *
 * Reading a passage never loads a whole table: its text block and section are found among the
 * ranges kept in `range_starts` (range-starts.ts), read once, and the row found is read alone,
 * checked, and checked to hold that range (a text block's checksum covers its range).
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { openDatabase } from '../sqlite';
import { openSearchEngine } from '../search/engine/pack-engine';
import { SEARCH_FORMAT } from '../search/format/schema';
import { FolioError, PackDamagedError, PackError, SearchFormatError, SearchIndexError } from '../model/errors';
import type { IndexEngine } from '../search/types';
import { parseCaptionTracks } from './caption-tracks-schema';
import type { MediaBlob, PackReader } from './pack-reader-types';
import {
  KIND_CODES,
  META,
  PACK_APPLICATION_ID,
  PACK_FORMAT_VERSION,
  BLOCK_COLUMNS,
  passageIdHash,
  TEXT_BLOCK_BYTES,
  type PackCounts,
  type StoredRow,
} from './pack-schema';
import { passageId } from './passage-id';
import { decodeKindChunk, findInEncodedIdChunk, KIND_CHUNK, openIdChunk, type EncodedIdChunk } from './passage-index';
import { rangeIndex } from './range-index';
import { decodeRangeStarts, type RangeTable } from './range-starts';
import { TextBlockValues } from './text-block-values';
import { plainText } from '../model/passage-content';
import { manifestSchema } from './manifest-schema';
import {
  blockChecksum,
  mediaChecksum,
  mediaDataChecksum,
  metaChecksum,
  sectionChecksum,
  type MediaRow,
  type SectionRow,
} from './row-checks';
import type { KindCounts, PassageKind } from '../model/passage-kind';
import type { Manifest, MediaRef, MediaType, Passage, Section } from '../model/archive';

interface BlockRow {
  id: number;
  first_passage: number;
  passage_count: number;
}

/** Where a passage id was found, and its kind (a code of KIND_CODES), from the passage index. */
interface Located {
  ordinal: number;
  kind: number;
}

/** A `sections` row as read, with its checksum: checked before use. */
type CheckedSectionRow = SectionRow & { checksum: number };

const SECTION_COLUMNS =
  'ordinal, id, title, title_is_metadata, depth, first_passage, first_passage_id, passage_count, link_list, checksum';

const MEDIA_TYPES: readonly string[] = ['image', 'video', 'audio'] satisfies MediaType[];

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/**
 * SQLite's page cache per open pack, in KiB (its B-tree's inner pages, the ones read at every lookup).
 * Blocks' overflow pages pass through it too: at 4 MB it filled, and stayed, in a server's memory.
 */
const SQLITE_CACHE_KIB = 1024;

/**
 * Decompressed text blocks kept (about 75 KB each). A page of hits reads 10 to 30 of them, but the
 * passages it shows are kept on their own (the searcher's PassageCache), so few blocks are read
 * again: over the bench's large set, 6 MB spared 9% of the decompressions (902 against 990 at
 * 1 MB), about 0.1 ms a query, and held 4 MB more in a server, whose evicted blocks are garbage
 * until a full collection. At 2 MB `folio serve`'s peak there fell by about 6 MB (158 to 152).
 */
const BLOCK_CACHE_BYTES = 2 * 1024 * 1024;
/** Passage-index chunks kept by default (about 4 KB each). */
const ID_CHUNKS_KEPT = 64;

/**
 * Output chunk for a block's Brotli: a Latin block (TEXT_BLOCK_BYTES characters, a few more bytes)
 * fits one, where zlib's 16 KiB default took five and a copy to join them, about a third of a
 * block's decompression (0.12 ms against 0.08 on the Linux + Rust pack). Wider text takes more chunks.
 */
const BLOCK_OUTPUT_CHUNK = TEXT_BLOCK_BYTES + 8 * 1024;

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

/** The one-line report of a damaged pack: what failed, and what to do. */
function damagedPack(path: string, what: string): PackDamagedError {
  return new PackDamagedError(
    `${path}: the pack is damaged (${oneLine(what)}); run "folio verify" on it, or copy or rebuild it`,
  );
}

/** The one-line report of a damaged search index (engine errors carry no path). */
export function damagedSearchIndex(path: string, error: SearchIndexError): PackDamagedError {
  return new PackDamagedError(
    `${path}: the pack's search index is damaged (${oneLine(error.message.replace(/^search index: /, ''))}); run "folio verify" on it or rebuild it`,
  );
}

/** Text from a damaged file, or SQLite's own report of it, made fit for one line of a message. */
function oneLine(text: string): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** Runs a read, turning SQLite's corruption errors into a PackDamagedError with the pack's name. */
function guarded<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    // A PackError says it already; another FolioError (SQLite's module not loading) is no damage.
    if (error instanceof FolioError) throw error;
    throw damagedPack(path, (error as Error).message);
  }
}

/** The counts in meta, or null when they are not what the builder writes. */
function parseCounts(json: unknown): PackCounts | null {
  let counts: unknown;
  try {
    counts = JSON.parse(String(json));
  } catch {
    return null;
  }
  const whole = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  if (typeof counts !== 'object' || counts === null) return null;
  const c = counts as Partial<PackCounts>;
  const kinds = c.kinds;
  if (!whole(c.passages) || !whole(c.sections) || !whole(c.blocks)) return null;
  if (!Array.isArray(kinds) || kinds.length !== KIND_CODES.length || !kinds.every(whole)) return null;
  if (kinds.reduce((sum: number, n: number) => sum + n, 0) !== c.passages) return null;
  return { passages: c.passages, sections: c.sections, blocks: c.blocks, kinds };
}

/** What the API tells of a section row. */
function toSection(r: SectionRow): Section {
  return {
    id: r.id,
    ordinal: r.ordinal,
    title: r.title,
    titleIsMetadata: r.title_is_metadata === 1,
    depth: r.depth,
    passageCount: r.passage_count,
    firstPassageId: r.first_passage_id,
  };
}

class SqlitePackReader implements PackReader {
  readonly manifest: Manifest;
  readonly formatVersion: number;
  readonly analyzerFingerprint: string;
  /** What the builder counted, from the checked meta table. */
  readonly counts: PackCounts;
  private readonly db: Database.Database;
  /** Decompressed text blocks, least recently used first, within BLOCK_CACHE_BYTES. */
  private readonly blockCache = new Map<number, TextBlockValues>();
  private blockCacheBytes = 0;
  /** Passage index chunks, their entries still encoded (about 4 KB each; 256 cover the Python documentation's ids). */
  private readonly idChunks = new Map<number, EncodedIdChunk>();
  /** The keys of `idChunks`, in order. */
  private readonly idChunkKeys: number[] = [];
  private readonly idChunkLimit: number;
  private readonly kindChunks = new Map<number, Uint8Array>();
  private engine: IndexEngine | null = null;
  private sectionRows: SectionRow[] | null = null;
  /** Where each block and section starts in reading order (range-starts.ts), read at the first need. */
  private blockStarts: Int32Array | null = null;
  private sectionStarts: Int32Array | null = null;
  /** Section rows read by position, by ordinal (checked; the map starts afresh beyond 4096). */
  private readonly sectionsAt = new Map<number, SectionRow>();
  /** The rows of the sections met, by id (the search shows a title beside each hit, and ranks by link_list). */
  private readonly sectionsMet = new Map<string, SectionRow>();
  private readonly mediaCache = new Map<string, MediaRef>();
  /** Whether the kind chunks were found to agree with the counts (checked at the first listing by kind). */
  private kindColumnChecked = false;
  private readonly statements;

  constructor(
    readonly path: string,
    options: PackOptions = {},
  ) {
    this.idChunkLimit = options.idChunks ?? ID_CHUNKS_KEPT;
    checkHeader(path);
    this.db = guarded(path, () => openDatabase(path, { readonly: true, fileMustExist: true }));
    try {
      // A read-only pack's pages are in the OS's file cache already: SQLite's own cache (16 MB as
      // better-sqlite3 builds it) only doubled them in the process's memory.
      guarded(path, () => this.db.pragma(`cache_size = -${SQLITE_CACHE_KIB}`));
      const meta = guarded(
        path,
        () =>
          new Map(
            (this.db.prepare('SELECT key, value FROM meta').all() as { key: string; value: unknown }[]).map((r) => [
              r.key,
              r.value,
            ]),
          ),
      );
      const version = meta.get(META.formatVersion);
      this.formatVersion = Number(version);
      if (this.formatVersion !== PACK_FORMAT_VERSION) {
        const shown = typeof version === 'string' && /^\d{1,6}$/u.test(version) ? version : '?';
        throw new PackError(
          `${path}: pack format ${shown} is not supported by this Folio (it reads format ${PACK_FORMAT_VERSION}); rebuild the pack with "folio build"`,
        );
      }
      if (String(metaChecksum(meta, META.checksum)) !== meta.get(META.checksum))
        throw damagedPack(path, 'its header rows fail their checksum');
      let manifest: unknown;
      try {
        manifest = JSON.parse(String(meta.get(META.manifest)));
      } catch {
        throw damagedPack(path, 'its manifest does not parse');
      }
      const parsed = manifestSchema.safeParse(manifest);
      if (!parsed.success)
        throw new PackError(
          `${path}: the pack's manifest is invalid (${oneLine(parsed.error.issues[0]?.message ?? 'unknown')})`,
        );
      this.manifest = parsed.data;
      const counts = parseCounts(meta.get(META.counts));
      if (!counts) throw damagedPack(path, 'its counts are unreadable');
      this.counts = counts;
      const fingerprint = meta.get(META.analyzerVersion);
      this.analyzerFingerprint = typeof fingerprint === 'string' ? fingerprint : '';
      this.statements = guarded(path, () => ({
        // Asked only when no kept chunk holds the hash (idChunk), so the blob is read with its key.
        idChunk: this.db.prepare('SELECT key, data FROM passage_ids WHERE key <= ? ORDER BY key DESC LIMIT 1'),
        kindChunk: this.db.prepare('SELECT data FROM passage_kinds WHERE chunk = ?'),
        block: this.db.prepare('SELECT first_passage, passage_count, data, checksum FROM blocks WHERE id = ?'),
        rangeStarts: this.db.prepare('SELECT data FROM range_starts WHERE name = ?').pluck(),
        sectionRange: this.db.prepare(`SELECT ${SECTION_COLUMNS} FROM sections WHERE ordinal = ?`),
        sectionById: this.db.prepare(`SELECT ${SECTION_COLUMNS} FROM sections WHERE id = ?`),
        sectionSpan: this.db.prepare(
          `SELECT ${SECTION_COLUMNS} FROM sections WHERE ordinal >= ? AND ordinal < ? ORDER BY ordinal`,
        ),
        media: this.db.prepare(
          'SELECT id, type, mime, source, present, bytes, sha256, data_checksum, captions, checksum, data FROM media WHERE id = ?',
        ),
        mediaRef: this.db.prepare(
          'SELECT id, type, mime, source, present, bytes, sha256, data_checksum, captions, checksum FROM media WHERE id = ?',
        ),
      }));
    } catch (error) {
      this.db.close();
      throw error instanceof PackError ? error : damagedPack(path, (error as Error).message);
    }
  }

  /** The report of damage found in this pack. */
  damaged(what: string): PackDamagedError {
    return damagedPack(this.path, what);
  }

  /** Sections in order, checked: each row's checksum, and together they cover every passage once, in order. */
  private sectionTable(): SectionRow[] {
    if (!this.sectionRows) {
      const rows = guarded(
        this.path,
        () => this.db.prepare(`SELECT ${SECTION_COLUMNS} FROM sections ORDER BY ordinal`).all() as CheckedSectionRow[],
      );
      if (rows.length !== this.counts.sections)
        throw this.damaged(`${rows.length} sections stored, ${this.counts.sections} counted`);
      let next = 0;
      for (const [i, row] of rows.entries()) {
        this.checkedSection(row, i);
        if (row.first_passage !== next) throw this.damaged(`section ${i} is out of place`);
        next += row.passage_count;
      }
      if (next !== this.counts.passages)
        throw this.damaged(`sections hold ${next} of ${this.counts.passages} passages`);
      this.sectionRows = rows;
    }
    return this.sectionRows;
  }

  /** A `sections` row, checked: its checksum, and that it is the row of section `ordinal`. */
  private checkedSection(row: CheckedSectionRow, ordinal: number): SectionRow {
    if (sectionChecksum(row) !== row.checksum || typeof row.id !== 'string' || typeof row.title !== 'string')
      throw this.damaged(`section ${ordinal} fails its checksum`);
    if (
      row.ordinal !== ordinal ||
      !(row.first_passage >= 0) ||
      !(row.passage_count > 0) ||
      row.first_passage + row.passage_count > this.counts.passages
    )
      throw this.damaged(`section ${ordinal} is out of place`);
    return row;
  }

  /** Section `ordinal` (below the count), read alone and checked. */
  private sectionRange(ordinal: number): SectionRow {
    const row = guarded(this.path, () => this.statements.sectionRange.get(ordinal) as CheckedSectionRow | undefined);
    if (!row) throw this.damaged(`section ${ordinal} is missing`);
    return this.checkedSection(row, ordinal);
  }

  /** The starts of `table`'s rows (range-starts.ts), checked against the counts. */
  private rangeStarts(table: RangeTable, rows: number): Int32Array {
    const data: unknown = guarded(this.path, () => this.statements.rangeStarts.get(table));
    if (data === undefined) throw this.damaged(`the ${table}' ranges are missing`);
    try {
      return decodeRangeStarts(table, data, rows, this.counts.passages);
    } catch (error) {
      throw this.damaged((error as Error).message);
    }
  }

  private decodedBlock(block: BlockRow): TextBlockValues {
    let columns = this.blockCache.get(block.id);
    if (columns) {
      // Most recently used last.
      this.blockCache.delete(block.id);
      this.blockCache.set(block.id, columns);
    } else {
      const row = guarded(
        this.path,
        () =>
          this.statements.block.get(block.id) as
            { first_passage: number; passage_count: number; data: unknown; checksum: number } | undefined,
      );
      if (!row) throw this.damaged(`text block ${block.id} is missing`);
      if (
        !(row.data instanceof Uint8Array) ||
        row.first_passage !== block.first_passage ||
        row.passage_count !== block.passage_count ||
        blockChecksum(block.id, row.first_passage, row.passage_count, row.data) !== row.checksum
      )
        throw this.damaged(`text block ${block.id} fails its checksum`);
      try {
        columns = TextBlockValues.index(
          brotliDecompressSync(row.data, { chunkSize: BLOCK_OUTPUT_CHUNK }),
          BLOCK_COLUMNS,
          block.passage_count,
        );
      } catch {
        throw this.damaged(`text block ${block.id} cannot be read`);
      }
      this.blockCache.set(block.id, columns);
      this.blockCacheBytes += columns.sizeInBytes;
      while (this.blockCacheBytes > BLOCK_CACHE_BYTES && this.blockCache.size > 1) {
        const [oldest, evicted] = this.blockCache.entries().next().value as [number, TextBlockValues];
        this.blockCache.delete(oldest);
        this.blockCacheBytes -= evicted.sizeInBytes;
      }
    }
    return columns;
  }

  private mediaRef(id: string): MediaRef {
    let ref = this.mediaCache.get(id);
    if (!ref) {
      const row = guarded(
        this.path,
        () => this.statements.mediaRef.get(id) as (MediaRow & { checksum: number }) | undefined,
      );
      // Every media item a passage names has its row: a missing one is damage, not "not included".
      if (!row) throw this.damaged(`media ${id} is missing`);
      if (mediaChecksum(row) !== row.checksum || row.id !== id || !MEDIA_TYPES.includes(row.type))
        throw this.damaged(`media ${id} fails its checksum`);
      ref = {
        id: row.id,
        type: row.type as MediaType,
        mime: row.mime,
        source: row.source,
        present: row.present === 1,
        bytes: row.bytes,
      };
      if (row.captions !== null) {
        const captions = parseCaptionTracks(row.captions);
        if (!captions) throw this.damaged(`the caption tracks of media ${id} are malformed`);
        ref.captions = captions;
      }
      this.mediaCache.set(id, ref);
    }
    return ref;
  }

  /** The decoded block holding the passage at `ordinal` (below the count), and the passage's place in it. */
  private blockHolding(ordinal: number): { columns: TextBlockValues; at: number } {
    this.blockStarts ??= this.rangeStarts('blocks', this.counts.blocks);
    const id = rangeIndex(this.blockStarts, ordinal);
    const first = this.blockStarts[id]!;
    // The block's row is checked against this range when it is read (decodedBlock).
    const block: BlockRow = { id, first_passage: first, passage_count: this.blockStarts[id + 1]! - first };
    const columns = this.decodedBlock(block);
    const at = ordinal - block.first_passage;
    if (!(at >= 0 && at < block.passage_count))
      throw this.damaged(`passage #${ordinal} is missing from its text block`);
    return { columns, at };
  }

  /** The passage at a reading-order position, or undefined past the end. */
  private passageAt(ordinal: number): Passage | undefined {
    if (!(ordinal >= 0 && ordinal < this.counts.passages)) return undefined;
    const { columns, at } = this.blockHolding(ordinal);
    const section = this.sectionRowHolding(ordinal);
    this.rememberSection(section);
    const row: unknown[] = [];
    try {
      for (let c = 0; c < BLOCK_COLUMNS; c++) row.push(columns.value(c, at));
    } catch {
      throw this.damaged(`passage #${ordinal} cannot be read`);
    }
    const [kind, stored, title, level, mediaId, repeatOf, file, start, end, content, lang, occurrence] =
      row as StoredRow;
    const passageKind = KIND_CODES[kind];
    if (!passageKind) throw this.damaged(`passage #${ordinal} has an unknown kind`);
    if (!(Number.isSafeInteger(occurrence) && occurrence >= 1)) throw this.damaged(`passage #${ordinal} has no id`);
    const text = content && stored === '' ? plainText(content) : stored;
    return {
      id: passageId(passageKind, text, occurrence),
      ordinal,
      sectionId: section.id,
      kind: passageKind,
      text,
      ...(content ? { content } : {}),
      ...(lang ? { lang } : {}),
      title,
      level,
      media: mediaId ? this.mediaRef(mediaId) : null,
      repeatOf,
      provenance: { file, lines: [start, end] },
    };
  }

  private rememberSection(section: SectionRow): void {
    if (this.sectionsMet.has(section.id)) return;
    if (this.sectionsMet.size >= 4096) this.sectionsMet.clear();
    this.sectionsMet.set(section.id, section);
  }

  /** A section's title without the whole table: usually met with one of its passages, else read alone and checked. */
  sectionTitle(sectionId: string): string | undefined {
    return (this.sectionsMet.get(sectionId) ?? this.sectionRow(sectionId))?.title;
  }

  /**
   * Whether a section is a page made mostly of links (search/searcher/link-lists.ts), as the builder
   * told it: read with the section's row, usually met with one of its passages; undefined for an
   * unknown section.
   */
  sectionIsLinkList(sectionId: string): boolean | undefined {
    const row = this.sectionsMet.get(sectionId) ?? this.sectionRow(sectionId);
    return row && row.link_list === 1;
  }

  /**
   * The passage index chunk that would hold `hash`, checked. A kept chunk holds the hashes from its
   * key to the next chunk's key, which it names: one of them is found without SQLite, and another is
   * read with its key in one query (a page of hits meets as many chunks as passages, rarely one kept).
   */
  private idChunk(hash: number): EncodedIdChunk {
    const kept = this.keptIdChunk(hash);
    if (kept) return kept;
    const row = guarded(
      this.path,
      () => this.statements.idChunk.get(hash) as { key: number; data: unknown } | undefined,
    );
    // The first chunk is keyed 0: every hash has a chunk, so finding none is damage.
    if (row === undefined) throw this.damaged('the passage index is missing its first chunk');
    let chunk = this.idChunks.get(row.key);
    if (!chunk) {
      try {
        chunk = openIdChunk(row.key, row.data);
      } catch (error) {
        throw this.damaged((error as Error).message);
      }
      if (this.idChunks.size >= this.idChunkLimit) {
        const oldest = this.idChunks.keys().next().value as number;
        this.idChunks.delete(oldest);
        this.idChunkKeys.splice(this.idChunkKeyAt(oldest), 1);
      }
      this.idChunks.set(row.key, chunk);
      this.idChunkKeys.splice(this.idChunkKeyAt(row.key), 0, row.key);
    }
    return chunk;
  }

  /** The kept chunk whose hashes run from its key to the next chunk's, past `hash`; undefined when none is kept. */
  private keptIdChunk(hash: number): EncodedIdChunk | undefined {
    const at = this.idChunkKeyAt(hash + 1) - 1;
    if (at < 0) return undefined;
    const chunk = this.idChunks.get(this.idChunkKeys[at]!)!;
    return chunk.nextKey === null || hash < chunk.nextKey ? chunk : undefined;
  }

  /** The index in `idChunkKeys` of the first key at or above `key`. */
  private idChunkKeyAt(key: number): number {
    let lo = 0;
    let hi = this.idChunkKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.idChunkKeys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The kind code of the passage at `ordinal` (below the count), from its checked kinds chunk. */
  private kindAt(ordinal: number): number {
    const code = this.kindChunk(Math.floor(ordinal / KIND_CHUNK))[ordinal % KIND_CHUNK]!;
    if (KIND_CODES[code] === undefined) throw this.damaged(`the passage index has an unknown kind for #${ordinal}`);
    return code;
  }

  private kindChunk(chunk: number): Uint8Array {
    let codes = this.kindChunks.get(chunk);
    if (!codes) {
      const row = guarded(this.path, () => this.statements.kindChunk.get(chunk) as { data: unknown } | undefined);
      if (!row) throw this.damaged(`the passage kinds chunk ${chunk} is missing`);
      const length = Math.min(KIND_CHUNK, this.counts.passages - chunk * KIND_CHUNK);
      try {
        codes = decodeKindChunk(chunk, row.data, length);
      } catch (error) {
        throw this.damaged((error as Error).message);
      }
      this.kindChunks.set(chunk, codes);
    }
    return codes;
  }

  /** Reading-order position and kind of a passage id, without decompressing anything. */
  private locate(id: string): Located | undefined {
    const key = passageIdHash(id);
    if (!key) return undefined;
    let ordinal: number | undefined;
    try {
      ordinal = findInEncodedIdChunk(this.idChunk(key.hash), key.hash, key.occurrence);
    } catch (error) {
      throw error instanceof PackDamagedError ? error : this.damaged((error as Error).message);
    }
    if (ordinal === undefined) return undefined;
    if (!(ordinal >= 0 && ordinal < this.counts.passages))
      throw this.damaged(`the passage index sends ${id} past the last passage`);
    return { ordinal, kind: this.kindAt(ordinal) };
  }

  sections(): Section[] {
    return this.sectionTable().map(toSection);
  }

  sectionCount(): number {
    return this.counts.sections;
  }

  sectionsFrom(from: number, count: number): Section[] {
    const end = Math.min(this.counts.sections, from + count);
    if (!(Number.isSafeInteger(from) && from >= 0 && Number.isSafeInteger(end)) || from >= end) return [];
    if (this.sectionRows) return this.sectionRows.slice(from, end).map(toSection);
    const rows = guarded(this.path, () => this.statements.sectionSpan.all(from, end) as CheckedSectionRow[]);
    if (rows.length !== end - from) throw this.damaged(`sections ${from} to ${end - 1}: ${rows.length} stored`);
    return rows.map((row, i) => {
      const section = this.checkedSection(row, from + i);
      const before = rows[i - 1];
      if (before && section.first_passage !== before.first_passage + before.passage_count)
        throw this.damaged(`section ${from + i} is out of place`);
      return toSection(section);
    });
  }

  sectionsById(ids: readonly string[]): Section[] {
    const found = new Map<string, Section>();
    for (const id of ids) {
      const section = found.has(id) ? undefined : this.section(id);
      if (section) found.set(id, section);
    }
    return [...found.values()].sort((a, b) => a.ordinal - b.ordinal);
  }

  sectionAt(ordinal: number): Section | undefined {
    if (!Number.isSafeInteger(ordinal) || ordinal < 0 || ordinal >= this.counts.sections) return undefined;
    return toSection(this.sectionRows?.[ordinal] ?? this.sectionRange(ordinal));
  }

  sectionHolding(ordinal: number): { section: Section; at: number } | undefined {
    if (!(Number.isSafeInteger(ordinal) && ordinal >= 0 && ordinal < this.counts.passages)) return undefined;
    const row = this.sectionRowHolding(ordinal);
    return { section: toSection(row), at: ordinal - row.first_passage };
  }

  /** The row of the section holding reading-order position `ordinal` (below the count). */
  private sectionRowHolding(ordinal: number): SectionRow {
    this.sectionStarts ??= this.rangeStarts('sections', this.counts.sections);
    const at = rangeIndex(this.sectionStarts, ordinal);
    let row = this.sectionRows?.[at] ?? this.sectionsAt.get(at);
    if (!row) {
      row = this.sectionRange(at);
      if (this.sectionsAt.size >= 4096) this.sectionsAt.clear();
      this.sectionsAt.set(at, row);
    }
    // The row must cover the range kept for it: anything else is damage in one or the other.
    if (
      row.first_passage !== this.sectionStarts[at] ||
      row.first_passage + row.passage_count !== this.sectionStarts[at + 1]
    )
      throw this.damaged(`section ${at} is out of place`);
    return row;
  }

  section(sectionId: string): Section | undefined {
    const row = this.sectionRow(sectionId);
    return row && toSection(row);
  }

  /** Section `sectionId`'s row, read alone and checked (the whole table is 35,000 rows on a large archive). */
  private sectionRow(sectionId: string): SectionRow | undefined {
    const row = guarded(this.path, () => this.statements.sectionById.get(sectionId) as CheckedSectionRow | undefined);
    if (!row) return undefined;
    const section = this.checkedSection(row, row.ordinal);
    if (section.id !== sectionId) throw this.damaged(`the section index answers ${sectionId} with another section`);
    this.rememberSection(section);
    return section;
  }

  passagesOfSection(sectionId: string, from = 0, count = Infinity): Passage[] {
    const row = this.sectionRow(sectionId);
    if (!row) return [];
    const end = row.first_passage + row.passage_count;
    const start = Math.min(row.first_passage + Math.max(0, from), end);
    const out: Passage[] = [];
    for (let ordinal = start; ordinal < Math.min(end, start + Math.max(0, count)); ordinal++)
      out.push(this.passageAt(ordinal)!);
    // A span from further on still checks the section's first passage (one more read) against its row.
    const first = start === row.first_passage ? out[0] : this.passageAt(row.first_passage);
    if (first?.id !== row.first_passage_id) throw this.damaged(`section ${row.id} does not start where it should`);
    return out;
  }

  /** Where the passage index puts an id: its reading-order position and kind (nothing decompressed). */
  passageIndexEntry(id: string): { ordinal: number; kind: PassageKind } | undefined {
    const at = this.locate(id);
    return at && { ordinal: at.ordinal, kind: KIND_CODES[at.kind]! };
  }

  passage(id: string): Passage | undefined {
    const at = this.locate(id);
    if (!at) return undefined;
    const passage = this.passageAt(at.ordinal);
    // The index row found is the Nth with this id's hash, which is the passage with this id and no
    // other: anything else is damage (ids of other packs share no hash with a different id).
    if (passage?.id !== id || KIND_CODES[at.kind] !== passage.kind)
      throw this.damaged(`the passage index sends ${id} to another passage`);
    return passage;
  }

  passagesByIds(ids: readonly string[]): Passage[] {
    const out: Passage[] = [];
    for (const id of ids) {
      const passage = this.passage(id);
      if (passage) out.push(passage);
    }
    return out;
  }

  /** Sections only, without decompressing any text: what a section's prior needs. */
  passageSections(ids: readonly string[]): (string | undefined)[] {
    return ids.map((id) => {
      const at = this.locate(id);
      if (!at) return undefined;
      const section = this.sectionRowHolding(at.ordinal);
      this.rememberSection(section);
      return section.id;
    });
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
    this.checkKindColumn();
    const codes = new Set(wanted.map((k) => KIND_CODES.indexOf(k)));
    const ordinals: number[] = [];
    let seen = 0;
    // Kinds are read in chunks of reading order, a byte a passage: counting to `offset` is a scan of bytes.
    for (let chunk = 0; chunk * KIND_CHUNK < this.counts.passages && ordinals.length < limit; chunk++) {
      const kinds = this.kindChunk(chunk);
      for (let i = 0; i < kinds.length && ordinals.length < limit; i++) {
        if (!codes.has(kinds[i]!)) continue;
        if (seen++ >= offset) ordinals.push(chunk * KIND_CHUNK + i);
      }
    }
    if (ordinals.length !== Math.max(0, Math.min(limit, total - offset)))
      throw this.damaged(`the passage index lists ${ordinals.length} passages where there are more`);
    const passages = ordinals.map((ordinal) => {
      const passage = this.passageAt(ordinal)!;
      if (!codes.has(KIND_CODES.indexOf(passage.kind))) throw this.damaged(`passage #${ordinal} has two kinds`);
      return passage;
    });
    return { total, passages };
  }

  /**
   * The kind chunks are checksummed, but a chunk that lies about its kinds as a whole (one taken from
   * another pack) would list other passages: once per pack, they are counted against the builder's counts.
   */
  private checkKindColumn(): void {
    if (this.kindColumnChecked) return;
    const found = KIND_CODES.map(() => 0);
    for (let chunk = 0; chunk * KIND_CHUNK < this.counts.passages; chunk++)
      for (const code of this.kindChunk(chunk)) {
        if (KIND_CODES[code] === undefined) throw this.damaged('the passage index has an unknown kind');
        found[code]!++;
      }
    if (found.some((n, code) => n !== this.counts.kinds[code]))
      throw this.damaged('the passage index does not count the kinds the pack holds');
    this.kindColumnChecked = true;
  }

  passageCount(): number {
    return this.counts.passages;
  }

  kindCounts(): KindCounts {
    return Object.fromEntries(KIND_CODES.map((kind, code) => [kind, this.counts.kinds[code]!])) as KindCounts;
  }

  mediaBlob(mediaId: string): MediaBlob | undefined {
    const row = guarded(
      this.path,
      () => this.statements.media.get(mediaId) as (MediaRow & { checksum: number; data: unknown }) | undefined,
    );
    if (!row) return undefined;
    if (mediaChecksum(row) !== row.checksum || row.id !== mediaId)
      throw this.damaged(`media ${mediaId} fails its checksum`);
    if (row.present !== 1) return undefined;
    if (!(row.data instanceof Uint8Array) || mediaDataChecksum(row.data) !== row.data_checksum)
      throw this.damaged(`the file of media ${mediaId} fails its checksum`);
    return { mime: row.mime ?? 'application/octet-stream', bytes: row.data as Buffer };
  }

  searchEngine(): IndexEngine {
    this.engine ??= guarded(this.path, () => {
      try {
        return openSearchEngine(this.db);
      } catch (error) {
        if (error instanceof SearchFormatError) {
          throw new PackError(
            `${this.path}: its search index was made by another version of Folio (${oneLine(error.found).slice(0, 40)}; this Folio reads ${SEARCH_FORMAT}); rebuild the pack with "folio build"`,
          );
        }
        if (error instanceof SearchIndexError) throw damagedSearchIndex(this.path, error);
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
export interface PackOptions {
  /**
   * Passage-index chunks kept (ID_CHUNKS_KEPT by default). `folio verify` looks every
   * passage up by its id, in reading order, which is random order for the index: it keeps them all.
   */
  idChunks?: number;
}

export function openPack(path: string, options: PackOptions = {}): SqlitePackReader {
  return new SqlitePackReader(path, options);
}

export type { SqlitePackReader };
