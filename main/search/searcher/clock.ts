/**
 * Milliseconds on a monotonic clock, for the searcher's timings. Not `performance.now()`: the
 * global `performance` is made on first use by loading `perf_hooks`, about 1 ms of a one-shot
 * `folio search`; `process.hrtime` is there from the start.
 */
export function nowMs(): number {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1e3 + nanoseconds / 1e6;
}
