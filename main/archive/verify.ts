/** `folio verify`: checks a pack's structure, checksums, media and search index. */
import { createHash } from 'node:crypto';
import { verifySearchIndex } from '../search/engine/verify-search-index';
import { isLinkList, LINK_LIST_READ } from '../search/searcher/link-lists';
import { ContentHash, indexChecksum } from './checksum';
import { KIND_CODES, META } from './pack-schema';
import { openPack, type SqlitePackReader } from './pack';
import { decodeIdChunk } from './passage-index';
import { decodeRangeStarts, type RangeTable } from './range-starts';
import { mediaChecksum, mediaDataChecksum, type MediaRow } from './row-checks';
import type Database from 'better-sqlite3';
import type { CaptionTrack, Passage } from '../model/archive';
import { parseCaptionTracks } from './caption-tracks-schema';

export interface VerifyReport {
  ok: boolean;
  checks: { name: string; ok: boolean; detail: string }[];
}

/** Verifies the pack at `path`. Throws PackError when it cannot be opened at all. */
export function verifyPack(path: string): VerifyReport {
  // Every passage is looked up by its id: the whole passage index is kept (6 MB for a million passages).
  const pack = openPack(path, { idChunks: Number.POSITIVE_INFINITY });
  const checks: VerifyReport['checks'] = [];
  const check = (name: string, run: () => string | true): void => {
    try {
      const result = run();
      checks.push({ name, ok: result === true, detail: result === true ? 'ok' : oneLine(result) });
    } catch (error) {
      checks.push({ name, ok: false, detail: oneLine((error as Error).message) });
    }
  };
  const db = pack.database();
  try {
    check('SQLite integrity', () => {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      return rows.length === 1 && rows[0]?.integrity_check === 'ok'
        ? true
        : rows
            .slice(0, 3)
            .map((r) => r.integrity_check)
            .join('; ');
    });
    // Read and checked when the pack opened; read again here for the stored checksums.
    const stored = (key: string): string | undefined =>
      db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
    // The content checksum, the lists of links and the passage index are checked in one pass over the
    // passages, a section at a time: holding them all took 1.4 GB for the Linux + Rust documentation.
    let walk: PassageWalk | Error | undefined;
    const walked = (): PassageWalk => {
      if (walk === undefined) {
        try {
          walk = walkPassages(pack, db);
        } catch (error) {
          walk = error instanceof Error ? error : new Error(String(error));
        }
      }
      if (walk instanceof Error) throw walk;
      return walk;
    };
    check('content checksum', () => {
      const { passages, contentHash } = walked();
      const total = pack.passageCount();
      if (passages !== total) return `${total - passages} passages belong to no section`;
      const media = db.prepare('SELECT id, sha256 FROM media').all() as { id: string; sha256: string | null }[];
      const actual = contentHash.finish(media);
      const expected = stored(META.contentSha256);
      return actual === expected ? true : `stored ${expected?.slice(0, 12)}…, computed ${actual.slice(0, 12)}…`;
    });
    check(
      'passage ranges',
      () => rangesProblem(db, 'blocks', 'id') ?? rangesProblem(db, 'sections', 'ordinal') ?? true,
    );
    check('lists of links', () => walked().linkLists);
    check('passage index', () => walked().index);
    check('media files', () => {
      const bad: string[] = [];
      const tracks = new Map<string, CaptionTrack[] | null>();
      const captionFiles = new Set<string>();
      for (const row of db
        .prepare(
          'SELECT id, type, mime, source, present, bytes, sha256, data_checksum, captions, checksum, data FROM media',
        )
        .iterate() as Iterable<MediaRow & { checksum: number; data: Buffer | null }>) {
        const sound =
          mediaChecksum(row) === row.checksum &&
          (row.present !== 1 ||
            (row.data !== null &&
              row.data.length === row.bytes &&
              mediaDataChecksum(row.data) === row.data_checksum &&
              createHash('sha256').update(row.data).digest('hex') === row.sha256));
        if (!sound) bad.push(row.id);
        if (row.captions !== null) tracks.set(row.id, parseCaptionTracks(row.captions));
        if (row.type === 'captions' && row.present === 1) captionFiles.add(row.id);
      }
      // A film's caption tracks name caption files the pack holds.
      for (const [id, list] of tracks)
        if (!list || list.some((t) => !captionFiles.has(t.mediaId))) bad.push(`${id} (its caption tracks)`);
      return bad.length === 0 ? true : `damaged: ${bad.slice(0, 5).join(', ')}`;
    });
    check('index checksum', () => {
      const actual = indexChecksum(db);
      const expected = stored(META.indexSha256);
      return actual === expected ? true : `stored ${expected?.slice(0, 12)}…, computed ${actual.slice(0, 12)}…`;
    });
    check('search index', () => {
      const problems = verifySearchIndex(db);
      // The check is already named "search index"; its problems need not say it again.
      return problems.length === 0
        ? true
        : problems
            .slice(0, 3)
            .map((p) => p.replace(/^search index: /, ''))
            .join('; ');
    });
  } finally {
    pack.close();
  }
  return { ok: checks.every((c) => c.ok), checks };
}

