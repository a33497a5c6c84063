/**
 * The passages the searcher read lately, kept across searches: typing a query letter by letter
 * shows and checks the same passages again and again, and reading one passage decompresses and
 * parses its whole block of a pack (about 0.3 ms, most of a page of hits on a large archive).
 */
import type { Passage } from '../../model/archive';
import type { PassageSource } from './passage-source';

/** Passages kept (the least recently used go first). */
const CACHED_PASSAGES = 4000;

export class PassageCache {
  private readonly cache = new Map<string, Passage>();

  constructor(private readonly source: PassageSource) {}

  /** Whether passage `id` is kept (reading it costs nothing). */
  has(id: string): boolean {
    return this.cache.has(id);
  }

  /** The passages of `ids` that exist, in the order of `ids`; those not cached are read in one call. */
  byIds(ids: readonly string[]): Passage[] {
    const missing = ids.filter((id) => !this.cache.has(id));
    if (missing.length > 0) {
      for (const p of this.source.passagesByIds(missing)) {
        if (this.cache.size >= CACHED_PASSAGES) this.cache.delete(this.cache.keys().next().value as string);
        this.cache.set(p.id, p);
      }
    }
    const out: Passage[] = [];
    for (const id of ids) {
      const p = this.cache.get(id);
      if (!p) continue;
      // Most recently used last.
      this.cache.delete(id);
      this.cache.set(id, p);
      out.push(p);
    }
    return out;
  }
}
