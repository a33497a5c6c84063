/**
 * Reads `search_terms` so that a damaged index is never taken for a smaller one. Every row read is
 * checked against its checksum, and absence is proven: the terms either side of where a missing term
 * would be must have consecutive ranks (format/schema.ts). A row lost, or renamed by damage, leaves a
 * gap in the ranks or fails its checksum, so "no such word" is only said when it is true.
 */
import type Database from 'better-sqlite3';
import { termChecksum } from '../format/checksum';
import { compareCodePoints } from '../format/sorted-strings';

export interface TermRow {
  term: string;
  tid: number;
  df: number;
  rank: number;
}

type StoredRow = [unknown, unknown, unknown, unknown, unknown];

const COLUMNS = 'term, tid, df, rank, checksum';

export class TermTable {
  private readonly exact: Database.Statement;
  private readonly before: Database.Statement;
  private readonly after: Database.Statement;
  private readonly atOrAfter: Database.Statement;
  private readonly between: Database.Statement;
  private readonly from: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly termCount: number,
  ) {
    const select = (where: string, order = 'ORDER BY term'): Database.Statement =>
      db.prepare(`SELECT ${COLUMNS} FROM search_terms WHERE ${where} ${order}`).raw();
    this.exact = select('term = ?', '');
    this.before = select('term < ?', 'ORDER BY term DESC LIMIT 1');
    this.after = select('term > ?', 'ORDER BY term LIMIT 1');
    this.atOrAfter = select('term >= ?', 'ORDER BY term LIMIT 1');
    this.between = select('term >= ? AND term < ?');
    this.from = select('term >= ?');
  }

  /** The row of `term`, or null when the index holds no such term. Throws when the table is damaged. */
  find(term: string): TermRow | null {
    const found = this.exact.get(term) as StoredRow | undefined;
    if (found) {
      const row = checked(found);
      if (row.term !== term) throw new Error(`search index: the term table answers "${term}" with another term`);
      return row;
    }
    this.proveGap(this.neighbourBefore(term), this.neighbour(this.after, term), term);
    return null;
  }

  /** Rows with lo <= term < hi (to the end when hi is null), in SQLite's order, proven complete. */
  range(lo: string, hi: string | null): TermRow[] {
    const rows = ((hi === null ? this.from.all(lo) : this.between.all(lo, hi)) as StoredRow[]).map(checked);
    for (let i = 1; i < rows.length; i++)
      if (rows[i]!.rank !== rows[i - 1]!.rank + 1 || compareCodePoints(rows[i - 1]!.term, rows[i]!.term) >= 0)
        throw new Error(`search index: the term table has a gap after "${rows[i - 1]!.term}"`);
    const before = this.neighbourBefore(lo);
    const after = hi === null ? null : this.neighbour(this.atOrAfter, hi);
    if (rows.length === 0) this.proveGap(before, after, lo);
    else {
      this.proveGap(before, rows[0]!, lo);
      this.proveGap(rows.at(-1)!, after, lo);
    }
    for (const row of rows)
      if (compareCodePoints(row.term, lo) < 0 || (hi !== null && compareCodePoints(row.term, hi) >= 0))
        throw new Error(`search index: the term table is out of order at "${row.term}"`);
    return rows;
  }

  private neighbourBefore(term: string): TermRow | null {
    return this.neighbour(this.before, term);
  }

  private neighbour(statement: Database.Statement, term: string): TermRow | null {
    const row = statement.get(term) as StoredRow | undefined;
    return row ? checked(row) : null;
  }

  /** Nothing lies between `before` and `after` (null: the ends of the table): their ranks are consecutive. */
  private proveGap(before: TermRow | null, after: TermRow | null, near: string): void {
    const low = before ? before.rank : -1;
    const high = after ? after.rank : this.termCount;
    const ordered = !before || !after || compareCodePoints(before.term, after.term) < 0;
    if (high !== low + 1 || !ordered) throw new Error(`search index: the term table has a gap near "${near}"`);
  }
}

/** A stored row as a TermRow, once its checksum (over the values with their types) holds. */
function checked([term, tid, df, rank, checksum]: StoredRow): TermRow {
  if (
    typeof term !== 'string' ||
    typeof tid !== 'number' ||
    typeof df !== 'number' ||
    typeof rank !== 'number' ||
    termChecksum(term, tid, df, rank) !== checksum
  )
    throw new Error('search index: a row of the term table fails its checksum');
  return { term, tid, df, rank };
}
