/**
 * A full garbage collection, asked for. A build streams a million passages past a few hundred
 * megabytes that stay live from start to end (ids, anchors, the growing index); V8 lets garbage pile
 * up to about as much again before it collects, and the process's peak memory is what a machine's
 * user sees. Collecting every so often keeps the peak near what is live, for a second or two of a
 * build that takes minutes.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

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
  gc?.();
}
