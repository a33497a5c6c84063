/**
 * kill -9: writer processes saving bookmarks at full speed are killed with SIGKILL, round after round,
 * on one file. Every bookmark whose save had returned must be there afterwards, and a crash alone must
 * never be reported as damage (not by the next writers' opens, not by the final one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BookmarkStore } from '../../main/bookmarks/store';
import { kill, startWriter, until } from './writers';

const ROUNDS = 3;
const WRITERS = 4;

const dir = mkdtempSync(join(tmpdir(), 'folio-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bookmarks under kill -9', () => {
  it(`loses no acknowledged bookmark across ${ROUNDS} rounds of SIGKILL with ${WRITERS} writers`, async () => {
    const acked: string[] = [];
    const recoveries: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const writers = Array.from({ length: WRITERS }, (_, w) => startWriter(dir, `r${round}w${w}-`));
      // Every writer is well into its saves, then all are killed at a moment that varies by round.
      await until(() => writers.every((w) => w.acked.length >= 15 || w.child.exitCode !== null));
      await new Promise((resolve) => setTimeout(resolve, 7 * round));
      await Promise.all(writers.map(kill));
      // A writer may give up with SQLITE_BUSY under this contention: its unsaved bookmark was never acknowledged.
      for (const w of writers) {
        acked.push(...w.acked);
        recoveries.push(...w.recoveries);
      }
    }
    const store = BookmarkStore.open(dir);
    const saved = new Set(store.list('p', 'arch').map((b) => b.passageId));
    store.close();
    expect(recoveries).toEqual([]);
    expect(store.recovery).toBeNull();
    expect(acked.length).toBeGreaterThanOrEqual(ROUNDS * 15);
    expect(acked.filter((id) => !saved.has(id))).toEqual([]);
  });
});
