/**
 * Reads the term blocks of `search_terms` (format/term-blocks.ts) so that a damaged index is never
 * taken for a smaller one. Every block read is checked against its checksum, and its place: the
 * block found for a term must be the one keyed at or below it whose successor is keyed above it, and
 * a run of blocks read for a prefix must follow each other by number and key. A block lost, or
 * renamed by damage, breaks that chain, so "no such word" is only said when it is true.
 */
import type Database from 'better-sqlite3';
import { compareCodePoints } from '../format/sorted-strings';
import { decodeTermBlock, type TermBlock, type TermEntry } from '../format/term-blocks';

export type TermRow = TermEntry;

/**
 * Decoded blocks kept: a query looks up a few terms, a prefix a few blocks. A decoded block, its
 * terms and inline postings, holds about 7 KB: 256 of them were 1.9 MB of a server's memory.
 */
const CACHED_BLOCKS = 64;

export class TermTable {
  private readonly atOrBefore: Database.Statement;
  private readonly between: Database.Statement;
  private readonly from: Database.Statement;
  private readonly cache = new Map<string, TermBlock>();

  constructor(
    db: Database.Database,
    /** The number of blocks the index has (meta). */
    private readonly blockCount: number,
  ) {
    this.atOrBefore = db.prepare('SELECT key, data FROM search_terms WHERE key <= ? ORDER BY key DESC LIMIT 1').raw();
    this.between = db.prepare('SELECT key, data FROM search_terms WHERE key > ? AND key < ? ORDER BY key').raw();
    this.from = db.prepare('SELECT key, data FROM search_terms WHERE key > ? ORDER BY key').raw();
  }

  /** The row of `term`, or null when the index holds no such term. Throws when the table is damaged. */
  find(term: string): TermRow | null {
    const block = this.blockOf(term);
    const entries = block.entries;
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareCodePoints(entries[mid]!.term, term) < 0) lo = mid + 1;
      else hi = mid;
    }
    return entries[lo]?.term === term ? entries[lo]! : null;
  }

  /** Rows with lo <= term < hi (to the end when hi is null), in SQLite's order, proven complete. */
  range(lo: string, hi: string | null): TermRow[] {
    let block = this.blockOf(lo);
    const blocks = [block];
    if (block.next !== null && (hi === null || compareCodePoints(block.next, hi) < 0)) {
      const rows = (hi === null ? this.from.all(block.key) : this.between.all(block.key, hi)) as [unknown, unknown][];
      for (const [key, data] of rows) {
        const next = this.decoded(key, data);
        if (next.index !== block.index + 1 || next.key !== block.next)
          throw new Error(`search index: the term table has a gap after "${block.key}"`);
        blocks.push(next);
        block = next;
      }
      if (block.next !== null && (hi === null || compareCodePoints(block.next, hi) < 0))
        throw new Error(`search index: the term table has a gap after "${block.key}"`);
    }
    const out: TermRow[] = [];
    for (const b of blocks)
      for (const entry of b.entries)
        if (compareCodePoints(entry.term, lo) >= 0 && (hi === null || compareCodePoints(entry.term, hi) < 0))
          out.push(entry);
    return out;
  }

  /** The block that holds `term` if any does, checked to be the right one. */
  private blockOf(term: string): TermBlock {
    const row = this.atOrBefore.get(term) as [unknown, unknown] | undefined;
    // The first block is keyed '': every term has a block, so finding none is damage.
    if (!row) throw new Error('search index: the term table has lost its first block');
    const block = this.decoded(row[0], row[1]);
    if (block.next !== null && compareCodePoints(term, block.next) >= 0)
      throw new Error(`search index: the term table has a gap near "${term}"`);
    if (block.next === null && block.index !== this.blockCount - 1)
      throw new Error(`search index: the term table ends early, near "${term}"`);
    return block;
  }

  private decoded(key: unknown, data: unknown): TermBlock {
    if (typeof key !== 'string') throw new Error('search index: a term block has no key');
    let block = this.cache.get(key);
    if (!block) {
      block = decodeTermBlock(key, data);
      // Block 0 is keyed '' (and is empty only in an index without terms); the others by their first term.
      if (block.index === 0 ? key !== '' : block.entries[0]?.term !== key)
        throw new Error(`search index: the term block at "${key}" is out of place`);
      if (this.cache.size >= CACHED_BLOCKS) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, block);
    }
    return block;
  }
}
