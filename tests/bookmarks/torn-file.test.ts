/**
 * Bookmarks survive a torn file: an empty file, a damaged database and a damaged log after a crash are
 * all noticed at open, the best surviving state is put back, and a one-line notice says what happened.
 * Real writer processes, killed with SIGKILL, make the logs; bytes are changed on disk as a failing disk would.
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOKMARKS_FILE, BookmarkStore } from '../../main/bookmarks/store';
import { scanWal } from '../../main/bookmarks/wal-file';
import { crashAfter } from './writers';

const FRAME = 24 + 4096;
const frameAt = (i: number): number => 32 + i * FRAME;

let dir: string;
let file: string;
const cleanup: string[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-torn-'));
  file = join(dir, BOOKMARKS_FILE);
  cleanup.push(dir);
});
afterEach(() => {
  for (const d of cleanup.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Changes 4 bytes at `offset`, as a bad sector or a stray write would. */
function changeBytes(path: string, offset: number): void {
  const fd = openSync(path, 'r+');
  const bytes = Buffer.alloc(4);
  readSync(fd, bytes, 0, 4, offset);
  for (let i = 0; i < 4; i++) bytes[i] = bytes[i]! ^ 0x5a;
  writeSync(fd, bytes, 0, 4, offset);
  closeSync(fd);
}

/** The bookmark store's files, copied into a new folder (the originals stay untouched). */
function copyStore(from: string): string {
  const to = mkdtempSync(join(tmpdir(), 'folio-torn-case-'));
  cleanup.push(to);
  for (const suffix of ['', '-wal', '-shm', '.commit']) {
    const source = join(from, BOOKMARKS_FILE + suffix);
    if (existsSync(source)) copyFileSync(source, join(to, BOOKMARKS_FILE + suffix));
  }
  return to;
}

function notes(store: BookmarkStore): Map<string, string> {
  return new Map(store.list('p', 'arch').map((b) => [b.passageId, b.note]));
}

