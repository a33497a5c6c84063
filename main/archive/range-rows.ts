/**
 * Rows of a pack table that cover reading order in ranges (sections, text blocks): keyed 0, 1, …,
 * each starting at `first_passage`, in order. The row holding a position is found by a search that
 * reads one row at a time, so reading a passage never loads the whole table: on the 35,000 sections
 * and 4,300 blocks of the large corpus, loading both cost the first search 85 ms, and a block's row
 * fills a 4 KB page of its own (its text spills past it), so the block table alone is 13 MB of pages.
 *
 * Every row read is kept, in key order, and a search starts between the nearest rows known on
 * either side of the position: a page of hits reads its passages' blocks and sections, and the rows
 * an earlier search read narrow the next one. Between those two rows the search interpolates, as if
 * the rows were of one size (text blocks nearly are), and a guess that fails to halve the keys left
 * is followed by a halving step, so a search reads at most about twice the rows a binary search
 * would. A binary search read about twelve rows for each of a page's thirty blocks, each a SQLite
 * query and a page read.
 */
export interface RangeRow {
  first_passage: number;
  passage_count: number;
}

export class RangeRows<R extends RangeRow> {
  /** The rows read, by key, in key order (so in reading order too). */
  private readonly keys: number[] = [];
  private readonly known: R[] = [];
  private count: number | null = null;

  constructor(
    /** The largest key, or null for an empty table. */
    private readonly lastKey: () => number | null,
    private readonly row: (key: number) => R | undefined,
    /** The positions the rows cover, all told (where the last one ends). */
    private readonly end: () => number,
  ) {}

  /** Row `key`, read and kept; undefined when the table has none. */
  private at(key: number): R | undefined {
    const i = this.firstKeyFrom(key);
    if (this.keys[i] === key) return this.known[i];
    const r = this.row(key);
    if (r) {
      this.keys.splice(i, 0, key);
      this.known.splice(i, 0, r);
    }
    return r;
  }

  /** The index in `keys` of the first key at or above `key`. */
  private firstKeyFrom(key: number): number {
    return firstIndex(this.keys.length, (i) => this.keys[i]! < key);
  }

  /** The index in `known` of the first row read that starts past `position`. */
  private firstKnownPast(position: number): number {
    return firstIndex(this.known.length, (i) => this.known[i]!.first_passage <= position);
  }

  /** The row whose range holds `position`, or undefined (before the first, past the last, or a gap). */
  holding(position: number): R | undefined {
    this.count ??= (this.lastKey() ?? -1) + 1;
    if (this.count <= 0 || position < 0) return undefined;
    const holds = (r: R): boolean => position >= r.first_passage && position < r.first_passage + r.passage_count;
    // The row holding the position is the last one starting at or before it: its key is in [lo, hi].
    // Row lo starts at or before the position (at loStart), and the row after hi past it (at hiStart,
    // the table's end after the last row).
    let lo = 0;
    let hi = this.count - 1;
    let loStart = 0;
    let hiStart = Math.max(this.end(), position + 1);
    const past = this.firstKnownPast(position);
    if (past > 0) {
      const below = this.known[past - 1]!;
      if (holds(below)) return below;
      lo = this.keys[past - 1]!;
      loStart = below.first_passage;
    }
    if (past < this.known.length) {
      hi = this.keys[past]! - 1;
      hiStart = this.known[past]!.first_passage;
    }
    let interpolate = true;
    while (lo < hi) {
      let key: number;
      if (interpolate) {
        const share = (position - loStart) / Math.max(1, hiStart - loStart);
        key = Math.min(hi, Math.max(lo + 1, lo + Math.floor(share * (hi - lo + 1))));
      } else key = (lo + hi + 1) >> 1;
      const r = this.at(key);
      if (!r) return undefined;
      const before = hi - lo;
      if (r.first_passage <= position) {
        if (holds(r)) return r;
        lo = key;
        loStart = r.first_passage;
      } else {
        hi = key - 1;
        hiStart = r.first_passage;
      }
      // A guess that left more than half of the keys is followed by a halving step.
      interpolate = !interpolate || hi - lo <= before / 2;
    }
    const found = this.at(lo);
    return found && holds(found) ? found : undefined;
  }
}

/** The first of 0…n − 1 for which `before` is false (`before` holds for a prefix of them), or n. */
function firstIndex(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
