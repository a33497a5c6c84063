/**
 * The pack's search index (step 1: simple and correct, not yet scalable).
 *
 * Stores the lunr index's JSON in `search_lunr` and answers queries with an in-memory lunr.Index
 * loaded from it. This is a placeholder so the pack pipeline runs end to end; the scalable,
 * on-demand engine replaces it behind the same three exports.
 */
import type Database from 'better-sqlite3';
import lunr from 'lunr';
import type { IndexEngine } from '../types';
import { LunrJsonEngine } from './lunr-json-engine';

export const SEARCH_INDEX_FORMAT = 'lunr-json-1';

export function writeSearchIndex(db: Database.Database, index: lunr.Index): void {
  db.exec(`
    DROP TABLE IF EXISTS search_meta;
    DROP TABLE IF EXISTS search_lunr;
    CREATE TABLE search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE search_lunr (id INTEGER PRIMARY KEY, json TEXT NOT NULL);
  `);
  db.prepare('INSERT INTO search_meta (key, value) VALUES (?, ?)').run('format', SEARCH_INDEX_FORMAT);
  db.prepare('INSERT INTO search_lunr (id, json) VALUES (1, ?)').run(JSON.stringify(index));
}

export function openSearchEngine(db: Database.Database): IndexEngine {
  const row = db.prepare('SELECT json FROM search_lunr WHERE id = 1').get() as { json: string } | undefined;
  if (!row) throw new Error('pack has no search index');
  return new LunrJsonEngine(lunr.Index.load(JSON.parse(row.json)));
}

export function verifySearchIndex(db: Database.Database): string[] {
  const problems: string[] = [];
  try {
    const fmt = db.prepare("SELECT value FROM search_meta WHERE key = 'format'").get() as { value: string } | undefined;
    if (!fmt) problems.push('search index: format marker missing');
    else if (fmt.value !== SEARCH_INDEX_FORMAT) problems.push(`search index: unknown format ${fmt.value}`);
    const row = db.prepare('SELECT json FROM search_lunr WHERE id = 1').get() as { json: string } | undefined;
    if (!row) problems.push('search index: lunr index missing');
    else lunr.Index.load(JSON.parse(row.json));
  } catch (e) {
    problems.push(`search index: ${(e as Error).message}`);
  }
  return problems;
}