describe('bookmarks survive a torn file', () => {
  it('finds 4 changed bytes in the log after a crash, which SQLite alone drops silently, and recovers every bookmark', async () => {
    const acked = await crashAfter(dir, 'x', 68);
    expect(acked).toHaveLength(68);
    const wal = `${file}-wal`;
    expect(scanWal(readFileSync(wal)).breakAt).toBeNull(); // a crash alone is no damage
    changeBytes(wal, frameAt(35) + 24 + 1000);
    const damaged = readFileSync(wal);

    // What SQLite makes of it by itself (on a copy): fewer bookmarks, and no error.
    const bare = new Database(join(copyStore(dir), BOOKMARKS_FILE));
    const seen = (bare.prepare('SELECT count(*) AS n FROM bookmarks').get() as { n: number }).n;
    expect(bare.pragma('quick_check', { simple: true })).toBe('ok');
    bare.close();
    expect(seen).toBeLessThan(68);

    const store = BookmarkStore.open(dir, { now: () => new Date('2026-11-28T09:00:00Z') });
    expect(store.recovery?.message).toMatch(
      /^The bookmarks database was damaged \(its write-ahead log is damaged\) and was moved aside to .*corrupt-2026-11-28T09-00-00-000Z; every confirmed change was recovered from its log \(68 bookmarks\)\.$/,
    );
    expect(notes(store)).toEqual(new Map(acked.map((id) => [id, `note ${id}`])));
    // The damaged originals are kept as they were, log included.
    const movedTo = store.recovery!.movedTo;
    expect(readFileSync(`${movedTo}-wal`).equals(damaged)).toBe(true);
    store.set('p', 'arch', 'after', 'still writable');
    store.close();

    const again = BookmarkStore.open(dir);
    expect(again.recovery).toBeNull();
    expect(again.list('p', 'arch')).toHaveLength(69);
    again.close();
  });

  it('never loses a bookmark silently, wherever 4 bytes of the log change', async () => {
    const acked = await crashAfter(dir, 'y', 68);
    const expected = new Map(acked.map((id) => [id, `note ${id}`]));
    const walSize = readFileSync(`${file}-wal`).length;
    const frames = Math.floor((walSize - 32) / FRAME);
    // The header, then in frames at every stage of the log: page numbers, commit sizes, salts, checksums, data.
    const offsets = [0, 8, 16, 24];
    let seed = 13;
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 36; i++) {
      const frame = random(frames);
      const within = [0, 4, 8, 16, 20][i % 5] ?? 0;
      offsets.push(frameAt(frame) + (i % 6 === 5 ? 24 + random(4092) : within));
    }
    offsets.push(frameAt(frames - 1) + 24 + 2000); // the last commit itself

    let noticed = 0;
    for (const offset of offsets) {
      const caseDir = copyStore(dir);
      changeBytes(join(caseDir, `${BOOKMARKS_FILE}-wal`), offset);
      const store = BookmarkStore.open(caseDir);
      const found = notes(store);
      // Whatever is listed is what was saved: a repair never shows a damaged page.
      for (const [id, note] of found) expect(expected.get(id), `offset ${offset}: ${id}`).toBe(note);
      if (store.recovery) {
        noticed++;
        expect(store.recovery.message, `offset ${offset}`).not.toMatch(/\n/);
        expect(existsSync(store.recovery.movedTo)).toBe(true);
        if (found.size < expected.size)
          expect(store.recovery.message, `offset ${offset}`).toMatch(/could not be recovered|are lost/);
      } else {
        expect(found.size, `offset ${offset}: bookmarks lost without a notice`).toBe(expected.size);
      }
      store.close();
    }
    expect(noticed).toBeGreaterThan(offsets.length / 2);
  });

  it('finds the damaged log without the commit record too, from the commits written after the damage', async () => {
    await crashAfter(dir, 'z', 40);
    rmSync(`${file}.commit`);
    changeBytes(`${file}-wal`, frameAt(10) + 24 + 300);
    const store = BookmarkStore.open(dir);
    expect(store.recovery?.message).toMatch(
      /write-ahead log is damaged.*every confirmed change was recovered from its log \(40 bookmarks\)/,
    );
    expect(store.list('p', 'arch')).toHaveLength(40);
    store.close();
  });

  it('says how many confirmed changes are missing when the log was deleted after a crash', async () => {
    await crashAfter(dir, 'w', 20);
    rmSync(`${file}-wal`);
    rmSync(`${file}-shm`, { force: true });
    rmSync(join(dir, 'bookmarks-backups'), { recursive: true, force: true }); // the writer's own, made as it went
    const store = BookmarkStore.open(dir);
    expect(store.recovery?.message).toMatch(
      /damaged \(20 confirmed changes missing\).*; the 0 bookmarks it still held were kept, but 20 confirmed changes could not be recovered\.$/,
    );
    store.close();
  });

  describe('restores the newest daily backup, and says from when', () => {
    /** 5 bookmarks on the 27th, a 6th on the 28th (that day's backup is made after it), 2 more after the backup. */
    async function storeWithBackup(): Promise<void> {
      let now = new Date('2026-11-27T08:00:00Z');
      const store = BookmarkStore.open(dir, { now: () => now });
      await store.backupIfDue();
      for (let i = 0; i < 5; i++) store.set('p', 'arch', `b${i}`, `note b${i}`);
      now = new Date('2026-11-28T09:30:00Z');
      store.set('p', 'arch', 'b5', 'note b5');
      expect(await store.backupIfDue()).toMatch(/bookmarks-2026-11-28T09-30-00Z\.sqlite$/);
      store.set('p', 'arch', 'b6', 'note b6');
      store.set('p', 'arch', 'b7', 'note b7');
      store.close();
    }

    it('for an empty (0 B) file', async () => {
      await storeWithBackup();
      truncateSync(file, 0);
      const store = BookmarkStore.open(dir, { now: () => new Date('2026-11-29T10:00:00Z') });
      expect(store.recovery?.message).toMatch(
        /^The bookmarks database was damaged \(the file is empty\) and was moved aside to \S+; the backup of 2026-11-28 09:30 UTC was restored \(6 bookmarks\), and 2 confirmed changes made after it are lost\.$/,
      );
      expect(store.list('p', 'arch').map((b) => b.passageId)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5']);
      store.close();
    });

    it('for a file damaged inside, with a one-line notice for the failed integrity check', async () => {
      await storeWithBackup();
      const store0 = BookmarkStore.open(dir, { now: () => new Date('2026-11-28T12:00:00Z') });
      for (let i = 0; i < 300; i++) store0.set('p', 'arch', `bulk-${i}`, 'x'.repeat(200));
      store0.close();
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, 8192);
      closeSync(fd);
      const store = BookmarkStore.open(dir, { now: () => new Date('2026-11-29T10:00:00Z') });
      const message = store.recovery?.message ?? '';
      expect(message).toMatch(
        /^The bookmarks database was damaged \(.+\) and was moved aside to \S+; the backup of 2026-11-2\d \d\d:\d\d UTC was restored \(\d+ bookmarks\)/,
      );
      expect(message).not.toMatch(/\n/);
      expect(message.length).toBeLessThan(400);
      store.close();
    });
  });

  it('starts afresh, saying so, when neither the file nor any backup can be read', () => {
    writeFileSync(file, 'not a database '.repeat(500));
    const store = BookmarkStore.open(dir, { now: () => new Date('2026-11-26T10:00:00Z') });
    expect(store.recovery?.message).toBe(
      `The bookmarks database was damaged (file is not a database) and was moved aside to ${file}.corrupt-2026-11-26T10-00-00-000Z; no usable backup was found, so a new, empty one was started.`,
    );
    store.close();
  });
});
