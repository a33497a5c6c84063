/**
 * The README's rescue command for a damaged bookmarks file, run with the system's sqlite3 (Debian 12
 * ships 3.40.1, built without the sqlite_dbpage table that `.recover` needs, so `.recover` fails there
 * even on a healthy file). `.dump` reads what it can and ends with ROLLBACK when it met damage; sed turns
 * that into COMMIT so the rows it did read are kept.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { BOOKMARKS_FILE, BookmarkStore } from '../../main/bookmarks/store';

/** As printed in the README, with the two file names filled in. */
const rescueCommand = (damaged: string, rescued: string): string =>
  `sqlite3 -readonly '${damaged}' .dump | sed 's/^ROLLBACK; -- due to errors$/COMMIT;/' | sqlite3 '${rescued}'`;

const version = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
const skipReason = version.status === 0 ? null : 'sqlite3 is not installed (Debian: apt-get install -y sqlite3)';
if (skipReason) console.info(`Bookmark rescue test skipped: ${skipReason}`);

const dir = mkdtempSync(join(tmpdir(), 'folio-rescue-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bookmarksIn(path: string): Map<string, string> {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare('SELECT passage_id, note FROM bookmarks').all() as { passage_id: string; note: string }[];
    return new Map(rows.map((r) => [r.passage_id, r.note]));
  } finally {
    db.close();
  }
}

function fill(dataDir: string, count: number): void {
  const store = BookmarkStore.open(dataDir);
  for (let i = 0; i < count; i++) store.set('p', 'arch', `passage-${i}`, `note ${i} ${'x'.repeat(200)}`);
  store.close();
}

function rescue(damaged: string, rescued: string): void {
  const run = spawnSync('sh', ['-c', rescueCommand(damaged, rescued)], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
}

describe.skipIf(!!skipReason)(`rescuing bookmarks with sqlite3 ${version.stdout?.split(' ')[0] ?? ''}`, () => {
  it('copies every bookmark out of a healthy file', () => {
    const data = join(dir, 'healthy');
    fill(data, 300);
    const rescued = join(dir, 'healthy-rescued.sqlite');
    rescue(join(data, BOOKMARKS_FILE), rescued);
    expect(bookmarksIn(rescued).size).toBe(300);
  });

  it('saves what can be read from a damaged file that Folio moved aside, and Folio opens the result', () => {
    const data = join(dir, 'damaged');
    fill(data, 300);
    // A page of rows in the middle of the table is overwritten.
    const pages = statSync(join(data, BOOKMARKS_FILE)).size / 4096;
    const fd = openSync(join(data, BOOKMARKS_FILE), 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, Math.floor(pages / 2) * 4096);
    closeSync(fd);
    const store = BookmarkStore.open(data);
    const movedTo = store.recovery?.movedTo;
    store.close();
    expect(movedTo).toBeDefined();

    const rescued = join(dir, 'rescued.sqlite');
    rescue(movedTo!, rescued);
    const saved = bookmarksIn(rescued);
    expect(saved.size).toBeGreaterThan(200);
    expect(saved.size).toBeLessThan(300);
    for (const [id, note] of saved) expect(note).toBe(`note ${id.slice('passage-'.length)} ${'x'.repeat(200)}`);

    // Put in place as the README says (Folio closed): the rescued bookmarks are back.
    const fresh = join(dir, 'fresh');
    mkdirSync(fresh);
    copyFileSync(rescued, join(fresh, BOOKMARKS_FILE));
    const reopened = BookmarkStore.open(fresh);
    expect(reopened.recovery).toBeNull();
    expect(reopened.list('p', 'arch')).toHaveLength(saved.size);
    reopened.close();
  });
});
