/**
 * How the core worker's heap is sized, so that V8 collects searches' garbage before it piles up.
 *
 * A search drops most of what it makes: decoded postings and text blocks, typed arrays by the
 * thousand, the tokens of the passages it shows. With V8's defaults on a 64-bit machine the worker's
 * young generation was 48 MB (two semi-spaces of 16 MB, and as much again for large objects), and
 * its old generation grew to 4 times what survived its last full collection (heap-controller.cc:
 * the factor for a heap limit of 2 GB or more). A typed array's memory is outside the heap and
 * freed only when the collector finds the array dead, so it piled up with the rest: `folio serve`
 * asked the bench's query set on a million passages peaked at about 250 MB, its worker's heap at
 * 70 MB for 25–40 MB alive. A young generation of 6 MB and an old one grown by 40% at most took
 * that peak to about 185 MB (about 174 with the engine's and the reader's smaller caches); either
 * alone, to about 220. The price is CPU: 20–30% more for the whole process over the query set
 * (more, smaller collections; most marking runs on V8's helper threads). 12 MB cost 3% less CPU
 * for 6 MB more memory; 3 MB saved nothing more and cost 15% more CPU.
 *
 * The growth is a V8 flag, not the worker's old-generation limit (resourceLimits), which would do
 * the same only at a limit of about 512 MB, where a library of many packs, each with its caches,
 * could run the worker out of memory: the flag bounds how fast the heap grows, never how far.
 */

/** The young generation, in MB: V8 splits it into two semi-spaces and a third for large objects. */
export const YOUNG_GENERATION_MB = 6;

/** How much the old generation may grow past what survived the last full collection, in percent. */
export const HEAP_GROWING_PERCENT = 40;

/** The V8 flag that sets it. V8's flags are the process's: it applies to every thread, the worker's included. */
export const HEAP_GROWING_FLAG = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;

/** The worker's resource limits (worker_threads' `resourceLimits`). */
export function workerResourceLimits(): { maxYoungGenerationSizeMb: number } {
  return { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
}
