/**
 * Writes a lunr.Index into the pack's `search_` tables. See pack-index.ts for the design.
 *
 * The builder calls this with a freshly built index in a process whose heap is large, where every
 * allocation is expensive (garbage collection scans the whole heap), so postings are gathered into
 * a few flat typed arrays rather than millions of small objects.
 */
import { deflateRawSync, deflateSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import type lunr from 'lunr';
import type { LunrIndexInternals } from './lunr-internals';
import { RefList } from './pack-engine';
import {
  PREFIX_TABLE_MIN_TERMS,
  PREFIX_TABLE_TOP,
  REF_CHUNK,
  refChunkName,
  SEARCH_FORMAT,
  SEARCH_SCHEMA,
  SEARCH_TABLES,
  type SearchMeta,
  type WeightMode,
} from './pack-format';
import { encodeFieldLengths } from './field-lengths';
import { ByteWriter } from './varint';

/** V8 lists "array index" keys first, ascending, then the other keys in insertion order. */
export function isArrayIndexKey(s: string): boolean {
  if (s.length === 0 || s.length > 10) return false;
  if (!/^(?:0|[1-9][0-9]*)$/.test(s)) return false;
  return Number(s) <= 4294967294;
}

/** JS (UTF-16 code unit) order. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Flat postings of every term and field: entries [start[s], start[s + 1]) for slot s = term·F + field. */
export interface FlatPostings {
  start: Int32Array;
  ords: Int32Array;
  tfs: Int32Array;
  ws: Float64Array;
}

/** lunr's field-vector element for term index `tid` in `el` (sorted [index, value, …] pairs), else 0. */
function vectorValue(el: number[] | undefined, tid: number): number {
  if (!el) return 0;
  let lo = 0;
  let hi = el.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = el[mid * 2]!;
    if (v === tid) return el[mid * 2 + 1]!;
    if (v < tid) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/**
 * Everything the search tables are written from: postings by term (JS order) and field, with the
 * document ordinals, term frequencies and, unless `tfModel` reproduces them, lunr's weights.
 */
export interface IndexTables {
  fields: string[];
  /** Document refs by ordinal. */
  refs: string[];
  /** lunr's add order when it differs from ordinal order (array-index-like refs), else null. */
  addOrder: string[] | null;
  /** Terms in JS order; `tids` (lunr's term index) and `dfs` (document counts) follow it. */
  sortedTerms: string[];
  tids: Int32Array;
  dfs: Int32Array;
  flat: FlatPostings;
  /** Tokens per document and field (ordinal·F + field). */
  fieldLengths: Float64Array;
  weights: WeightMode;
  /** Set when every weight is lunr's BM25 of tf, field length and idf (then `weights` is 'tf'). */
  tfModel: TfModel | null;
}

/** Writes a lunr.Index built by lunr.Builder (lunr-build.ts) into the search tables. */
export function writeSearchTables(db: Database.Database, index: lunr.Index): SearchMeta {
  return writeIndexTables(db, tablesFromLunr(index));
}

/** Reads a lunr.Index's inverted index and field vectors into IndexTables. */
export function tablesFromLunr(index: lunr.Index): IndexTables {
  const ix = index as unknown as LunrIndexInternals;
  const fields = ix.fields;
  const F = fields.length;

  // Documents: lunr's add order (the order of its field vectors), then the order in which V8
  // enumerates a posting's doc refs (array-index-like refs first). Ordinals follow the latter, so
  // a posting sorted by ordinal is in lunr's own iteration order.
  const addOrder: string[] = [];
  {
    const seen = new Set<string>();
    for (const fieldRef of Object.keys(ix.fieldVectors)) {
      const ref = fieldRef.slice(fieldRef.indexOf('/') + 1);
      if (!seen.has(ref)) {
        seen.add(ref);
        addOrder.push(ref);
      }
    }
  }
  const numeric = addOrder.filter(isArrayIndexKey).sort((a, b) => Number(a) - Number(b));
  const refs = numeric.length === 0 ? addOrder : [...numeric, ...addOrder.filter((r) => !isArrayIndexKey(r))];
  const N = refs.length;
  const refToOrd = new Map<string, number>();
  refs.forEach((r, i) => refToOrd.set(r, i));
  const hasAddOrder = numeric.length > 0;

  // Field vectors by document ordinal and field; are all weights exact thousandths?
  const vectors: (number[] | undefined)[] = new Array(N * F);
  let weights: WeightMode = 'milli';
  let capacity = 1024;
  for (let d = 0; d < N; d++) {
    for (let f = 0; f < F; f++) {
      const el = ix.fieldVectors[`${fields[f]}/${refs[d]}`]?.elements;
      vectors[d * F + f] = el;
      if (!el) continue;
      capacity += el.length / 2;
      if (weights === 'milli') {
        for (let i = 1; i < el.length; i += 2) {
          const w = el[i]!;
          if (!Number.isFinite(w) || Math.abs(w) > 1e12 || Math.round(w * 1000) / 1000 !== w) {
            weights = 'f64';
            break;
          }
        }
      }
    }
  }

  // Postings, term by term in JS order, into flat arrays.
  const sortedTerms = Object.keys(ix.invertedIndex).sort(compareStrings);
  const T = sortedTerms.length;
  const tids = new Int32Array(T);
  const dfs = new Int32Array(T);
  const flat: FlatPostings = {
    start: new Int32Array(T * F + 1),
    ords: new Int32Array(capacity),
    tfs: new Int32Array(capacity),
    ws: new Float64Array(capacity),
  };
  const stamp = new Int32Array(N).fill(-1);
  const fieldLengths = new Float64Array(N * F);
  let tfKnown = true;
  let pos = 0;
  for (let ti = 0; ti < T; ti++) {
    const term = sortedTerms[ti]!;
    const posting = ix.invertedIndex[term]!;
    const tid = posting._index;
    tids[ti] = tid;
    let df = 0;
    for (let f = 0; f < F; f++) {
      const slot = ti * F + f;
      flat.start[slot] = pos;
      const fp = posting[fields[f]!];
      if (!fp) continue;
      const keys = Object.keys(fp);
      if (pos + keys.length > flat.ords.length) grow(flat, pos + keys.length);
      const begin = pos;
      let sorted = true;
      for (const k of keys) {
        const o = refToOrd.get(k);
        if (o === undefined) throw new Error(`search index: posting of "${term}" names an unknown document`);
        if (pos > begin && o <= flat.ords[pos - 1]!) sorted = false;
        // Term frequency: one `position` metadata entry per occurrence.
        const meta = fp[k] as { position?: unknown } | undefined;
        const p = meta?.position;
        const tf = Array.isArray(p) ? p.length : -1;
        if (tf < 1) tfKnown = false;
        flat.ords[pos] = o;
        flat.tfs[pos] = tf;
        flat.ws[pos] = vectorValue(vectors[o * F + f], tid);
        fieldLengths[o * F + f] = fieldLengths[o * F + f]! + Math.max(tf, 0);
        if (stamp[o] !== ti) {
          stamp[o] = ti;
          df++;
        }
        pos++;
      }
      if (!sorted) sortSegment(flat, begin, pos);
    }
    dfs[ti] = df;
  }
  flat.start[T * F] = pos;

  // Can every weight be recomputed from tf, the field length and the term's idf exactly as
  // lunr.Builder#createFieldVectors did? Then postings store tf instead of the weight.
  let tfModel: TfModel | null = null;
  if (tfKnown && N > 0) tfModel = inferTfModel(flat, T, F, fieldLengths, N);
  if (tfModel) weights = 'tf';
  return {
    fields,
    refs,
    addOrder: hasAddOrder ? addOrder : null,
    sortedTerms,
    tids,
    dfs,
    flat,
    fieldLengths,
    weights,
    tfModel,
  };
}

/** Writes the search tables (call inside the builder's write transaction). */
export function writeIndexTables(db: Database.Database, tables: IndexTables): SearchMeta {
  const { fields, refs, addOrder, sortedTerms, tids, dfs, flat, fieldLengths, weights, tfModel } = tables;
  const F = fields.length;
  const N = refs.length;
  const T = sortedTerms.length;
  const postingCount = flat.start[T * F]!;
  const hasAddOrder = addOrder !== null;

  for (const t of SEARCH_TABLES) db.exec(`DROP TABLE IF EXISTS ${t}`);
  db.exec(SEARCH_SCHEMA);

  const insTerm = db.prepare('INSERT INTO search_terms (term, tid, df) VALUES (?, ?, ?)');
  const insPost = db.prepare('INSERT INTO search_postings (tid, data) VALUES (?, ?)');
  const w = new ByteWriter(1 << 16);
  for (let ti = 0; ti < T; ti++) {
    w.reset();
    let mask = 0;
    for (let f = 0; f < F; f++) if (flat.start[ti * F + f + 1]! > flat.start[ti * F + f]!) mask |= 1 << f;
    w.uint(mask);
    if (tfModel) w.float64(tfModel.idf[ti]!);
    for (let f = 0; f < F; f++) {
      const a = flat.start[ti * F + f]!;
      const z = flat.start[ti * F + f + 1]!;
      if (z === a) continue;
      w.uint(z - a);
      if (tfModel) encodeTfPostings(w, flat, a, z);
      else {
        let prev = 0;
        for (let i = a; i < z; i++) {
          w.uint(i === a ? flat.ords[i]! : flat.ords[i]! - prev);
          prev = flat.ords[i]!;
        }
        for (let i = a; i < z; i++) {
          if (weights === 'milli') w.int(Math.round(flat.ws[i]! * 1000));
          else w.float64(flat.ws[i]!);
        }
      }
    }
    insTerm.run(sortedTerms[ti]!, tids[ti]!, dfs[ti]!);
    insPost.run(tids[ti]!, w.bytes());
  }

  const insBlob = db.prepare('INSERT INTO search_blobs (name, data) VALUES (?, ?)');
  if (tfModel) {
    insBlob.run('field_lengths', encodeFieldLengths(fieldLengths));
  }

  // Doc refs by ordinal.
  for (let c = 0; c * REF_CHUNK < N; c++)
    insBlob.run(
      refChunkName(c),
      deflateRawSync(RefList.encode(refs.slice(c * REF_CHUNK, (c + 1) * REF_CHUNK)), { level: 9 }),
    );

  if (addOrder) {
    const refToOrd = new Map<string, number>();
    refs.forEach((r, i) => refToOrd.set(r, i));
    const bw = new ByteWriter();
    for (const r of addOrder) bw.uint(refToOrd.get(r)!);
    insBlob.run('add_order', bw.bytes());
  }

  // The vocabulary for fuzzy and wildcard expansion: JS-sorted terms and their document counts,
  // deflated, loaded only when such an expansion is first needed.
  {
    const bw = new ByteWriter(1 << 16);
    const text = Buffer.from(JSON.stringify(sortedTerms), 'utf8');
    bw.uint(text.length);
    for (let ti = 0; ti < T; ti++) bw.uint(dfs[ti]!);
    insBlob.run('vocab', deflateSync(Buffer.concat([bw.bytes(), text]), { level: 6 }));
  }

  // Most frequent completions of prefixes that have many terms (as-you-type on short prefixes).
  {
    const counts = new Map<string, number>();
    for (const t of sortedTerms) for (const p of prefixesOf(t)) counts.set(p, (counts.get(p) ?? 0) + 1);
    const big = new Map<string, string[]>();
    for (const [p, c] of counts) if (c > PREFIX_TABLE_MIN_TERMS) big.set(p, []);
    if (big.size > 0) {
      const byFreq = [...sortedTerms.keys()].sort(
        (a, b) => dfs[b]! - dfs[a]! || compareStrings(sortedTerms[a]!, sortedTerms[b]!),
      );
      for (const ti of byFreq) {
        const t = sortedTerms[ti]!;
        for (const p of prefixesOf(t)) {
          const list = big.get(p);
          if (list && list.length < PREFIX_TABLE_TOP) list.push(t);
        }
      }
      const insPrefix = db.prepare('INSERT INTO search_prefix (prefix, terms) VALUES (?, ?)');
      for (const p of [...big.keys()].sort(compareStrings)) insPrefix.run(p, JSON.stringify(big.get(p)));
    }
  }

  const meta: SearchMeta = {
    format: SEARCH_FORMAT,
    fields,
    docCount: N,
    termCount: T,
    postingCount,
    weights,
    hasAddOrder,
    ...(tfModel
      ? { tf: { k1: tfModel.k1, b: tfModel.b, avgFieldLength: tfModel.avg, fieldBoost: tfModel.boost } }
      : {}),
  };
  const insMeta = db.prepare('INSERT INTO search_meta (key, value) VALUES (?, ?)');
  insMeta.run('format', SEARCH_FORMAT);
  insMeta.run('meta', JSON.stringify(meta));
  return meta;
}

/** A copy of `array` with room for `size` entries (the first ones kept). */
export function grown<A extends Int32Array | Uint8Array | Float64Array>(array: A, size: number): A {
  const bigger = new (array.constructor as new (length: number) => A)(size);
  bigger.set(array);
  return bigger;
}

function grow(flat: FlatPostings, need: number): void {
  let size = flat.ords.length * 2;
  while (size < need) size *= 2;
  flat.ords = grown(flat.ords, size);
  flat.tfs = grown(flat.tfs, size);
  flat.ws = grown(flat.ws, size);
}

/** Sorts entries [a, z) by ordinal. */
export function sortSegment(flat: FlatPostings, a: number, z: number): void {
  // `ws` is empty when only term frequencies are kept (pack-indexer.ts).
  const weighted = flat.ws.length > 0;
  const rows: [number, number, number][] = [];
  for (let i = a; i < z; i++) rows.push([flat.ords[i]!, flat.tfs[i]!, weighted ? flat.ws[i]! : 0]);
  rows.sort((x, y) => x[0] - y[0]);
  rows.forEach((r, i) => {
    flat.ords[a + i] = r[0];
    flat.tfs[a + i] = r[1];
    if (weighted) flat.ws[a + i] = r[2];
  });
}

/**
 * tf-mode entries. Each entry starts with v = delta·4 + tag, delta the ordinal gap (the first
 * entry's delta is its ordinal):
 *   tag 0: tf 1;
 *   tag 1: tf given next, as tf − 2;
 *   tag 2: tf 1, and a run follows: the next (count) documents are each +1 with tf 1, count given
 *          next as count − 1 (a section title's terms are in every passage of the section).
 */
export function encodeTfPostings(w: ByteWriter, flat: FlatPostings, a: number, z: number): void {
  let prev = 0;
  let i = a;
  while (i < z) {
    const o = flat.ords[i]!;
    const delta = i === a ? o : o - prev;
    const tf = flat.tfs[i]!;
    if (tf !== 1) {
      w.uint(delta * 4 + 1);
      w.uint(tf - 2);
      prev = o;
      i++;
      continue;
    }
    let run = 0;
    while (i + run + 1 < z && flat.ords[i + run + 1] === o + run + 1 && flat.tfs[i + run + 1] === 1) run++;
    if (run >= 2) {
      w.uint(delta * 4 + 2);
      w.uint(run - 1);
      prev = o + run;
      i += run + 1;
    } else {
      w.uint(delta * 4);
      prev = o;
      i++;
    }
  }
}

export interface TfModel {
  k1: number;
  b: number;
  avg: number[];
  boost: number[];
  /** By term, in the sorted order of the writer. */
  idf: Float64Array;
}

/** lunr.Builder's BM25 defaults. */
export const LUNR_K1 = 1.2;
export const LUNR_B = 0.75;

/** lunr.idf, where `documentsWithTerm` counts a document once per field holding the term. */
export function lunrIdf(documentsWithTerm: number, documentCount: number): number {
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
  return Math.log(1 + Math.abs(x));
}

/** lunr.Builder#createFieldVectors' weight, with the same operations in the same order (document boost 1). */
export function lunrWeight(
  idf: number,
  tf: number,
  fieldLength: number,
  avg: number,
  boost: number,
  k1: number,
  b: number,
): number {
  let score = (idf * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (fieldLength / avg)) + tf);
  score *= boost;
  return Math.round(score * 1000) / 1000;
}

/**
 * Finds lunr's parameters (k1, b, field boosts; document boosts 1) under which every stored weight
 * is recomputed bit for bit from tf, field length and idf. null when none fits.
 */
function inferTfModel(flat: FlatPostings, T: number, F: number, fieldLengths: Float64Array, N: number): TfModel | null {
  const k1 = LUNR_K1;
  const b = LUNR_B;
  const avg: number[] = [];
  for (let f = 0; f < F; f++) {
    let sum = 0;
    for (let d = 0; d < N; d++) sum += fieldLengths[d * F + f]!;
    avg.push(sum / N);
  }
  // lunr.idf: documentsWithTerm counts a document once per field it has the term in.
  const idf = new Float64Array(T);
  for (let ti = 0; ti < T; ti++) {
    idf[ti] = lunrIdf(flat.start[ti * F + F]! - flat.start[ti * F]!, N);
  }
  const fits = (f: number, boost: number): boolean => {
    for (let ti = 0; ti < T; ti++) {
      const a = flat.start[ti * F + f]!;
      const z = flat.start[ti * F + f + 1]!;
      for (let i = a; i < z; i++) {
        if (
          lunrWeight(idf[ti]!, flat.tfs[i]!, fieldLengths[flat.ords[i]! * F + f]!, avg[f]!, boost, k1, b) !== flat.ws[i]
        )
          return false;
      }
    }
    return true;
  };
  const boost: number[] = [];
  for (let f = 0; f < F; f++) {
    // Candidates: 1, quarter steps up to 10, and the ratio on the posting with the largest weight.
    let best = { w: 0, base: 0 };
    for (let ti = 0; ti < T; ti++) {
      for (let i = flat.start[ti * F + f]!; i < flat.start[ti * F + f + 1]!; i++) {
        if (flat.ws[i]! > best.w) {
          const len = fieldLengths[flat.ords[i]! * F + f]!;
          best = {
            w: flat.ws[i]!,
            base: (idf[ti]! * ((k1 + 1) * flat.tfs[i]!)) / (k1 * (1 - b + b * (len / avg[f]!)) + flat.tfs[i]!),
          };
        }
      }
    }
    const candidates = new Set<number>([1]);
    for (let q = 1; q <= 40; q++) candidates.add(q / 4);
    if (best.base > 0)
      for (const scale of [1, 10, 100, 1000, 10000]) candidates.add(Math.round((best.w / best.base) * scale) / scale);
    let found: number | null = null;
    for (const c of candidates) {
      if (c > 0 && fits(f, c)) {
        found = c;
        break;
      }
    }
    if (found === null) return null;
    boost.push(found);
  }
  return { k1, b, avg, boost, idf };
}

/** Every non-empty prefix of `t` (including `t`) that does not end inside a surrogate pair. */
export function* prefixesOf(t: string): Generator<string> {
  for (let i = 1; i <= t.length; i++) {
    const c = t.charCodeAt(i - 1);
    if (c >= 0xd800 && c <= 0xdbff) continue;
    yield t.slice(0, i);
  }
}
