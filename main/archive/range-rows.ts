/**
 * Rows of a pack table that cover reading order in ranges (sections, text blocks): keyed 0, 1, …,
 * each starting at `first_passage`, in order. The row holding a position is found by a binary search
 * that reads one row at a time (and keeps those it read), so reading a passage never loads the
 * whole table: on the 35,000 sections and 4,800 blocks of the large corpus, loading both cost the
 * first search 85 ms.
 */
export interface RangeRow {
  first_passage: number;
  passage_count: number;
}

export class RangeRows<R extends RangeRow> {
  private readonly rows = new Map<number, R | undefined>();
  private count: number | null = null;

  constructor(
    /** The largest key, or null for an empty table. */
    private readonly lastKey: () => number | null,
    private readonly row: (key: number) => R | undefined,
  ) {}

  private at(key: number): R | undefined {
    if (!this.rows.has(key)) this.rows.set(key, this.row(key));
    return this.rows.get(key);
  }

  /** The row whose range holds `position`, or undefined (before the first, past the last, or a gap). */
  holding(position: number): R | undefined {
    this.count ??= (this.lastKey() ?? -1) + 1;
    let lo = 0;
    let hi = this.count - 1;
    if (hi < 0 || position < 0) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const r = this.at(mid);
      if (!r) return undefined;
      if (r.first_passage <= position) lo = mid;
      else hi = mid - 1;
    }
    const found = this.at(lo);
    return found && position >= found.first_passage && position < found.first_passage + found.passage_count
      ? found
      : undefined;
  }
}
