/**
 * Checking candidates against their text. The index keeps no positions, so what it cannot tell
 * (a quoted phrase's words standing together, a Japanese or Korean run's characters in order) is
 * checked on the passages themselves: the leading candidates in lunr's order, a batch at a time
 * (each batch read in the pack's reading order, so a block of passages is decompressed once for all
 * its candidates), until CHECK_LIMIT of them, or until the page is settled and CHECK_BUDGET_MS have
 * passed, or the page is full and CHECK_MAX_MS have passed, or CHECK_UNFILLED_MS have passed at all.
 * The page is exact unless one of the last two bounds cut it short (a phrase of common words among
 * long passages, on a slow machine); how many matches there are is then known only among those
 * checked. A page that is not yet full gets the longer bound: a loaded machine once showed no result
 * for a phrase with nine. Cancellation is polled before each passage checked, so a newer query never
 * waits for an older one's check.
 */
import type { Passage } from '../../model/archive';
import { ListedMatches } from '../engine/ranked-matches';
import type { EngineMatch, RankedMatches } from '../types';
import type { PassageCache } from './passage-cache';
import { nowMs } from './clock';

/** Candidates read back to check them, at most. */
const CHECK_LIMIT = 2000;
/** Once the page is settled, checking goes on for the count (`total`) only this long. */
const CHECK_BUDGET_MS = 12;
/**
 * Checking stops this long after it started once the page is full, settled or not: 2,000 candidates
 * of a phrase of common words, each a long passage to analyse, took 250 ms on the Linux + Rust
 * documentation.
 */
export const CHECK_MAX_MS = 60;
/** Checking stops this long after it started even when the page is not full (the time stays bounded). */
export const CHECK_UNFILLED_MS = 500;
/**
 * Passages read back at a time: FIRST_BATCH, then up to twice as many each time up to BATCH (as
 * many as the page needs: MIN_BATCH), and FIRST_BATCH again once the page is settled. Reading one passage decompresses its whole block
 * (about 0.5 ms in a fresh process), and a page of 10 or 30 is usually settled by the first few
 * dozen candidates: a first batch of 100 was most of a one-shot phrase search.
 */
const FIRST_BATCH = 25;
const BATCH = 100;
/**
 * With `page` given, a later batch is as many candidates as should fill the page at the rate they
 * were accepted so far (a quarter more, and at least MIN_BATCH), never more than twice the last:
 * a phrase that kept 24 of its first 25 candidates for a page of 30 read 50 more, each a block to
 * decompress, where 10 filled it. A full page that is not settled yet goes on MIN_BATCH at a time.
 */
const MIN_BATCH = 10;

/** When a check may stop early, and how it learns that the search is no longer wanted. */
export interface CheckOptions {
  /** Whether the page is settled: no candidate scored `nextScore` or less can enter it. */
  settled(kept: readonly EngineMatch[], nextScore: number): boolean;
  /** Whether the page holds as many hits as it shows (it may still not be settled). */
  full(kept: readonly EngineMatch[]): boolean;
  /** Throws when the search is no longer wanted (polled before each batch and each passage checked). */
  checkCancelled(): void;
  /** How many hits the page holds, when known: later batches are sized to fill it (see MIN_BATCH). */
  page?: number;
}

/** The size of the batch after one of `size`, for a page not settled (see MIN_BATCH). */
function nextBatch(size: number, kept: number, checked: number, page: number | undefined): number {
  const doubled = Math.min(BATCH, size * 2);
  if (page === undefined) return doubled;
  if (kept >= page) return Math.min(doubled, MIN_BATCH);
  const rate = Math.max(kept / Math.max(1, checked), 0.1);
  return Math.min(doubled, Math.max(MIN_BATCH, Math.ceil(((page - kept) / rate) * 1.25) + 2));
}

/** What a check kept, and how far it got. */
export interface Checked {
  matches: RankedMatches;
  /** Candidates checked (the first `checked` in lunr's order). */
  checked: number;
  /** Candidates there were. */
  candidates: number;
}

/**
 * The matches `keep` accepts, in the same order. `keep` is asked first without the passage (a
 * match it can accept from its terms alone is never read), then with it.
 */
export function checkCandidates(
  matches: RankedMatches,
  keep: (match: EngineMatch, passage: Passage | undefined) => boolean,
  passages: PassageCache,
  options: CheckOptions,
): Checked {
  const started = nowMs();
  const kept: EngineMatch[] = [];
  const candidates = Math.min(matches.length, CHECK_LIMIT);
  let checked = 0;
  for (let i = 0, size = FIRST_BATCH; i < candidates; i += size) {
    if (i > 0) {
      const elapsed = nowMs() - started;
      if (elapsed >= (options.full(kept) ? CHECK_MAX_MS : CHECK_UNFILLED_MS)) break;
      const settled = options.settled(kept, matches.at(i).score);
      if (settled && elapsed >= CHECK_BUDGET_MS) break;
      // Once the page is settled, the candidates checked only count: a first batch's worth at a
      // time, so that the budget is kept to within a few passages rather than a batch of 100.
      size = settled ? FIRST_BATCH : nextBatch(size, kept.length, checked, options.page);
    }
    options.checkCancelled();
    const batch: EngineMatch[] = [];
    for (let j = i; j < Math.min(candidates, i + size); j++) batch.push(matches.at(j));
    const unread = batch.filter((m) => !keep(m, undefined));
    const inReadingOrder = [...unread].sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0));
    const byId = new Map(passages.byIds(inReadingOrder.map((m) => m.ref)).map((p) => [p.id, p]));
    const accepted = new Set(batch.filter((m) => !unread.includes(m)));
    let stopped = false;
    for (const m of batch) {
      if (accepted.has(m)) kept.push(m);
      else {
        options.checkCancelled();
        // Past the time bound within a batch, the rest of it stays unchecked.
        if (nowMs() - started >= (options.full(kept) ? CHECK_MAX_MS : CHECK_UNFILLED_MS)) {
          stopped = true;
          break;
        }
        const p = byId.get(m.ref);
        if (p && keep(m, p)) kept.push(m);
      }
      checked++;
    }
    if (stopped) break;
  }
  return { matches: new ListedMatches(kept), checked, candidates: matches.length };
}
