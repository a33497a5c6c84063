import { copyFileSync, mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, deflateRawSync, inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../main/archive/writer/build-pack';
import { openPack } from '../../main/archive/pack';
import { encodeKindChunks } from '../../main/archive/passage-index';
import { encodeRangeCounts } from '../../main/archive/range-starts';
import { blockChecksum } from '../../main/archive/row-checks';
import { toApiError } from '../../main/api/api-error';
import { PackDamagedError, PackError } from '../../main/model/errors';
import { verifyPack } from '../../main/archive/verify';
import { sectionChecksum, type SectionRow } from '../../main/archive/row-checks';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
const good = join(dir, 'good.folio');
buildPack(join(__dirname, '..', 'fixtures', 'curated-mini'), good);

/** The columns of a sections row that its checksum covers. */
const SECTION_ROW =
  'ordinal, id, title, title_is_metadata, depth, first_passage, first_passage_id, passage_count, link_list';

/** The kind codes of the first passages, as stored (one kinds chunk: the fixture is small). */
function storedKinds(db: Database.Database): { data: Buffer; kinds: Buffer } {
  const data = db.prepare('SELECT data FROM passage_kinds WHERE chunk = 0').pluck().get() as Buffer;
  return { data, kinds: inflateRawSync(data.subarray(0, data.length - 4)) };
}

/** A copy of the good pack (or of `from`), edited through SQLite. */
function editedCopy(name: string, edit: (db: Database.Database) => void, from = good): string {
  const file = join(dir, name);
  copyFileSync(from, file);
  const db = new Database(file);
  try {
    edit(db);
  } finally {
    db.close();
  }
  return file;
}

function openError(path: string): PackError {
  try {
    openPack(path).close();
  } catch (error) {
    expect(error).toBeInstanceOf(PackError);
    return error as PackError;
  }
  throw new Error(`opening ${path} should have failed`);
}

/** What reading the first section of the pack at `path` throws (undefined when it reads). */
function firstSectionError(path: string): unknown {
  const pack = openPack(path);
  try {
    pack.passagesOfSection(pack.sections()[0]!.id);
    return undefined;
  } catch (error) {
    return error;
  } finally {
    pack.close();
  }
}

describe('packs that cannot be used are rejected with one clear line', () => {
  it('a missing file', () => {
    expect(openError(join(dir, 'nope.folio')).message).toMatch(/nope\.folio: no such file$/u);
  });

  it('a folder', () => {
    mkdirSync(join(dir, 'a-folder'));
    expect(openError(join(dir, 'a-folder')).message).toMatch(/is a folder, not a pack/u);
  });

  it('a file that is not SQLite', () => {
    writeFileSync(join(dir, 'text.folio'), 'hello, I am not a pack\n'.repeat(20));
    expect(openError(join(dir, 'text.folio')).message).toMatch(/not a Folio pack \(not an SQLite file\)/u);
  });

  it('an SQLite file of another application', () => {
    const other = new Database(join(dir, 'other.folio'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(openError(join(dir, 'other.folio')).message).toMatch(/an SQLite file of another application/u);
  });

  it('a truncated pack', () => {
    const truncated = join(dir, 'truncated.folio');
    copyFileSync(good, truncated);
    truncateSync(truncated, Math.floor(statSync(good).size / 2));
    const message = openError(truncated).message;
    expect(message).toMatch(/the pack is truncated/u);
    expect(message).not.toContain('\n');
  });

  it('a pack whose pages were overwritten with garbage is caught by verify', () => {
    const damaged = join(dir, 'damaged.folio');
    const bytes = readFileSync(good);
    // Keep the header and first pages, smash a stretch in the middle (text blocks and index pages).
    for (let i = 8192; i < bytes.length - 4096; i += 7) bytes[i] = (bytes[i]! * 31 + 17) & 0xff;
    writeFileSync(damaged, bytes);
    let failed: boolean;
    try {
      failed = !verifyPack(damaged).ok;
    } catch (error) {
      failed = error instanceof PackError;
    }
    expect(failed).toBe(true);
  });

  it('a pack whose passage index was edited fails verification', () => {
    // Rewritten with a valid checksum, as a faulty builder would: only the blocks can tell.
    const edited = editedCopy('edited-index.folio', (db) => {
      const { kinds } = storedKinds(db);
      const [chunk] = encodeKindChunks(kinds.map((code) => (code === 0 ? 1 : code)));
      db.prepare('UPDATE passage_kinds SET data = ? WHERE chunk = 0').run(chunk!.data);
    });
    const report = verifyPack(edited);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'passage index')?.ok).toBe(false);
  });

  it('a damaged passage index fails that check alone: the passages themselves still verify', () => {
    const damaged = editedCopy('damaged-index.folio', (db) => {
      const { key, data } = db.prepare('SELECT key, data FROM passage_ids ORDER BY key LIMIT 1').get() as {
        key: number;
        data: Buffer;
      };
      const at = data.length >> 1;
      data[at] = data[at]! ^ 0xff;
      db.prepare('UPDATE passage_ids SET data = ? WHERE key = ?').run(data, key);
    });
    const report = verifyPack(damaged);
    const named = (name: string) => report.checks.find((c) => c.name === name);
    expect(report.ok).toBe(false);
    expect(named('passage index')?.ok).toBe(false);
    expect(named('content checksum')?.ok).toBe(true);
    expect(named('lists of links')?.ok).toBe(true);
  });

  it('a damaged range row is reported by the first passage read, and fails verification', () => {
    for (const table of ['blocks', 'sections'] as const) {
      const damaged = editedCopy(`damaged-${table}-ranges.folio`, (db) => {
        const data = db.prepare('SELECT data FROM range_starts WHERE name = ?').pluck().get(table) as Buffer;
        data[0] = data[0]! ^ 0x01;
        db.prepare('UPDATE range_starts SET data = ? WHERE name = ?').run(data, table);
      });
      const error = firstSectionError(damaged);
      expect(error, table).toBeInstanceOf(PackDamagedError);
      expect((error as Error).message).toMatch(new RegExp(`the ${table}' ranges fails its checksum`, 'u'));
      const report = verifyPack(damaged);
      expect(report.ok).toBe(false);
      expect(report.checks.find((c) => c.name === 'passage ranges')?.detail).toMatch(/fails its checksum/u);
    }
  });

  it('ranges rewritten against their tables, as a faulty builder would, are reported and fail verification', () => {
    // Valid checksums: only the rows read can tell. Moving one passage from the first row to the
    // second leaves the counts' sum right. This fixture has two blocks and several sections.
    const several = join(dir, 'several-blocks.folio');
    buildPack(join(__dirname, '..', 'fixtures', 'postgresql-15'), several);
    for (const [table, message] of [
      ['blocks', /text block 0 fails its checksum/u],
      ['sections', /section 0 is out of place/u],
    ] as const) {
      const edited = editedCopy(
        `edited-${table}-ranges.folio`,
        (db) => {
          const key = table === 'blocks' ? 'id' : 'ordinal';
          const counts = db.prepare(`SELECT passage_count FROM ${table} ORDER BY ${key}`).pluck().all() as number[];
          expect(counts.length, table).toBeGreaterThan(1);
          if (counts[0]! > 1) {
            counts[0]!--;
            counts[1]!++;
          } else {
            counts[0]!++;
            counts[1]!--;
          }
          db.prepare('UPDATE range_starts SET data = ? WHERE name = ?').run(encodeRangeCounts(table, counts), table);
        },
        several,
      );
      const error = firstSectionError(edited);
      expect(error, table).toBeInstanceOf(PackDamagedError);
      expect((error as Error).message, table).toMatch(message);
      const report = verifyPack(edited);
      expect(report.ok).toBe(false);
      expect(report.checks.find((c) => c.name === 'passage ranges')?.detail).toBe(
        `the ${table}' ranges disagree with ${table} row 0`,
      );
    }
  });

  it('a pack without its ranges is reported, not read', () => {
    const edited = editedCopy('no-ranges.folio', (db) =>
      db.prepare("DELETE FROM range_starts WHERE name = 'blocks'").run(),
    );
    const error = firstSectionError(edited);
    expect(error).toBeInstanceOf(PackDamagedError);
    expect((error as Error).message).toMatch(/the blocks' ranges are missing/u);
  });

  it('a pack whose sections were told lists of links against their passages fails verification', () => {
    // Rewritten with valid checksums, as a faulty builder would: only the passages can tell.
    const edited = editedCopy('edited-link-lists.folio', (db) => {
      const rows = db.prepare(`SELECT ${SECTION_ROW} FROM sections`).all() as SectionRow[];
      const put = db.prepare('UPDATE sections SET link_list = ?, checksum = ? WHERE ordinal = ?');
      for (const row of rows) {
        const flipped = { ...row, link_list: 1 - row.link_list };
        put.run(flipped.link_list, sectionChecksum(flipped), row.ordinal);
      }
    });
    const pack = openPack(edited);
    try {
      expect(pack.sections().length).toBeGreaterThan(0);
    } finally {
      pack.close();
    }
    const report = verifyPack(edited);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'lists of links')?.detail).toMatch(
      /^section 0 \(.*\) is marked a page of links, against its passages$/u,
    );
    expect(verifyPack(good).checks.find((c) => c.name === 'lists of links')?.ok).toBe(true);
  });

  it('a pack whose passage text was edited fails the content checksum', () => {
    const edited = editedCopy('edited.folio', (db) => {
      const { id, passage_count, data } = db
        .prepare('SELECT id, passage_count, data FROM blocks ORDER BY id LIMIT 1')
        .get() as { id: number; passage_count: number; data: Buffer };
      // A block holds its values a line each, column after column; column 1 is the texts.
      const lines = brotliDecompressSync(data).toString('utf8').split('\n');
      lines[passage_count + 1] = JSON.stringify('The port of Pusan was quiet in 1950.');
      db.prepare('UPDATE blocks SET data = ? WHERE id = ?').run(brotliCompressSync(Buffer.from(lines.join('\n'))), id);
    });
    const report = verifyPack(edited);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'content checksum')?.ok).toBe(false);
  });

  it('a pack whose search index another version of Folio wrote asks to be rebuilt, not called damaged', () => {
    const old = editedCopy('old-index.folio', (db) =>
      db.prepare("UPDATE search_meta SET value = 'folio-search-4' WHERE key = 'format'").run(),
    );
    const pack = openPack(old);
    try {
      expect(() => pack.searchEngine()).toThrow(PackError);
      expect(() => pack.searchEngine()).toThrow(
        /made by another version of Folio \(folio-search-4; this Folio reads folio-search-\d+\); rebuild the pack/u,
      );
      expect(() => pack.searchEngine()).not.toThrow(/damaged/u);
    } finally {
      pack.close();
    }
  });

  it('a pack of an older format asks to be rebuilt, not called damaged', () => {
    const old = editedCopy('old-format.folio', (db) =>
      db.prepare("UPDATE meta SET value = '2' WHERE key = 'format_version'").run(),
    );
    expect(openError(old).message).toMatch(
      /old-format\.folio: pack format 2 is not supported by this Folio \(it reads format \d+\); rebuild the pack with "folio build"$/u,
    );
  });

  it('a pack of format 3 to 6 (before ranges were kept apart) asks to be rebuilt', () => {
    for (const version of [3, 4, 5, 6]) {
      const old = editedCopy(`format-${version}.folio`, (db) => {
        db.prepare("UPDATE meta SET value = ? WHERE key = 'format_version'").run(String(version));
        db.pragma(`user_version = ${version}`);
      });
      expect(openError(old).message).toMatch(
        new RegExp(
          `format-${version}\\.folio: pack format ${version} is not supported by this Folio \\(it reads format 7\\); rebuild the pack with "folio build"$`,
          'u',
        ),
      );
    }
  });

  it('a damaged list-of-links flag is reported, never taken for another ranking', () => {
    const edited = editedCopy('edited-link-list.folio', (db) =>
      db.prepare('UPDATE sections SET link_list = 1 - link_list WHERE ordinal = 0').run(),
    );
    const pack = openPack(edited);
    try {
      const id = pack.database().prepare('SELECT id FROM sections WHERE ordinal = 0').pluck().get() as string;
      expect(() => pack.sectionIsLinkList(id)).toThrow(
        /edited-link-list\.folio: the pack is damaged \(section 0 fails its checksum\)/u,
      );
    } finally {
      pack.close();
    }
  });

  it('a damaged section depth is reported, never shown as another level of the contents', () => {
    const edited = editedCopy('edited-depth.folio', (db) => db.prepare('UPDATE sections SET depth = depth + 1').run());
    const pack = openPack(edited);
    try {
      expect(() => pack.sections()).toThrow(
        /edited-depth\.folio: the pack is damaged \(section 0 fails its checksum\)/u,
      );
    } finally {
      pack.close();
    }
  });

  it('a damaged header row is reported, never shown', () => {
    const edited = editedCopy('edited-counts.folio', (db) =>
      db.prepare(`UPDATE meta SET value = replace(value, '"passages":8', '"passages":273') WHERE key = 'counts'`).run(),
    );
    const error = openError(edited);
    expect(error).toBeInstanceOf(PackDamagedError);
    expect(error.message).toMatch(/edited-counts\.folio: the pack is damaged \(its header rows fail their checksum\)/u);
  });

  it('a damaged kind is reported, never read as another kind', () => {
    // Passage #1's kind changed, the chunk's checksum left as it was.
    const edited = editedCopy('edited-kind.folio', (db) => {
      const { data, kinds } = storedKinds(db);
      kinds[1] = 2;
      db.prepare('UPDATE passage_kinds SET data = ? WHERE chunk = 0').run(
        Buffer.concat([deflateRawSync(kinds), data.subarray(data.length - 4)]),
      );
    });
    const pack = openPack(edited);
    try {
      const id = pack.passagesOfSection(pack.sections()[0]!.id)[1]!.id;
      expect(() => pack.passageKinds([id])).toThrow(PackDamagedError);
      expect(() => pack.passage(id)).toThrow(/the passage kinds chunk 0 fails its checksum/u);
      expect(() => pack.passagesOfKinds(['media'], 0, 10)).toThrow(PackDamagedError);
    } finally {
      pack.close();
    }
  });

  it('a damaged media file is reported, never served', () => {
    const edited = editedCopy('edited-media.folio', (db) =>
      db.prepare("UPDATE media SET data = CAST(zeroblob(bytes) AS BLOB) WHERE mime = 'image/png'").run(),
    );
    const pack = openPack(edited);
    try {
      const image = pack
        .sections()
        .flatMap((s) => pack.passagesOfSection(s.id))
        .find((p) => p.media?.mime === 'image/png')!.media!;
      expect(() => pack.mediaBlob(image.id)).toThrow(/the file of media m[0-9a-f]{12} fails its checksum/u);
    } finally {
      pack.close();
    }
    expect(verifyPack(edited).checks.find((c) => c.name === 'media files')?.ok).toBe(false);
  });

  it('a text block that is not its passages, one value a line, is reported, never read as other passages', () => {
    // Rewritten with a valid checksum, as a faulty builder would: the block's lines must tell.
    const damages: [string, (lines: string[], rows: number) => string[], RegExp][] = [
      ['truncated', (lines) => lines.slice(0, -2).concat(''), /text block 0 cannot be read/u],
      ['an extra line', (lines) => [...lines.slice(0, -1), '"more"', ''], /text block 0 cannot be read/u],
      ['an empty line', (lines) => ['', ...lines.slice(1)], /text block 0 cannot be read/u],
      [
        'lines run together',
        (lines) => [`${lines[0]}${lines[1]}`, ...lines.slice(2), ''],
        /text block 0 cannot be read/u,
      ],
      ['a text that does not parse', (lines, rows) => lines.with(rows + 1, '"cut off'), /passage #1 cannot be read/u],
      ['a kind that does not parse', (lines) => lines.with(1, '{'), /passage #1 cannot be read/u],
    ];
    for (const [what, damage, message] of damages) {
      const edited = editedCopy(`block-${what.replaceAll(' ', '-')}.folio`, (db) => {
        const row = db.prepare('SELECT first_passage, passage_count, data FROM blocks WHERE id = 0').get() as {
          first_passage: number;
          passage_count: number;
          data: Buffer;
        };
        const lines = brotliDecompressSync(row.data).toString('utf8').split('\n');
        const data = brotliCompressSync(Buffer.from(damage(lines, row.passage_count).join('\n')));
        db.prepare('UPDATE blocks SET data = ?, checksum = ? WHERE id = 0').run(
          data,
          blockChecksum(0, row.first_passage, row.passage_count, data),
        );
      });
      const error = firstSectionError(edited);
      expect(error, what).toBeInstanceOf(PackDamagedError);
      const line = (error as Error).message;
      expect(line, what).toMatch(message);
      expect(line, what).toMatch(/the pack is damaged/u);
      expect(line, what).not.toContain('\n');
      expect(verifyPack(edited).ok, what).toBe(false);
    }
  });

  it('the app is told "This archive is damaged", in one line', () => {
    const edited = editedCopy('edited-block.folio', (db) =>
      db.prepare('UPDATE blocks SET data = CAST(zeroblob(length(data)) AS BLOB) WHERE id = 0').run(),
    );
    const error = firstSectionError(edited);
    expect(error).toBeInstanceOf(PackDamagedError);
    const api = toApiError(error);
    expect(api.message).toMatch(
      /^This archive is damaged\. .*edited-block\.folio: the pack is damaged \(text block 0 fails its checksum\)/u,
    );
    expect(api.message).not.toContain('\n');
  });

  it('a good pack verifies', () => {
    expect(verifyPack(good).checks.every((c) => c.ok)).toBe(true);
  });
});
