/**
 * Keeps the HTTP thread's young generation at the size it has once the server is up.
 *
 * V8 doubles a thread's semi-spaces (up to 16 MB each, V8's default for the main thread) whenever
 * more has survived its scavenges since the last doubling than they hold, so a thread that runs for
 * long enough reaches the maximum whatever it keeps: `folio serve`'s HTTP thread, which keeps next to
 * nothing between requests, had 2 MB semi-spaces once its code was loaded and 4 MB after the bench's
 * query set on the large pack, and would have gone on. Their size cannot be set once the thread
 * runs (`--max-semi-space-size` is read when the heap is made, and a node flag on the command line
 * is not ours to add), but growing can be stopped: a growth factor of 1 leaves the semi-spaces as
 * they are. bin/folio.cjs sets it first thing for `folio serve`, so they stay at 1 MB (6 MB less
 * than they reached). V8 puts the factor back to 2 whenever a thread makes a heap, so it is set again
 * once the core worker is up; the flag is the process's, and the worker's semi-spaces are at their
 * maximum by then (2 MB: heap-limits.ts), reached while it opened the packs and warmed up.
 */
import { setFlagsFromString } from 'node:v8';

export function holdYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
