/**
 * What the bookmark store checks before it opens its file, and how it recovers. SQLite opens an empty
 * file as an empty database and drops a damaged log without a word, so Folio looks first, reading only
 * (a read-only connection never checkpoints, so the evidence stays as it was):
 *
 * - an empty file (Folio never leaves one: new files are created complete, under another name);
 * - a file SQLite cannot read, or whose quick_check fails;
 * - a torn log: a frame SQLite rejects with committed frames after it (see wal-file.ts);
 * - fewer commits than the commit record says were confirmed (see commit-record.ts).
 *
 * On damage the original files are copied to `<file>.corrupt-<date>` (and `-wal`), then the best state
 * is put in place: the log repaired without its damaged frames when that loses nothing, else whichever
 * has more commits of what SQLite can still read and the newest usable daily backup, else a new store.
 * The notice is one line and says which was kept and what was lost.
 */
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { openDatabase as openSqlite } from '../sqlite';
import { listBackups } from './backup';
import { readCommitRecord, writeCommitRecord, type CommitState } from './commit-record';
import { repairWal, scanWal } from './wal-file';

/** What happened when the file was found damaged at open. */
export interface StoreRecovery {
  /** Why the file was judged damaged, in a few words. */
  reason: string;
  /** Where the original files were kept (`-wal` beside it when there was a log). */
  movedTo: string;
  /** One line for the reader: what was kept, from when, and what was lost. */
  message: string;
}

interface DatabaseState {
  storeId: string | null;
  commits: number;
  bookmarks: number;
}

type Inspection = { ok: true; tables: boolean; state: DatabaseState } | { ok: false; reason: string };

interface Candidate {
  kind: 'repaired' | 'kept' | 'backup';
  state: DatabaseState;
  /** For a backup: its file and when it was made. */
  backup?: { path: string; takenAt: Date };
}

/** Checks `file` and repairs it in place when damaged; null when it is healthy (or absent). */
export function recoverIfDamaged(file: string, now: Date): StoreRecovery | null {
  if (!existsSync(file)) return null;
  // The record first: anything it says was committed before the database is read.
  const record = readCommitRecord(file);
  const walPath = `${file}-wal`;
  const wal = existsSync(walPath) ? readFileSync(walPath) : null;
  const scan = wal ? scanWal(wal) : null;
  const visible = inspect(file);

  let reason: string | null = null;
  let repaired: RepairedCopy | null = null;
  // What was confirmed, per store: the record, and a repaired log that holds more than SQLite replays.
  const witnesses: CommitState[] = record ? [record] : [];
  const known = (storeId: string | null): number =>
    Math.max(-1, ...witnesses.filter((w) => w.storeId === storeId).map((w) => w.commits));
  if (statSync(file).size === 0 && !(visible.ok && visible.tables)) reason = 'the file is empty';
  else if (!visible.ok) reason = visible.reason;
  else {
    if (wal && scan?.breakAt !== null && scan?.breakAt !== undefined) repaired = repairCopy(file, wal);
    const fromLog = repaired?.state;
    if (fromLog?.storeId) witnesses.push({ storeId: fromLog.storeId, commits: fromLog.commits });
    const missing = known(visible.state.storeId) - visible.state.commits;
    if (missing > 0) {
      reason =
        fromLog && fromLog.commits > visible.state.commits
          ? 'its write-ahead log is damaged'
          : `${plural(missing, 'confirmed change')} missing`;
    }
  }
  if (reason === null) {
    if (repaired) removeDatabase(repaired.path);
    return null;
  }

  const movedTo = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  copyFileSync(file, movedTo);
  if (wal) writeFileSync(movedTo + '-wal', wal, { mode: 0o600 });

  // The candidates, best first on equal commits: the repaired log, what SQLite still reads, the newest backup.
  const candidates: Candidate[] = [];
  if (repaired?.exact && repaired.state) candidates.push({ kind: 'repaired', state: repaired.state });
  if (visible.ok && visible.tables) candidates.push({ kind: 'kept', state: visible.state });
  for (const backup of listBackups(file)) {
    const inspected = inspect(backup.path);
    if (!inspected.ok || !inspected.tables) continue;
    candidates.push({ kind: 'backup', state: inspected.state, backup });
    break; // older backups never hold more than the newest usable one
  }
  let chosen: Candidate | null = candidates[0] ?? null;
  for (const candidate of candidates) {
    if (chosen && candidate.state.storeId === chosen.state.storeId && candidate.state.commits > chosen.state.commits)
      chosen = candidate;
  }

  // Put the chosen state in place as one file without a log, and record its commits.
  if (chosen?.kind === 'repaired' && repaired) {
    checkpoint(repaired.path);
    removeDatabase(file);
    renameSync(repaired.path, file);
  } else {
    if (repaired) removeDatabase(repaired.path);
    if (chosen?.kind === 'kept') checkpoint(file);
    else {
      removeDatabase(file);
      if (chosen?.backup) copyFileSync(chosen.backup.path, file);
    }
  }
  if (chosen?.state.storeId) writeCommitRecord(file, { storeId: chosen.state.storeId, commits: chosen.state.commits });
  else rmSync(`${file}.commit`, { force: true });

  return { reason, movedTo, message: notice(reason, movedTo, chosen, chosen ? known(chosen.state.storeId) : -1) };
}

