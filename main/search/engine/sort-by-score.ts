/**
 * Documents by score, highest first, ties in first-seen order: what lunr's stable
 * `results.sort((a, b) => b.score - a.score)` gives. Long lists use a stable LSD radix sort on the
 * scores' IEEE-754 bits, moving keys with documents so every pass reads sequentially.
 */

/** Reusable buffers for sortByScoreDesc (no garbage per query). */
export class SortScratch {
  readonly keys: Float64Array;
  readonly u32: Uint32Array;
  readonly lo: Uint32Array;
  readonly hi: Uint32Array;
  readonly doc: Int32Array;
  readonly lo2: Uint32Array;
  readonly hi2: Uint32Array;
  readonly doc2: Int32Array;
  readonly hist = new Int32Array(8 * 256);
  readonly offsets = new Int32Array(256);
  constructor(readonly capacity: number) {
    this.keys = new Float64Array(1);
    this.u32 = new Uint32Array(this.keys.buffer);
    this.lo = new Uint32Array(capacity);
    this.hi = new Uint32Array(capacity);
    this.doc = new Int32Array(capacity);
    this.lo2 = new Uint32Array(capacity);
    this.hi2 = new Uint32Array(capacity);
    this.doc2 = new Int32Array(capacity);
  }
}

/**
 * `docs` ordered by `score[doc]`, highest first, ties in the order of `docs`. The result may be a
 * view into `scratch`, valid until its next use.
 */
export function sortByScoreDesc(
  docs: Int32Array,
  score: Float64Array,
  scratch: SortScratch = new SortScratch(docs.length),
): Int32Array {
  const n = docs.length;
  if (n < 64) return Int32Array.from(Array.from(docs).sort((a, b) => score[b]! - score[a]!));
  if (n > scratch.capacity) scratch = new SortScratch(n);
  const { keys, u32, hist, offsets } = scratch;
  let lo = scratch.lo;
  let hi = scratch.hi;
  let doc = scratch.doc;
  let lo2 = scratch.lo2;
  let hi2 = scratch.hi2;
  let doc2 = scratch.doc2;
  // Keys: the doubles' bits made unsigned-ascending in value, then complemented (descending).
  hist.fill(0);
  for (let i = 0; i < n; i++) {
    const d = docs[i]!;
    const v = score[d]!;
    keys[0] = v === 0 ? 0 : v; // -0 and +0 compare equal
    let l = u32[0]!;
    let h = u32[1]!;
    if (h & 0x80000000) {
      h = ~h;
      l = ~l;
    } else h = h ^ 0x80000000;
    l = ~l >>> 0;
    h = ~h >>> 0;
    lo[i] = l;
    hi[i] = h;
    doc[i] = d;
    hist[l & 255]!++;
    hist[256 + ((l >>> 8) & 255)]!++;
    hist[512 + ((l >>> 16) & 255)]!++;
    hist[768 + (l >>> 24)]!++;
    hist[1024 + (h & 255)]!++;
    hist[1280 + ((h >>> 8) & 255)]!++;
    hist[1536 + ((h >>> 16) & 255)]!++;
    hist[1792 + (h >>> 24)]!++;
  }
  for (let pass = 0; pass < 8; pass++) {
    const base = pass * 256;
    const shift = (pass & 3) * 8;
    const fromHi = pass >= 4;
    const first = ((fromHi ? hi[0]! : lo[0]!) >>> shift) & 255;
    if (hist[base + first] === n) continue; // every key has the same byte here
    let sum = 0;
    for (let v = 0; v < 256; v++) {
      offsets[v] = sum;
      sum += hist[base + v]!;
    }
    const src = fromHi ? hi : lo;
    for (let i = 0; i < n; i++) {
      const j = offsets[(src[i]! >>> shift) & 255]!++;
      lo2[j] = lo[i]!;
      hi2[j] = hi[i]!;
      doc2[j] = doc[i]!;
    }
    let t: Uint32Array = lo;
    lo = lo2;
    lo2 = t;
    t = hi;
    hi = hi2;
    hi2 = t;
    const td = doc;
    doc = doc2;
    doc2 = td;
  }
  return doc.subarray(0, n);
}
