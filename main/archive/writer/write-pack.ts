/**
 * Writes an assembled archive into a pack file: the schema of pack-schema.ts, one transaction,
 * then VACUUM, into a temporary file renamed over the target only once it is complete, so a failed
 * build never leaves a half-written pack where a good one was.
 */
import { renameSync, rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { SourceError } from '../../model/errors';
import { openDatabase } from '../../sqlite';
import { contentChecksum, indexChecksum } from '../checksum';
import { META, PACK_APPLICATION_ID, PACK_FORMAT_VERSION, PACK_SCHEMA, passageIdHash } from '../pack-schema';
import type { AssembledArchive } from './assemble';
import { kindCode, TextBlockPacker } from './text-blocks';

export interface PackWriteInput {
  archive: AssembledArchive;
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
    input.onProgress?.(input.archive.passages.length, input.archive.passages.length);
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
  const { manifest, sections, passages, media } = input.archive;
  // Passages reference their text block before the block is complete: check keys at commit.
  db.pragma('defer_foreign_keys = ON');
  const putMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  putMeta.run(META.formatVersion, String(PACK_FORMAT_VERSION));
  putMeta.run(META.manifest, JSON.stringify(manifest));
  putMeta.run(META.analyzerVersion, input.analyzerFingerprint);
  putMeta.run(META.builtBy, 'folio build');

  const putSection = db.prepare(
    'INSERT INTO sections (ordinal, id, title, title_is_metadata, depth, first_passage, first_passage_id, passage_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const firstOfSection = new Map<string, number>();
  for (const p of passages) if (!firstOfSection.has(p.sectionId)) firstOfSection.set(p.sectionId, p.ordinal);
  for (const s of sections) {
    putSection.run(
      s.ordinal,
      s.id,
      s.title,
      s.titleIsMetadata ? 1 : 0,
      s.depth ?? 0,
      firstOfSection.get(s.id),
      s.firstPassageId,
      s.passageCount,
    );
  }

  const putMedia = db.prepare(
    'INSERT INTO media (id, type, mime, source, present, bytes, sha256, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const m of [...media].sort((a, b) => (a.ref.id < b.ref.id ? -1 : 1))) {
    putMedia.run(m.ref.id, m.ref.type, m.ref.mime, m.ref.source, m.ref.present ? 1 : 0, m.ref.bytes, m.sha256, m.data);
  }

  const putBlock = db.prepare('INSERT INTO blocks (id, first_passage, passage_count, data) VALUES (?, ?, ?, ?)');
  const putPassage = db.prepare('INSERT INTO passages (ordinal, id_hash, kind) VALUES (?, ?, ?)');
  const blocks = new TextBlockPacker((b) => putBlock.run(b.id, b.firstPassage, b.passageCount, b.data));
  passages.forEach((p, i) => {
    blocks.add(p);
    const key = passageIdHash(p.id);
    if (!key) throw new SourceError(`internal: passage id ${p.id} is malformed`);
    putPassage.run(p.ordinal, key.hash, kindCode(p));
    if (i % 5000 === 0) input.onProgress?.(i, passages.length);
  });
  blocks.finish();

  input.writeSearchIndex(db);
  const contentSha256 = contentChecksum(
    manifest,
    sections,
    passages,
    media.map((m) => ({ id: m.ref.id, sha256: m.sha256 })),
  );
  putMeta.run(META.contentSha256, contentSha256);
  const indexSha256 = indexChecksum(db);
  putMeta.run(META.indexSha256, indexSha256);
  return { contentSha256, indexSha256 };
}
