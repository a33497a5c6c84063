/**
 * Checking candidates against their text. The index keeps no positions, so what it cannot tell
 * (a quoted phrase's words standing together, a Japanese or Korean run's characters in order) is
 * checked on the passages themselves: the leading candidates in lunr's order, each read when it is
 * checked (the pack keeps the blocks it decompressed), until CHECK_LIMIT of them, or until the page
 * is settled and CHECK_BUDGET_MS have passed, or the page is full and CHECK_MAX_MS have passed, or
 * CHECK_UNFILLED_MS have passed at all.
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
 * Candidates checked between two looks at the clock and at whether the page is settled (looked at
 * again after each hit once the page is full): FIRST_BATCH, then up to twice as many each time up
 * to BATCH (as many as the page needs: MIN_BATCH), and FIRST_BATCH again once the page is settled.
 * Reading one passage decompresses its whole block (about 0.5 ms in a fresh process), and a page
 * of 10 or 30 is usually settled by the first few dozen candidates.
 */
const FIRST_BATCH = 25;
const BATCH = 100;
/**
 * With `page` given, a later batch is as many candidates as should fill the page at the rate they
 * were accepted so far (a quarter more, and at least MIN_BATCH), never more than twice the last.
 * A full page that is not settled yet goes on MIN_BATCH at a time.
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
  let settled = false;
  for (let i = 0, size = FIRST_BATCH; i < candidates; i += size) {
    if (i > 0) {
      const elapsed = nowMs() - started;
      if (elapsed >= (options.full(kept) ? CHECK_MAX_MS : CHECK_UNFILLED_MS)) break;
      settled = options.settled(kept, matches.at(i).score);
      if (settled && elapsed >= CHECK_BUDGET_MS) break;
      // Once the page is settled, the candidates checked only count: a first batch's worth at a
      // time, so that the budget is kept to within a few passages rather than a batch of 100.
      size = settled ? FIRST_BATCH : nextBatch(size, kept.length, checked, options.page);
    }
    options.checkCancelled();
    const end = Math.min(candidates, i + size);
    let stopped = false;
    for (let j = i; j < end; j++) {
      const m = matches.at(j);
      if (!keep(m, undefined)) {
        options.checkCancelled();
        // Past the time bound (the budget, once the page is settled), the rest stays unchecked.
        const bound = settled ? CHECK_BUDGET_MS : options.full(kept) ? CHECK_MAX_MS : CHECK_UNFILLED_MS;
        if (nowMs() - started >= bound) {
          stopped = true;
          break;
        }
        // Read when it is checked, not with its batch: the pack keeps the blocks it decompressed,
        // and a page settled halfway through a batch reads none of the rest (a phrase's second
        // batch read 50 passages, 10-25 ms, for a page settled after 7 of them).
        const p = passages.byIds([m.ref])[0];
        checked++;
        if (!p || !keep(m, p)) continue;
      } else checked++;
      kept.push(m);
      if (!settled && j + 1 < candidates && options.full(kept))
        settled = options.settled(kept, matches.at(j + 1).score);
    }
    if (stopped) break;
  }
  return { matches: new ListedMatches(kept), checked, candidates: matches.length };
}
