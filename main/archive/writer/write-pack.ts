/**
 * Writes an assembled archive into a pack file: the schema of pack-schema.ts, one transaction,
 * then VACUUM, into a temporary file renamed over the target only once it is complete, so a failed
 * build never leaves a half-written pack where a good one was.
 */
import { renameSync, rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { SourceError } from '../../model/errors';
import { openDatabase } from '../../sqlite';
import type { Manifest, Passage, Section } from '../../model/archive';
import { ContentHash, indexChecksum } from '../checksum';
import {
  KIND_CODES,
  META,
  PACK_APPLICATION_ID,
  PACK_FORMAT_VERSION,
  PACK_SCHEMA,
  passageIdHash,
  type PackCounts,
} from '../pack-schema';
import {
  blockChecksum,
  mediaChecksum,
  mediaDataChecksum,
  metaChecksum,
  sectionChecksum,
  type MediaRow,
  type SectionRow,
} from '../row-checks';
import { encodeIdChunks, encodeKindChunks } from '../passage-index';
import { encodeRangeCounts } from '../range-starts';
import { readCheckedFile } from '../source/source-file';
import type { MediaFile } from './media-files';
import { sha256Hex } from './sha256';
import { SectionLinkLists } from './section-link-lists';
import { kindCode, TextBlockPacker } from './text-blocks';

/** What a pack holds, its passages streamed: a large archive's are never all in memory at once. */
export interface PackContents {
  manifest: Manifest;
  /** Sections that hold passages, in reading order: each one's passages follow the previous one's. */
  sections: readonly Section[];
  media: readonly MediaFile[];
  passageCount: number;
  /** Every passage in reading order, iterated once. */
  passages: Iterable<Passage>;
}

export interface PackWriteInput {
  archive: PackContents;
  /** The fingerprint of the analyzer that made the search index (fingerprint.ts). */
  analyzerFingerprint: string;
  /** Writes the search tables, inside the same transaction. */
  writeSearchIndex(db: Database.Database): void;
  onProgress?: (done: number, total: number) => void;
}

export interface PackChecksums {
  contentSha256: string;
  indexSha256: string;
}

/** Writes the pack to `target` (an absolute path), replacing any file there. */
export function writePack(target: string, input: PackWriteInput): PackChecksums {
  const temp = `${target}.partial-${process.pid}`;
  rmSync(temp, { force: true });
  const db = openDatabase(temp);
  let checksums: PackChecksums;
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('page_size = 4096');
    db.pragma(`application_id = ${PACK_APPLICATION_ID}`);
    db.pragma(`user_version = ${PACK_FORMAT_VERSION}`);
    db.exec(PACK_SCHEMA);
    checksums = db.transaction(() => writeTables(db, input))();
    input.onProgress?.(input.archive.passageCount, input.archive.passageCount);
    db.exec('VACUUM');
  } catch (error) {
    db.close();
    rmSync(temp, { force: true });
    throw error;
  }
  db.close();
  renameSync(temp, target);
  return checksums;
}

