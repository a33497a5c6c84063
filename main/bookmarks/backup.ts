/**
 * Rolling backups of the bookmarks database: one copy a day, the last 3 days kept, in
 * `bookmarks-backups/` beside the database. Each copy is made with SQLite's online backup API
 * (better-sqlite3's `db.backup`), which copies a consistent snapshot while the store stays usable,
 * into a temporary name that is renamed only once complete, so a crash never leaves half a backup.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';

export const BACKUPS_FOLDER = 'bookmarks-backups';
export const BACKUPS_KEPT = 3;
/** A copy still unfinished after this long was abandoned by a process that died. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

export interface BackupFile {
  path: string;
  /** When the copy was made (from its name). */
  takenAt: Date;
}

const NAME = /^bookmarks-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.sqlite$/;

export function backupsFolder(databaseFile: string): string {
  return join(dirname(databaseFile), BACKUPS_FOLDER);
}

/** The backups, newest first. */
export function listBackups(databaseFile: string): BackupFile[] {
  const folder = backupsFolder(databaseFile);
  if (!existsSync(folder)) return [];
  const found: BackupFile[] = [];
  for (const name of readdirSync(folder)) {
    const match = NAME.exec(name);
    if (!match) continue;
    const takenAt = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`);
    if (!Number.isNaN(takenAt.getTime())) found.push({ path: join(folder, name), takenAt });
  }
  return found.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/** True when no backup was made on `now`'s day (UTC). */
export function backupDue(databaseFile: string, now: Date): boolean {
  const today = dayOf(now);
  return !listBackups(databaseFile).some((backup) => dayOf(backup.takenAt) === today);
}

/** Copies the open database into today's backup, then keeps only the newest copy of each of the last 3 days. */
export async function makeBackup(db: Database.Database, databaseFile: string, now: Date): Promise<BackupFile> {
  const folder = backupsFolder(databaseFile);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  const path = join(folder, `bookmarks-${stamp}.sqlite`);
  const partial = join(folder, `.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await db.backup(partial);
    chmodSync(partial, 0o600);
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
  }
  pruneBackups(databaseFile);
  return { path, takenAt: new Date(stamp.replace(/T(\d{2})-(\d{2})-(\d{2})Z$/, 'T$1:$2:$3Z')) };
}

/** Keeps the newest copy of each of the newest `keep` days, and drops copies a killed process left unfinished. */
export function pruneBackups(databaseFile: string, keep = BACKUPS_KEPT): void {
  const folder = backupsFolder(databaseFile);
  for (const name of existsSync(folder) ? readdirSync(folder) : []) {
    const path = join(folder, name);
    if (name.startsWith('.partial-') && Date.now() - statSync(path).mtimeMs > STALE_PARTIAL_MS)
      rmSync(path, { force: true });
  }
  const days = new Set<string>();
  for (const backup of listBackups(databaseFile)) {
    const day = dayOf(backup.takenAt);
    if (days.has(day) || days.size >= keep) rmSync(backup.path, { force: true });
    else days.add(day);
  }
}

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}
