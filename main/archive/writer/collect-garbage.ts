/**
 * A full garbage collection, asked for. A build streams a million passages past a few hundred
 * megabytes that stay live from start to end (ids, anchors, the growing index); V8 lets garbage pile
 * up to about as much again before it collects, and the process's peak memory is what a machine's
 * user sees. Collecting every so often keeps the peak near what is live, for a second or two of a
 * build that takes minutes.
 *
 * Only when the heap grew by GROWN_BYTES since the last collection asked for: most calls found V8's
 * own collections had kept up (a large build's twenty collected 5 to 45 MB each, 100 to 400 ms apiece).
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap growth since the last collection asked for below which another is not worth its time. */
const GROWN_BYTES = 64 * 1024 * 1024;

let gc: (() => void) | null | undefined;
/** The heap's size after the last collection asked for. */
let collectedTo = 0;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      // A context made after the flag is set has `gc`, without starting Node with --expose-gc.
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  if (!gc || getHeapStatistics().used_heap_size < collectedTo + GROWN_BYTES) return;
  gc();
  collectedTo = getHeapStatistics().used_heap_size;
}
