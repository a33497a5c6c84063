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
  const hash = new ContentHash(manifest, sections);
  for (const p of passages) hash.passage(p);
  return hash.finish(media);
}

/** contentChecksum taken as passages stream by: the manifest and sections first, then each passage in order. */
export class ContentHash {
  private readonly hash = createHash('sha256');
  // Hashed in pieces of about 64 KB rather than line by line (the same bytes, far fewer calls).
  private text = '';

  constructor(manifest: Manifest, sections: readonly Section[]) {
    this.line([
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
    for (const s of sections) this.line(['section', s.ordinal, s.id, s.title, s.titleIsMetadata, s.depth ?? 0]);
  }

  /**
   * `contentJson`: JSON.stringify(p.content ?? null), when the caller has it already: the pack writer
   * wrote it for the passage's block, and encoding a large build's content a second time took seconds.
   * The line is the JSON of the same array as ever, written out by hand around it.
   */
  passage(p: Passage, contentJson: string = json(p.content ?? null)): void {
    this.add(
      `["passage",${p.ordinal},${json(p.id)},${json(p.sectionId)},${json(p.kind)},${json(p.text)},${json(p.title)},` +
        `${json(p.level)},${json(p.media?.id ?? null)},${json(p.repeatOf)},${json(p.provenance.file)},` +
        `${json(p.provenance.lines)},${contentJson},${json(p.lang ?? null)}]\n`,
    );
  }

  /** The checksum, once every passage was hashed, with the media files' hashes. */
  finish(media: readonly { id: string; sha256: string | null }[]): string {
    for (const m of [...media].sort((a, b) => (a.id < b.id ? -1 : 1))) this.line(['media', m.id, m.sha256]);
    this.hash.update(this.text);
    this.text = '';
    return this.hash.digest('hex');
  }

  private line(value: unknown): void {
    this.add(`${JSON.stringify(value)}\n`);
  }

  private add(line: string): void {
    this.text += line;
    if (this.text.length > 65536) {
      this.hash.update(this.text);
      this.text = '';
    }
  }
}

/** A value as it stands in a JSON array: what JSON.stringify leaves out there (undefined) is null. */
function json(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 over every `search_*` table, row by row in primary-key order. */
export function indexChecksum(db: Database.Database): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'search\\_%' ESCAPE '\\' ORDER BY name")
    .pluck()
    .all() as string[];
  // Text is gathered and hashed in pieces of about 64 KB: one update per value cost 10 s of a
  // million-passage build.
  let text = '';
  const flush = (): void => {
    if (text) hash.update(text);
    text = '';
  };
  for (const table of tables) {
    text += `table ${table}\n`;
    const quoted = `"${table.replaceAll('"', '""')}"`;
    const columns = (db.prepare(`PRAGMA table_info(${quoted})`).all() as { name: string }[]).map((c) => c.name);
    const order = columns.map((_, i) => String(i + 1)).join(', ');
    for (const row of db.prepare(`SELECT * FROM ${quoted} ORDER BY ${order}`).raw().iterate() as Iterable<unknown[]>) {
      for (const value of row) {
        if (Buffer.isBuffer(value)) {
          flush();
          hash.update(value);
        } else text += String(value);
        text += '\u0000';
      }
      text += '\n';
      if (text.length > 65536) flush();
    }
  }
  flush();
  return hash.digest('hex');
}
