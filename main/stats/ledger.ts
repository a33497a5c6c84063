/**
 * The usage ledger: what a kiosk's visitors did, counted per day, for museums and their funders. It lives
 * in SQLite in the data folder (usage.sqlite) and holds no personal data: no session ids, no times of day,
 * no addresses; a session is a day and a duration, a search is its text and how often it was asked.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { SetupError } from '../model/errors';
import type { UsageDay, UsageSummary } from '../model/kiosk';
import { openDatabase } from '../sqlite';

export const LEDGER_FILE = 'usage.sqlite';
const TOP = 20;
const MAX_QUERY = 200;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (day TEXT NOT NULL, seconds INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS queries (
  day TEXT NOT NULL, query TEXT NOT NULL, searches INTEGER NOT NULL, zero INTEGER NOT NULL,
  PRIMARY KEY (day, query)
);
CREATE TABLE IF NOT EXISTS passages (
  day TEXT NOT NULL, passage_id TEXT NOT NULL, opened INTEGER NOT NULL, PRIMARY KEY (day, passage_id)
);
CREATE TABLE IF NOT EXISTS bookmarks (day TEXT PRIMARY KEY, made INTEGER NOT NULL);
`;

/** The local calendar day (a kiosk's day is the museum's day), as YYYY-MM-DD. */
export function localDay(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A query as counted: trimmed, spaces collapsed, case folded, bounded. */
export function normalizeQuery(query: string): string {
  return query.replace(/\s+/gu, ' ').trim().toLowerCase().slice(0, MAX_QUERY);
}

export class UsageLedger {
  private constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  /** Opens (creating when asked) `<dataDir>/usage.sqlite`. Throws SetupError with one line when it cannot. */
  static open(dataDir: string, options: { create?: boolean; now?: () => Date } = {}): UsageLedger {
    const file = join(dataDir, LEDGER_FILE);
    try {
      if (options.create !== false) mkdirSync(dataDir, { recursive: true });
      const db = openDatabase(file, options.create === false ? { fileMustExist: true } : {});
      db.pragma('journal_mode = WAL');
      db.exec(SCHEMA);
      return new UsageLedger(db, options.now ?? (() => new Date()));
    } catch (error) {
      throw new SetupError(`Cannot open the usage ledger ${file}: ${(error as Error).message.split('\n')[0]}`);
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  sessionEnded(seconds: number): void {
    this.db
      .prepare('INSERT INTO sessions (day, seconds) VALUES (?, ?)')
      .run(localDay(this.now()), Math.max(0, Math.round(seconds)));
  }

  searched(query: string, total: number): void {
    const text = normalizeQuery(query);
    if (!text) return;
    this.db
      .prepare(
        `INSERT INTO queries (day, query, searches, zero) VALUES (?, ?, 1, ?)
         ON CONFLICT (day, query) DO UPDATE SET searches = searches + 1, zero = zero + excluded.zero`,
      )
      .run(localDay(this.now()), text, total === 0 ? 1 : 0);
  }

  passageOpened(passageId: string): void {
    this.db
      .prepare(
        `INSERT INTO passages (day, passage_id, opened) VALUES (?, ?, 1)
         ON CONFLICT (day, passage_id) DO UPDATE SET opened = opened + 1`,
      )
      .run(localDay(this.now()), passageId.slice(0, MAX_QUERY));
  }

  bookmarkMade(): void {
    this.db
      .prepare('INSERT INTO bookmarks (day, made) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET made = made + 1')
      .run(localDay(this.now()));
  }

  /** Everything from `since` (YYYY-MM-DD, inclusive) on, or everything. */
  summary(since: string | null = null): UsageSummary {
    const from = since ?? '';
    const all = <T>(sql: string): T[] => this.db.prepare(sql).all(from) as T[];
    const durations = all<{ seconds: number }>('SELECT seconds FROM sessions WHERE day >= ? ORDER BY seconds').map(
      (r) => r.seconds,
    );
    const days = new Map<string, UsageDay>();
    const day = (d: string): UsageDay => {
      let entry = days.get(d);
      if (!entry) {
        entry = {
          day: d,
          sessions: 0,
          sessionSeconds: 0,
          searches: 0,
          zeroResultSearches: 0,
          passagesOpened: 0,
          bookmarksMade: 0,
        };
        days.set(d, entry);
      }
      return entry;
    };
    for (const r of all<{ day: string; n: number; s: number }>(
      'SELECT day, COUNT(*) AS n, SUM(seconds) AS s FROM sessions WHERE day >= ? GROUP BY day',
    )) {
      day(r.day).sessions = r.n;
      day(r.day).sessionSeconds = r.s;
    }
    for (const r of all<{ day: string; n: number; z: number }>(
      'SELECT day, SUM(searches) AS n, SUM(zero) AS z FROM queries WHERE day >= ? GROUP BY day',
    )) {
      day(r.day).searches = r.n;
      day(r.day).zeroResultSearches = r.z;
    }
    for (const r of all<{ day: string; n: number }>(
      'SELECT day, SUM(opened) AS n FROM passages WHERE day >= ? GROUP BY day',
    ))
      day(r.day).passagesOpened = r.n;
    for (const r of all<{ day: string; made: number }>('SELECT day, made FROM bookmarks WHERE day >= ?'))
      day(r.day).bookmarksMade = r.made;
    const list = [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
    const sum = (pick: (d: UsageDay) => number): number => list.reduce((n, d) => n + pick(d), 0);
    return {
      since,
      days: list,
      sessions: {
        count: durations.length,
        totalSeconds: durations.reduce((a, b) => a + b, 0),
        medianSeconds: durations.length ? (durations[Math.floor((durations.length - 1) / 2)] ?? 0) : 0,
      },
      searches: sum((d) => d.searches),
      zeroResultQueries: all<{ query: string; count: number }>(
        `SELECT query, SUM(zero) AS count FROM queries WHERE day >= ? GROUP BY query HAVING count > 0
         ORDER BY count DESC, query LIMIT ${TOP}`,
      ),
      topQueries: all<{ query: string; count: number }>(
        `SELECT query, SUM(searches) AS count FROM queries WHERE day >= ? GROUP BY query
         ORDER BY count DESC, query LIMIT ${TOP}`,
      ),
      topPassages: all<{ passageId: string; count: number }>(
        `SELECT passage_id AS passageId, SUM(opened) AS count FROM passages WHERE day >= ? GROUP BY passage_id
         ORDER BY count DESC, passage_id LIMIT ${TOP}`,
      ),
      passagesOpened: sum((d) => d.passagesOpened),
      bookmarksMade: sum((d) => d.bookmarksMade),
    };
  }
}
