/**
 * Keeps the HTTP thread's young generation at the size it has once the server is up.
 *
 * V8 doubles a thread's semi-spaces (up to 16 MB each, V8's default for the main thread) whenever
 * more has survived its scavenges since the last doubling than they hold, so a thread that runs for
 * long enough reaches the maximum whatever it keeps: `folio serve`'s HTTP thread, which keeps next to
 * nothing between requests, went from 2 to 4 MB semi-spaces over the bench's query set on the large
 * pack (4 MB more of the server's memory), and would have gone on. Its size cannot be set once the
 * thread runs (`--max-semi-space-size` is read when the heap is made, and a node flag on the
 * command line is not ours to add), but growing can be stopped: a growth factor of 1 leaves the
 * semi-spaces as they are. The flag is the process's: the core worker's semi-spaces are at their
 * maximum by then (2 MB: heap-limits.ts), reached while it opened the packs and warmed up. V8 puts
 * the factor back to 2 whenever a thread starts a heap, so it is set after the core worker's.
 */
import { setFlagsFromString } from 'node:v8';

export function holdYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
