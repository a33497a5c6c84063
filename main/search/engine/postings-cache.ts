/**
 * Decoded postings by term, least recently used first, within a budget of bytes of typed arrays
 * (POSTINGS_CACHE_BYTES by default): a query's terms are usually those of the last query, one letter
 * longer. Absent terms are remembered too (as null), so an unknown word is looked up once.
 */
import type { Postings } from '../format/postings';

/**
 * The default budget. It is a server's memory for as long as it runs, but typing needs it: at 6 MB
 * (keeping terms up to half of it) `folio serve`'s peak on the large pack fell by about 6 MB, and
 * the bench's as-you-type queries there took about 10% longer, reading postings again (fastest of
 * fourteen runs each); its prefix p95 is within a millisecond of its goal.
 */
export const POSTINGS_CACHE_BYTES = 12 * 1024 * 1024;

/** What a remembered absent term costs. */
const ABSENT_TERM_BYTES = 64;

export class PostingsCache {
  private readonly entries = new Map<string, Postings | null>();
  private bytes = 0;

  constructor(private readonly budget: number) {}

  /** The postings of `term` if cached (null: absent from the index), without making them recent. */
  peek(term: string): Postings | null | undefined {
    return this.entries.get(term);
  }

  /** The postings of `term` if cached, made the most recently used. */
  get(term: string): Postings | null | undefined {
    const cached = this.entries.get(term);
    if (cached !== undefined) {
      this.entries.delete(term);
      this.entries.set(term, cached);
    }
    return cached;
  }

  /** Keeps `postings` unless they would take over a quarter of the budget; evicts the oldest. */
  remember(term: string, postings: Postings | null): void {
    const size = postings ? postings.sizeInBytes : ABSENT_TERM_BYTES;
    if (size > this.budget / 4) return;
    this.entries.set(term, postings);
    this.bytes += size;
    while (this.bytes > this.budget && this.entries.size > 0) {
      const [oldest, evicted] = this.entries.entries().next().value as [string, Postings | null];
      this.entries.delete(oldest);
      this.bytes -= evicted ? evicted.sizeInBytes : ABSENT_TERM_BYTES;
    }
  }
}