/** Passages read at once from a section (LINK_LIST_READ are needed from its first span). */
const WALK_SPAN = 10_000;

/** What one pass over every passage found, for three checks. */
interface PassageWalk {
  /** Passages met, section by section. */
  passages: number;
  /** Fed every passage in order; finished by the content check with the media hashes. */
  contentHash: ContentHash;
  linkLists: string | true;
  index: string | true;
}

/** Reads each section's passages once, in order, and checks them against the lists of links and the passage index. */
function walkPassages(pack: SqlitePackReader, db: Database.Database): PassageWalk {
  const sections = pack.sections();
  const contentHash = new ContentHash(pack.manifest, sections);
  let linkLists: string | true = true;
  let index: number | string | true = passageIndexChain(db);
  const kinds = new Map<string, number>();
  let passages = 0;
  for (const s of sections) {
    // A span at a time: a one-section archive of a million passages held them all at once (648 MB).
    // At least once: a section whose row counts no passage is still read, and its missing start reported.
    for (let from = 0; from === 0 || from < s.passageCount; from += WALK_SPAN) {
      const own = pack.passagesOfSection(s.id, from, WALK_SPAN);
      for (const p of own) {
        contentHash.passage(p);
        kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
        // Looked up by id, each passage is found where it is, with its kind (the index alone, no text read).
        if (typeof index === 'number') index = indexProblem(pack, p) ?? index;
      }
      passages += own.length;
      if (from === 0 && linkLists === true) {
        // Told by the builder from each section's first passages (link-lists.ts): the same rule must agree.
        const first = own.slice(0, LINK_LIST_READ);
        const marked = pack.sectionIsLinkList(s.id);
        if (isLinkList(first, first.length) !== marked)
          linkLists = `section ${s.ordinal} (${s.title}) is ${marked ? '' : 'not '}marked a page of links, against its passages`;
      }
    }
  }
  if (typeof index === 'number') {
    // Every passage was found at its own place, so the index holds no entry besides theirs when the counts agree.
    if (index !== passages) index = `${index} index entries for ${passages} passages`;
    else {
      index = true;
      const counted = pack.kindCounts();
      for (const kind of KIND_CODES) {
        const n = kinds.get(kind) ?? 0;
        if (n !== counted[kind]) {
          index = `${n} ${kind} passages, ${counted[kind]} counted`;
          break;
        }
      }
    }
  }
  return { passages, contentHash, linkLists, index };
}

/**
 * What is wrong with the ranges kept for `table` (range-starts.ts), if anything: every row's range,
 * against the table's own rows (a passage read checks only the rows it meets).
 */
function rangesProblem(db: Database.Database, table: RangeTable, key: 'id' | 'ordinal'): string | null {
  const rows = db.prepare(`SELECT ${key} AS key, first_passage, passage_count FROM ${table} ORDER BY ${key}`).all() as {
    key: number;
    first_passage: number;
    passage_count: number;
  }[];
  const last = rows[rows.length - 1];
  const passages = last ? last.first_passage + last.passage_count : 0;
  let starts: Int32Array;
  try {
    starts = decodeRangeStarts(
      table,
      db.prepare('SELECT data FROM range_starts WHERE name = ?').pluck().get(table),
      rows.length,
      passages,
    );
  } catch (error) {
    return (error as Error).message;
  }
  for (const [i, row] of rows.entries())
    if (row.key !== i || row.first_passage !== starts[i] || row.passage_count !== starts[i + 1]! - starts[i])
      return `the ${table}' ranges disagree with ${table} row ${i}`;
  return null;
}

/** What is wrong with `p`'s entry in the passage index, if anything (damage there is only the index's). */
function indexProblem(pack: SqlitePackReader, p: Passage): string | null {
  try {
    const entry = pack.passageIndexEntry(p.id);
    if (entry?.ordinal !== p.ordinal) return `passage ${p.id} (#${p.ordinal}) disagrees with the passage index`;
    if (entry.kind !== p.kind) return `passage ${p.id} (#${p.ordinal}) has another kind in the index`;
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The passage index's chunks in order, each naming the next: their entry count, or the first problem. */
function passageIndexChain(db: Database.Database): number | string {
  let entries = 0;
  let expected: number | null = 0;
  let at = 0;
  try {
    for (const row of db.prepare('SELECT key, data FROM passage_ids ORDER BY key').iterate() as Iterable<{
      key: number;
      data: unknown;
    }>) {
      const chunk = decodeIdChunk(row.key, row.data);
      if (chunk.index !== at || row.key !== expected) return `the passage index chunk at ${row.key} is out of place`;
      expected = chunk.nextKey;
      entries += chunk.hashes.length;
      at++;
    }
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return expected === null ? entries : 'the passage index ends before its last chunk';
}

/** A check's finding on one line (SQLite's integrity report spans several), at most 300 characters. */
function oneLine(text: string): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
