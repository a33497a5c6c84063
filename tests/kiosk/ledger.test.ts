/** The usage ledger: real SQLite in a real data folder, counted per day, with nothing that names a visitor. */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/sqlite';
import { LEDGER_FILE, UsageLedger } from '../../main/stats/ledger';
import { tempDir } from '../helpers/temp';
import { join } from 'node:path';

const dir = tempDir('folio-ledger-');

describe('UsageLedger', () => {
  it('counts sessions, searches, zero-result queries, passages and bookmarks per day', () => {
    let now = new Date(2026, 10, 29, 10, 0);
    const data = join(dir, 'a');
    const ledger = UsageLedger.open(data, { now: () => now });
    ledger.sessionEnded(40.4);
    ledger.searched('  Pusan   Perimeter ', 12);
    ledger.searched('pusan perimeter', 12);
    ledger.searched('Jejoo', 0);
    ledger.passageOpened('p0123456789ab');
    ledger.bookmarkMade();
    now = new Date(2026, 10, 30, 9, 0);
    ledger.sessionEnded(120);
    ledger.searched('jejoo', 0);
    ledger.passageOpened('p0123456789ab');
    ledger.passageOpened('pffffffffffff');

    const all = ledger.summary();
    expect(all.sessions).toEqual({ count: 2, totalSeconds: 160, medianSeconds: 40 });
    expect(all.searches).toBe(4);
    expect(all.zeroResultQueries).toEqual([{ query: 'jejoo', count: 2 }]);
    expect(all.topQueries).toEqual([
      { query: 'jejoo', count: 2 },
      { query: 'pusan perimeter', count: 2 },
    ]);
    expect(all.topPassages[0]).toEqual({ passageId: 'p0123456789ab', count: 2 });
    expect(all.passagesOpened).toBe(3);
    expect(all.bookmarksMade).toBe(1);
    expect(all.days.map((d) => [d.day, d.sessions, d.searches, d.zeroResultSearches])).toEqual([
      ['2026-11-29', 1, 3, 1],
      ['2026-11-30', 1, 1, 1],
    ]);

    const since = ledger.summary('2026-11-30');
    expect(since.sessions.count).toBe(1);
    expect(since.searches).toBe(1);
    expect(since.bookmarksMade).toBe(0);
    ledger.close();
  });

  it('keeps only days, durations, counts and search texts: no ids, no times of day', () => {
    const data = join(dir, 'b');
    const ledger = UsageLedger.open(data);
    ledger.sessionEnded(5);
    ledger.close();
    const db = openDatabase(join(data, LEDGER_FILE), { readonly: true });
    const columns = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[])
      .flatMap(({ name }) => (db.prepare(`PRAGMA table_info(${name})`).all() as { name: string }[]).map((c) => c.name))
      .sort();
    db.close();
    expect(columns).toEqual([
      'day',
      'day',
      'day',
      'day',
      'made',
      'opened',
      'passage_id',
      'query',
      'searches',
      'seconds',
      'zero',
    ]);
  });

  it('survives a reopen (the ledger is on disk) and refuses an unreadable file with one line', () => {
    const data = join(dir, 'c');
    const first = UsageLedger.open(data);
    first.searched('armistice', 3);
    first.close();
    const again = UsageLedger.open(data, { create: false });
    expect(again.summary().topQueries).toEqual([{ query: 'armistice', count: 1 }]);
    again.close();
    expect(() => UsageLedger.open(join(dir, 'missing'), { create: false })).toThrow(
      /^Cannot open the usage ledger .*usage\.sqlite: [^\n]+$/,
    );
  });
});
