/**
 * How a text block's lines are compressed (text-blocks.ts): the one function both the builder's
 * thread and the compression worker (block-compress-worker.ts) call, so the bytes are the same
 * whichever thread made them.
 */
import { brotliCompressSync, constants as zlib } from 'node:zlib';

/**
 * Brotli settings for one text block. The window is sized to the block: brotli's default 4 MiB
 * window costs more to set up than a 32 KiB block costs to compress (on the Python documentation,
 * 8.0 s against 0.6 s for the same bytes), and a window that covers the block loses nothing.
 *
 * Quality 8, not 9: on a quarter of the large pack's blocks (71 MB of lines), quality 9 took 36 s of
 * CPU for 8.25 MB and quality 8 took 1.8 s for 8.27 MB (0.2% more); the blocks decompress as fast
 * (0.11 ms each either way). Quality 9 made the compression worker the large build's bottleneck.
 */
function brotliParams(bytes: number): { params: Record<number, number> } {
  const window = Math.min(
    zlib.BROTLI_MAX_WINDOW_BITS,
    Math.max(zlib.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(bytes + 16))),
  );
  return {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: 8,
      [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
      [zlib.BROTLI_PARAM_LGWIN]: window,
      [zlib.BROTLI_PARAM_SIZE_HINT]: bytes,
    },
  };
}

/** A block's lines (a StoredBlock), compressed as the pack stores them. */
export function compressBlockLines(lines: string): Buffer {
  const raw = Buffer.from(lines, 'utf8');
  return brotliCompressSync(raw, brotliParams(raw.length));
}
