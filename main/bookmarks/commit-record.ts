/**
 * The commit record: beside `bookmarks.sqlite`, a 64-byte file `bookmarks.sqlite.commit` holding the
 * store's id and how many changes it had committed when Folio last confirmed one. Every change bumps a
 * counter inside the database in the same transaction; the record is written after the commit. At open,
 * a database that counts fewer commits than its record has lost acknowledged changes, however SQLite
 * came to drop them (a damaged log it truncated, a deleted -wal file, a truncated database).
 *
 * - Written only after a commit returned, so it never claims more than SQLite made durable; a crash
 *   between the two only leaves it one change behind (less to compare, never a false alarm).
 * - One positioned write of a fixed size into a file kept open: a killed process leaves the old record
 *   or the new one, never half of each. Not fsynced: after a power cut it may lag the database, which
 *   again only weakens the comparison (the database itself is synced, see store.ts).
 * - With several processes on one file the record may briefly go backwards; it never goes ahead.
 */
import { closeSync, constants, existsSync, openSync, readFileSync, writeSync } from 'node:fs';

export interface CommitState {
  /** Random id made when the database was created, so a record never judges another file. */
  storeId: string;
  commits: number;
}

const SIZE = 64;
const PATTERN = /^folio-commits 1 ([0-9a-f]{1,32}) (\d{1,15})\n/;

export function commitRecordPath(databaseFile: string): string {
  return `${databaseFile}.commit`;
}

/** The record, or null when there is none or it cannot be read (then nothing is compared). */
export function readCommitRecord(databaseFile: string): CommitState | null {
  const path = commitRecordPath(databaseFile);
  if (!existsSync(path)) return null;
  try {
    const match = PATTERN.exec(readFileSync(path, 'latin1'));
    return match ? { storeId: match[1]!, commits: Number(match[2]) } : null;
  } catch {
    return null;
  }
}

/** Writes the record through one descriptor, kept open for the life of the store. */
export class CommitRecorder {
  private fd: number | null = null;

  constructor(private readonly databaseFile: string) {}

  write(state: CommitState): void {
    const line = `folio-commits 1 ${state.storeId} ${state.commits}\n`;
    const bytes = Buffer.alloc(SIZE, ' ');
    bytes.write(line, 0, 'latin1');
    this.fd ??= openSync(commitRecordPath(this.databaseFile), constants.O_RDWR | constants.O_CREAT, 0o600);
    writeSync(this.fd, bytes, 0, SIZE, 0);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** One write, for a store that is not open (after a restore). */
export function writeCommitRecord(databaseFile: string, state: CommitState): void {
  const recorder = new CommitRecorder(databaseFile);
  try {
    recorder.write(state);
  } finally {
    recorder.close();
  }
}