function writeTables(db: Database.Database, input: PackWriteInput): PackChecksums {
  const { manifest, sections, passages, passageCount, media } = input.archive;
  const meta = new Map<string, string>();
  meta.set(META.formatVersion, String(PACK_FORMAT_VERSION));
  meta.set(META.manifest, JSON.stringify(manifest));
  meta.set(META.analyzerVersion, input.analyzerFingerprint);
  meta.set(META.builtBy, 'folio build');

  const mediaHashes = writeMedia(db, media);

  const putBlock = db.prepare(
    'INSERT INTO blocks (id, first_passage, passage_count, data, checksum) VALUES (?, ?, ?, ?, ?)',
  );
  let blockCount = 0;
  const blockPassages: number[] = [];
  const blocks = new TextBlockPacker(
    (b) => {
      if (b.id !== blockCount) throw new SourceError(`internal: text block ${b.id} written out of order`);
      blockPassages.push(b.passageCount);
      putBlock.run(
        b.id,
        b.firstPassage,
        b.passageCount,
        b.data,
        blockChecksum(b.id, b.firstPassage, b.passageCount, b.data),
      );
      blockCount++;
    },
    // Compressed beside the passages being made and indexed, on another core (block-compressor.ts).
    { threaded: true },
  );
  const kinds = KIND_CODES.map(() => 0);
  const kindCodes = new Uint8Array(passageCount);
  const idHashes = new Float64Array(passageCount);
  const content = new ContentHash(manifest, sections);
  const sectionLinkLists = new SectionLinkLists(sections);
  let i = 0;
  try {
    for (const p of passages) {
      // The content's JSON, written for the block, is the content checksum's too.
      const contentJson = blocks.add(p);
      sectionLinkLists.add(p);
      const key = passageIdHash(p.id);
      if (!key || p.ordinal !== i || i >= passageCount)
        throw new SourceError(`internal: passage id ${p.id} is malformed`);
      const kind = kindCode(p);
      kinds[kind]!++;
      kindCodes[i] = kind;
      idHashes[i] = key.hash;
      content.passage(p, contentJson);
      if (i % 5000 === 0) input.onProgress?.(i, passageCount);
      i++;
    }
    if (i !== passageCount) throw new SourceError(`internal: ${i} passages written of ${passageCount}`);
    blocks.finish();
  } finally {
    blocks.close();
  }
  const linkLists = sectionLinkLists.finish();
  const putSection = db.prepare(
    'INSERT INTO sections (ordinal, id, title, title_is_metadata, depth, first_passage, first_passage_id, passage_count, link_list, checksum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  // After the passages, which tell the lists of links. Sections follow one another: each one's first
  // passage comes after the previous one's passages.
  let firstPassage = 0;
  for (const s of sections) {
    const row: SectionRow = {
      ordinal: s.ordinal,
      id: s.id,
      title: s.title,
      title_is_metadata: s.titleIsMetadata ? 1 : 0,
      depth: s.depth ?? 0,
      first_passage: firstPassage,
      first_passage_id: s.firstPassageId!,
      passage_count: s.passageCount,
      link_list: linkLists[s.ordinal]!,
    };
    putSection.run(
      row.ordinal,
      row.id,
      row.title,
      row.title_is_metadata,
      row.depth,
      row.first_passage,
      row.first_passage_id,
      row.passage_count,
      row.link_list,
      sectionChecksum(row),
    );
    firstPassage += s.passageCount;
  }

  const putIds = db.prepare('INSERT INTO passage_ids (key, data) VALUES (?, ?)');
  for (const chunk of encodeIdChunks(idHashes)) putIds.run(chunk.key, chunk.data);
  const putKinds = db.prepare('INSERT INTO passage_kinds (chunk, data) VALUES (?, ?)');
  for (const chunk of encodeKindChunks(kindCodes)) putKinds.run(chunk.chunk, chunk.data);
  const putRanges = db.prepare('INSERT INTO range_starts (name, data) VALUES (?, ?)');
  putRanges.run('blocks', encodeRangeCounts('blocks', blockPassages));
  putRanges.run(
    'sections',
    encodeRangeCounts(
      'sections',
      sections.map((s) => s.passageCount),
    ),
  );
  const counts: PackCounts = { passages: passageCount, sections: sections.length, blocks: blockCount, kinds };
  meta.set(META.counts, JSON.stringify(counts));

  input.writeSearchIndex(db);
  const contentSha256 = content.finish(mediaHashes);
  meta.set(META.contentSha256, contentSha256);
  const indexSha256 = indexChecksum(db);
  meta.set(META.indexSha256, indexSha256);
  meta.set(META.checksum, String(metaChecksum(meta, META.checksum)));
  const putMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  for (const [key, value] of meta) putMeta.run(key, value);
  return { contentSha256, indexSha256 };
}

/**
 * Stores the media files, in id order, reading each only now and one at a time (memory holds one
 * file, however many the archive has). Returns each item's SHA-256, for the content checksum.
 */
function writeMedia(db: Database.Database, media: readonly MediaFile[]): { id: string; sha256: string | null }[] {
  const putMedia = db.prepare(
    'INSERT INTO media (id, type, mime, source, present, bytes, sha256, data, data_checksum, captions, checksum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const hashes: { id: string; sha256: string | null }[] = [];
  for (const m of [...media].sort((a, b) => (a.ref.id < b.ref.id ? -1 : 1))) {
    const shown = m.ref.source ?? m.ref.id;
    const data = m.file ? readCheckedFile(m.file, m.kind, shown) : null;
    if (data && data.length !== m.ref.bytes)
      throw new SourceError(`${shown}: the file changed while the pack was being built; build again`);
    const row: MediaRow = {
      id: m.ref.id,
      type: m.ref.type,
      mime: m.ref.mime,
      source: m.ref.source,
      present: m.ref.present ? 1 : 0,
      bytes: m.ref.bytes,
      sha256: data ? sha256Hex(data) : null,
      data_checksum: data ? mediaDataChecksum(data) : null,
      captions: m.ref.captions ? JSON.stringify(m.ref.captions) : null,
    };
    putMedia.run(
      row.id,
      row.type,
      row.mime,
      row.source,
      row.present,
      row.bytes,
      row.sha256,
      data,
      row.data_checksum,
      row.captions,
      mediaChecksum(row),
    );
    hashes.push({ id: row.id, sha256: row.sha256 });
  }
  return hashes;
}
