/** Rolling daily backups of the bookmarks database, made with SQLite's backup API, on real files. */
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUPS_FOLDER, listBackups } from '../../main/bookmarks/backup';
import { BOOKMARKS_FILE, BookmarkStore } from '../../main/bookmarks/store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-backup-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const countIn = (path: string): number => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM bookmarks').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('bookmark backups', () => {
  it('keeps one copy a day, of the last 3 days, each a complete database of that moment', async () => {
    for (let day = 1; day <= 5; day++) {
      const store = BookmarkStore.open(dir, { now: () => new Date(`2026-11-0${day}T12:00:00Z`) });
      expect(await store.backupIfDue()).toMatch(new RegExp(`bookmarks-2026-11-0${day}T12-00-00Z\\.sqlite$`));
      store.set('p', 'arch', `day-${day}`, `saved on day ${day}`);
      store.close();
    }
    const backups = listBackups(join(dir, BOOKMARKS_FILE));
    expect(backups.map((b) => b.takenAt.toISOString())).toEqual([
      '2026-11-05T12:00:00.000Z',
      '2026-11-04T12:00:00.000Z',
      '2026-11-03T12:00:00.000Z',
    ]);
    // The copy of day N was made when the store opened that day, before that day's bookmark.
    expect(backups.map((b) => countIn(b.path))).toEqual([4, 3, 2]);
  });

  it('makes no second copy on the same day, and one when the day changes while the store is open', async () => {
    let now = new Date('2026-11-10T08:00:00Z');
    const store = BookmarkStore.open(dir, { now: () => now });
    await store.backupIfDue();
    store.set('p', 'arch', 'a');
    expect(await store.backupIfDue()).toBeNull();
    now = new Date('2026-11-11T00:30:00Z');
    store.set('p', 'arch', 'b'); // the first change of a new day starts that day's copy
    await store.backupIfDue();
    store.close();
    expect(listBackups(join(dir, BOOKMARKS_FILE)).map((b) => [b.takenAt.toISOString(), countIn(b.path)])).toEqual([
      ['2026-11-11T00:30:00.000Z', 2],
      ['2026-11-10T08:00:00.000Z', 0],
    ]);
  });

  it('leaves no half-made copy when the store closes during a backup, and drops stale ones', async () => {
    const folder = join(dir, BACKUPS_FOLDER);
    const store = BookmarkStore.open(dir, { now: () => new Date('2026-11-12T08:00:00Z') });
    for (let i = 0; i < 20; i++) store.set('p', 'arch', `id-${i}`, 'x'.repeat(300));
    const pending = store.backupIfDue();
    store.close();
    expect(await pending).toBeNull();
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);

    // A copy left behind by a process killed an hour and more ago is removed with the next backup.
    writeFileSync(join(folder, '.partial-1-deadbeef'), 'half a copy');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(join(folder, '.partial-1-deadbeef'), old, old);
    const again = BookmarkStore.open(dir, { now: () => new Date('2026-11-12T09:00:00Z') });
    expect(await again.backupIfDue()).not.toBeNull();
    again.close();
    expect(readdirSync(folder)).toEqual(['bookmarks-2026-11-12T09-00-00Z.sqlite']);
  });
});
