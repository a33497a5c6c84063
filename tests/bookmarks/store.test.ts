import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOKMARKS_FILE, BookmarkStore } from '../../main/bookmarks/store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('BookmarkStore on a real file', () => {
  it('uses WAL mode and survives a reopen', () => {
    const a = BookmarkStore.open(dir);
    a.set('p', 'arch', 'x1', 'note one');
    a.set('p', 'arch', 'x2');
    a.setSettings('p', 'arch', { fontSize: 20, theme: 'dark', readingPosition: 'x2', language: 'ko' });
    a.close();
    const db = new Database(join(dir, BOOKMARKS_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const b = BookmarkStore.open(dir);
    expect(b.recovery).toBeNull();
    expect(b.list('p', 'arch').map((x) => [x.passageId, x.note])).toEqual([
      ['x1', 'note one'],
      ['x2', ''],
    ]);
    expect(b.getSettings('p', 'arch')).toEqual({ fontSize: 20, theme: 'dark', readingPosition: 'x2', language: 'ko' });
    b.close();
  });

  it('has each change on disk when the call returns (seen by another connection at once)', () => {
    const store = BookmarkStore.open(dir);
    const reader = new Database(join(dir, BOOKMARKS_FILE), { readonly: true });
    const count = (): number => (reader.prepare('SELECT count(*) AS n FROM bookmarks').get() as { n: number }).n;
    store.set('p', 'a', 'x');
    expect(count()).toBe(1);
    store.remove('p', 'a', 'x');
    expect(count()).toBe(0);
    reader.close();
    store.close();
  });

  it('keeps created date, moves updated date only when the note changes', () => {
    let t = Date.parse('2026-01-01T00:00:00Z');
    const store = BookmarkStore.open(dir, { now: () => new Date((t += 1000)) });
    const first = store.set('p', 'a', 'x');
    const same = store.set('p', 'a', 'x');
    expect(same.updatedAt).toBe(first.updatedAt);
    const edited = store.set('p', 'a', 'x', 'n');
    expect(edited.createdAt).toBe(first.createdAt);
    expect(edited.updatedAt > first.updatedAt).toBe(true);
    store.close();
  });

  it('loses nothing when two connections interleave writes', () => {
    const a = BookmarkStore.open(dir);
    const b = BookmarkStore.open(dir);
    for (let i = 0; i < 200; i++) {
      (i % 2 ? a : b).set('p', 'arch', `id-${i}`, `note ${i}`);
      if (i % 3 === 0) (i % 2 ? b : a).setSettings('p', 'arch', { fontSize: 12 + (i % 20) });
    }
    a.close();
    expect(b.list('p', 'arch')).toHaveLength(200);
    b.close();
  });

  it('loses nothing when two processes write at the same time', async () => {
    const script = join(dir, 'writer.mjs');
    const storeUrl = new URL('../../main/bookmarks/store.ts', import.meta.url).href;
    writeFileSync(
      script,
      `const { BookmarkStore } = await import(${JSON.stringify(storeUrl)});
       const s = BookmarkStore.open(process.argv[2]);
       for (let i = 0; i < 150; i++) s.set('p', 'arch', process.argv[3] + i);
       s.close();`,
    );
    const run = (tag: string): Promise<number> =>
      new Promise((resolve) => {
        const child = fork(script, [dir, tag], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
        child.on('exit', (code) => resolve(code ?? 1));
      });
    expect(await Promise.all([run('a'), run('b')])).toEqual([0, 0]);
    const store = BookmarkStore.open(dir);
    expect(store.list('p', 'arch')).toHaveLength(300);
    store.close();
  });

  it('keeps the saved excerpt, and opens a version-1 file (no excerpt column) without losing bookmarks', () => {
    const v1 = new Database(join(dir, BOOKMARKS_FILE));
    v1.exec(`CREATE TABLE bookmarks (profile_id TEXT NOT NULL, archive_id TEXT NOT NULL, passage_id TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
      PRIMARY KEY (profile_id, archive_id, passage_id)) WITHOUT ROWID`);
    v1.prepare('INSERT INTO bookmarks VALUES (?, ?, ?, ?, ?, ?)').run(
      'p',
      'arch',
      'old',
      'kept',
      '2026-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
    );
    v1.pragma('user_version = 1');
    v1.close();
    const store = BookmarkStore.open(dir);
    expect(store.recovery).toBeNull();
    expect(store.get('p', 'arch', 'old')).toMatchObject({ note: 'kept', savedExcerpt: '' });
    store.set('p', 'arch', 'new', undefined, 'The port of Pusan was busy');
    // Setting a note later without an excerpt keeps the excerpt.
    store.set('p', 'arch', 'new', 'a note');
    expect(store.get('p', 'arch', 'new')).toMatchObject({ note: 'a note', savedExcerpt: 'The port of Pusan was busy' });
    store.close();
  });

  it('moves a corrupt file aside, says so clearly, and starts fresh', () => {
    writeFileSync(join(dir, BOOKMARKS_FILE), 'this is not a database at all, just some text '.repeat(200));
    const store = BookmarkStore.open(dir, { now: () => new Date('2026-11-26T10:00:00Z') });
    expect(store.recovery).not.toBeNull();
    expect(store.recovery!.message).toMatch(
      /bookmarks database was damaged .* moved aside to .*corrupt-2026-11-26T10-00-00-000Z/,
    );
    expect(existsSync(store.recovery!.movedTo)).toBe(true);
    // The app keeps working on a fresh file.
    store.set('p', 'a', 'x');
    expect(store.list('p', 'a')).toHaveLength(1);
    store.close();
    expect(readdirSync(dir).some((f) => f.startsWith(`${BOOKMARKS_FILE}.corrupt-`))).toBe(true);
    const again = BookmarkStore.open(dir);
    expect(again.recovery).toBeNull();
    expect(again.list('p', 'a')).toHaveLength(1);
    again.close();
  });

  it('detects a damaged page inside an otherwise valid database', () => {
    const s = BookmarkStore.open(dir);
    for (let i = 0; i < 300; i++) s.set('p', 'a', `passage-${i}`, 'x'.repeat(200));
    s.close();
    // Overwrite the middle of the file (table pages) with garbage, keep the header.
    const file = join(dir, BOOKMARKS_FILE);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, 8192);
    closeSync(fd);
    const store = BookmarkStore.open(dir);
    expect(store.recovery?.message).toMatch(/damaged/);
    expect(store.list('p', 'a')).toEqual([]);
    store.close();
  });
});
