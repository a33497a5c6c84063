/** Content and index checksums of a pack: stable across rebuilds of the same source. */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Manifest, Passage, Section } from '../model/archive';

/** SHA-256 over the manifest, sections, passages and media hashes, in a canonical order. */
export function contentChecksum(
  manifest: Manifest,
  sections: readonly Section[],
  passages: readonly Passage[],
  media: readonly { id: string; sha256: string | null }[],
): string {
  const hash = createHash('sha256');
  const line = (value: unknown): void => {
    hash.update(JSON.stringify(value));
    hash.update('\n');
  };
  line([
    'manifest',
    manifest.id,
    manifest.title,
    manifest.description,
    manifest.languages,
    manifest.source,
    manifest.licence,
    manifest.version,
    manifest.variants,
  ]);
  for (const s of sections) line(['section', s.ordinal, s.id, s.title, s.titleIsMetadata, s.depth ?? 0]);
  for (const p of passages) {
    line([
      'passage',
      p.ordinal,
      p.id,
      p.sectionId,
      p.kind,
      p.text,
      p.title,
      p.level,
      p.media?.id ?? null,
      p.repeatOf,
      p.provenance.file,
      p.provenance.lines,
      p.content ?? null,
      p.lang ?? null,
    ]);
  }
  for (const m of [...media].sort((a, b) => (a.id < b.id ? -1 : 1))) line(['media', m.id, m.sha256]);
  return hash.digest('hex');
}

/** SHA-256 over every `search_*` table, row by row in primary-key order. */
export function indexChecksum(db: Database.Database): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'search\\_%' ESCAPE '\\' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    hash.update(`table ${table}\n`);
    const quoted = `"${table.replaceAll('"', '""')}"`;
    const columns = (db.prepare(`PRAGMA table_info(${quoted})`).all() as { name: string }[]).map((c) => c.name);
    const order = columns.map((_, i) => String(i + 1)).join(', ');
    for (const row of db.prepare(`SELECT * FROM ${quoted} ORDER BY ${order}`).raw().iterate() as Iterable<unknown[]>) {
      for (const value of row) {
        if (Buffer.isBuffer(value)) hash.update(value);
        else hash.update(String(value));
        hash.update('\u0000');
      }
      hash.update('\n');
    }
  }
  return hash.digest('hex');
}