/** The one-line notice: what was damaged, where the original is, what was kept and what was lost. */
function notice(reason: string, movedTo: string, chosen: Candidate | null, known: number): string {
  const head = `The bookmarks database was damaged (${reason}) and was moved aside to ${movedTo}; `;
  if (!chosen) return `${head}no usable backup was found, so a new, empty one was started.`;
  const held = plural(chosen.state.bookmarks, 'bookmark');
  // known < 0: no record of this store, so what came after the surviving state cannot be counted.
  const lost = known > chosen.state.commits ? plural(known - chosen.state.commits, 'confirmed change') : null;
  const complete = known >= 0 && !lost;
  switch (chosen.kind) {
    case 'repaired':
      return lost
        ? `${head}its log was repaired (${held}), but ${lost} could not be recovered.`
        : `${head}every confirmed change was recovered from its log (${held}).`;
    case 'kept':
      return complete
        ? `${head}the ${held} it held were kept, and no confirmed change was lost.`
        : `${head}the ${held} it still held were kept, but ${lost ?? 'later changes'} could not be recovered.`;
    case 'backup': {
      const restored = `${head}the backup of ${formatTime(chosen.backup!.takenAt)} was restored (${held})`;
      if (complete) return `${restored}, and no confirmed change was lost.`;
      return `${restored}, and ${lost ?? 'changes'} made after it are lost.`;
    }
  }
}

/** True for the errors SQLite gives for a damaged or foreign file. */
export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return true;
  return /file is not a database|malformed|corrupt/i.test(messageOf(error));
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** SQLite's integrity report can run to many lines; a notice gets the first finding, shortened. */
export function oneLine(text: string, max = 120): string {
  const flat = text
    .replace(/\*\*\* in database \w+ \*\*\*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Reads a database without writing to it (a read-only connection never checkpoints). */
function inspect(path: string): Inspection {
  let db: Database.Database | null = null;
  try {
    db = openSqlite(path, { readonly: true, fileMustExist: true });
    const check = String(db.pragma('quick_check', { simple: true }));
    if (check !== 'ok') return { ok: false, reason: `integrity check failed: ${oneLine(check)}` };
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
    if (!tables.has('bookmarks'))
      return { ok: true, tables: false, state: { storeId: null, commits: 0, bookmarks: 0 } };
    const bookmarks = (db.prepare('SELECT count(*) AS n FROM bookmarks').get() as { n: number }).n;
    const row = tables.has('store_state')
      ? (db.prepare('SELECT store_id, commits FROM store_state WHERE id = 1').get() as
          { store_id: string; commits: number } | undefined)
      : undefined;
    return { ok: true, tables: true, state: { storeId: row?.store_id ?? null, commits: row?.commits ?? 0, bookmarks } };
  } catch (error) {
    if (!isCorruption(error)) throw error;
    return { ok: false, reason: oneLine(messageOf(error)) };
  } finally {
    db?.close();
  }
}

interface RepairedCopy {
  path: string;
  /** Nothing the damaged frames held is missing from it (wal-file.ts). */
  exact: boolean;
  state: DatabaseState | null;
}

/** A copy of the database with its log repaired (wal-file.ts), and what that copy holds. */
function repairCopy(file: string, wal: Uint8Array): RepairedCopy | null {
  const repaired = repairWal(wal, scanWal(wal));
  if (!repaired) return null;
  const path = `${file}.repair-${process.pid}-${randomBytes(4).toString('hex')}`;
  copyFileSync(file, path);
  writeFileSync(`${path}-wal`, repaired.bytes, { mode: 0o600 });
  const inspected = inspect(path);
  return { path, exact: repaired.exact, state: inspected.ok && inspected.tables ? inspected.state : null };
}

/** Replays the log into the file and removes it, so the file stands alone. */
function checkpoint(path: string): void {
  const db = openSqlite(path);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** "2026-11-28 10:00 UTC": the notice names the backup's time without depending on the machine's zone. */
function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
