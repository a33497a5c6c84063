/**
 * Writes a lunr.Index into the pack's `search_` tables. See pack-index.ts for the design.
 */
import { deflateSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import type lunr from 'lunr';
import { internals } from './lunr-internals';
import {
  DOC_BLOCK,
  PREFIX_TABLE_MIN_TERMS,
  PREFIX_TABLE_TOP,
  SEARCH_FORMAT,
  SEARCH_SCHEMA,
  SEARCH_TABLES,
  type SearchMeta,
  type WeightMode,
} from './pack-format';
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

export function writeSearchTables(db: Database.Database, index: lunr.Index): SearchMeta {
  const ix = internals(index);
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

  // Weights from the field vectors, grouped by term index and field, in ordinal order.
  const terms = Object.keys(ix.invertedIndex);
  let maxTid = -1;
  for (const t of terms) maxTid = Math.max(maxTid, ix.invertedIndex[t]!._index);
  const wOrds: (number[] | undefined)[] = new Array((maxTid + 1) * F);
  const wVals: (number[] | undefined)[] = new Array((maxTid + 1) * F);
  let weights: WeightMode = 'milli';
  for (let d = 0; d < N; d++) {
    for (let f = 0; f < F; f++) {
      const vec = ix.fieldVectors[`${fields[f]}/${refs[d]}`];
      if (!vec) continue;
      const el = vec.elements;
      for (let i = 0; i < el.length; i += 2) {
        const tid = el[i]!;
        const w = el[i + 1]!;
        if (weights === 'milli' && (!Number.isFinite(w) || Math.round(w * 1000) / 1000 !== w || Math.abs(w) > 1e12)) weights = 'f64';
        const slot = tid * F + f;
        (wOrds[slot] ??= []).push(d);
        (wVals[slot] ??= []).push(w);
      }
    }
  }

  // Per term and field: documents (ascending ordinal), term frequencies (from lunr's position
  // metadata, -1 when absent) and lunr's weights aligned with the documents.
  const sortedTerms = terms.slice().sort(compareStrings);
  interface FieldPosting {
    ords: Int32Array;
    tfs: Int32Array;
    ws: Float64Array;
  }
  const data: { term: string; tid: number; df: number; fields: FieldPosting[] }[] = [];
  const stamp = new Int32Array(N).fill(-1);
  const fieldLengths = new Float64Array(N * F);
  let tfKnown = true;
  let postingCount = 0;
  for (let ti = 0; ti < sortedTerms.length; ti++) {
    const term = sortedTerms[ti]!;
    const posting = ix.invertedIndex[term]!;
    const tid = posting._index;
    const perField: FieldPosting[] = [];
    let df = 0;
    for (let f = 0; f < F; f++) {
      const fp = posting[fields[f]!] ?? {};
      const keys = Object.keys(fp);
      const order = keys.map((k, i) => {
        const o = refToOrd.get(k);
        if (o === undefined) throw new Error(`search index: posting of "${term}" names an unknown document`);
        return [o, i] as const;
      });
      let sorted = true;
      for (let i = 1; i < order.length; i++) if (order[i]![0] <= order[i - 1]![0]) sorted = false;
      if (!sorted) order.sort((a, b) => a[0] - b[0]);
      const n = order.length;
      const ords = new Int32Array(n);
      const tfs = new Int32Array(n);
      const ws = new Float64Array(n);
      const wo = wOrds[tid * F + f] ?? [];
      const wv = wVals[tid * F + f] ?? [];
      let j = 0;
      for (let i = 0; i < n; i++) {
        const [o, k] = order[i]!;
        ords[i] = o;
        const pos = (fp[keys[k]!] as { position?: unknown } | undefined)?.position;
        const tf = Array.isArray(pos) ? pos.length : -1;
        if (tf < 1) tfKnown = false;
        tfs[i] = tf;
        fieldLengths[o * F + f] = fieldLengths[o * F + f]! + Math.max(tf, 0);
        while (j < wo.length && wo[j]! < o) j++;
        ws[i] = j < wo.length && wo[j] === o ? wv[j]! : 0;
        if (stamp[o] !== ti) {
          stamp[o] = ti;
          df++;
        }
      }
      postingCount += n;
      perField.push({ ords, tfs, ws });
    }
    data.push({ term, tid, df, fields: perField });
  }

  // Can every weight be recomputed from tf, the field length and the term's idf exactly as
  // lunr.Builder#createFieldVectors did? Then postings store tf instead of the weight.
  let tfModel: TfModel | null = null;
  if (tfKnown && N > 0) tfModel = inferTfModel(data, fields, fieldLengths, N);
  if (tfModel) weights = 'tf';

  for (const t of SEARCH_TABLES) db.exec(`DROP TABLE IF EXISTS ${t}`);
  db.exec(SEARCH_SCHEMA);

  const dfOf = new Map<string, number>();
  const insTerm = db.prepare('INSERT INTO search_terms (term, tid, df) VALUES (?, ?, ?)');
  const insPost = db.prepare('INSERT INTO search_postings (tid, data) VALUES (?, ?)');
  const w = new ByteWriter(1 << 16);
  for (const t of data) {
    w.reset();
    let mask = 0;
    t.fields.forEach((fp, f) => {
      if (fp.ords.length > 0) mask |= 1 << f;
    });
    w.uint(mask);
    if (tfModel) w.float64(tfModel.idf.get(t.term)!);
    for (let f = 0; f < F; f++) {
      const { ords, tfs, ws } = t.fields[f]!;
      const n = ords.length;
      if (n === 0) continue;
      w.uint(n);
      let prev = 0;
      for (let i = 0; i < n; i++) {
        const delta = i === 0 ? ords[i]! : ords[i]! - prev;
        prev = ords[i]!;
        if (tfModel) {
          const tf = tfs[i]!;
          w.uint(delta * 2 + (tf === 1 ? 0 : 1));
          if (tf !== 1) w.uint(tf - 2);
        } else w.uint(delta);
      }
      if (!tfModel) {
        for (let i = 0; i < n; i++) {
          if (weights === 'milli') w.int(Math.round(ws[i]! * 1000));
          else w.float64(ws[i]!);
        }
      }
    }
    dfOf.set(t.term, t.df);
    insTerm.run(t.term, t.tid, t.df);
    insPost.run(t.tid, w.bytes());
  }
  if (tfModel) {
    const bw = new ByteWriter(1 << 16);
    for (let i = 0; i < N * F; i++) bw.uint(fieldLengths[i]!);
    db.prepare('INSERT INTO search_blobs (name, data) VALUES (?, ?)').run('field_lengths', deflateSync(bw.bytes(), { level: 6 }));
  }

  // Doc refs by ordinal, in blocks.
  const insDocs = db.prepare('INSERT INTO search_docs (block, refs) VALUES (?, ?)');
  for (let b = 0; b * DOC_BLOCK < N; b++) insDocs.run(b, JSON.stringify(refs.slice(b * DOC_BLOCK, (b + 1) * DOC_BLOCK)));

  const insBlob = db.prepare('INSERT INTO search_blobs (name, data) VALUES (?, ?)');
  if (hasAddOrder) {
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
    for (const t of sortedTerms) bw.uint(dfOf.get(t)!);
    insBlob.run('vocab', deflateSync(Buffer.concat([bw.bytes(), text]), { level: 6 }));
  }

  // Most frequent completions of prefixes that have many terms (as-you-type on short prefixes).
  {
    const counts = new Map<string, number>();
    for (const t of sortedTerms) for (const p of prefixesOf(t)) counts.set(p, (counts.get(p) ?? 0) + 1);
    const big = new Map<string, string[]>();
    for (const [p, c] of counts) if (c > PREFIX_TABLE_MIN_TERMS) big.set(p, []);
    if (big.size > 0) {
      const byFreq = sortedTerms.slice().sort((a, b) => dfOf.get(b)! - dfOf.get(a)! || compareStrings(a, b));
      for (const t of byFreq) {
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
    termCount: sortedTerms.length,
    postingCount,
    weights,
    hasAddOrder,
    ...(tfModel ? { tf: { k1: tfModel.k1, b: tfModel.b, avgFieldLength: tfModel.avg, fieldBoost: tfModel.boost } } : {}),
  };
  const insMeta = db.prepare('INSERT INTO search_meta (key, value) VALUES (?, ?)');
  insMeta.run('format', SEARCH_FORMAT);
  insMeta.run('meta', JSON.stringify(meta));
  return meta;
}

/** Every non-empty prefix of `t` (including `t`) that does not end inside a surrogate pair. */
export function* prefixesOf(t: string): Generator<string> {
  for (let i = 1; i <= t.length; i++) {
    const c = t.charCodeAt(i - 1);
    if (c >= 0xd800 && c <= 0xdbff) continue;
    yield t.slice(0, i);
  }
}

export interface TfModel {
  k1: number;
  b: number;
  avg: number[];
  boost: number[];
  idf: Map<string, number>;
}

/** lunr.Builder#createFieldVectors' weight, with the same operations in the same order. */
export function lunrWeight(idf: number, tf: number, fieldLength: number, avg: number, boost: number, k1: number, b: number): number {
  let score = (idf * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (fieldLength / avg)) + tf);
  score *= boost;
  return Math.round(score * 1000) / 1000;
}

/**
 * Finds lunr's parameters (k1, b, field boosts; document boosts 1) under which every stored weight
 * is recomputed bit for bit from tf, field length and idf. null when none fits.
 */
function inferTfModel(
  data: { term: string; fields: { ords: Int32Array; tfs: Int32Array; ws: Float64Array }[] }[],
  fields: string[],
  fieldLengths: Float64Array,
  N: number,
): TfModel | null {
  const F = fields.length;
  const k1 = 1.2;
  const b = 0.75;
  const avg: number[] = [];
  for (let f = 0; f < F; f++) {
    let sum = 0;
    for (let d = 0; d < N; d++) sum += fieldLengths[d * F + f]!;
    avg.push(sum / N);
  }
  const idf = new Map<string, number>();
  for (const t of data) {
    let documentsWithTerm = 0;
    for (const fp of t.fields) documentsWithTerm += fp.ords.length;
    const x = (N - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
    idf.set(t.term, Math.log(1 + Math.abs(x)));
  }
  const boost: number[] = [];
  for (let f = 0; f < F; f++) {
    // Candidate boosts: 1 and the ratio seen on the posting with the largest weight, rounded.
    let best = { w: 0, base: 0 };
    for (const t of data) {
      const fp = t.fields[f]!;
      for (let i = 0; i < fp.ords.length; i++) {
        if (fp.ws[i]! > best.w) {
          const base = lunrWeightRaw(idf.get(t.term)!, fp.tfs[i]!, fieldLengths[fp.ords[i]! * F + f]!, avg[f]!, k1, b);
          best = { w: fp.ws[i]!, base };
        }
      }
    }
    const candidates = new Set<number>([1]);
    for (let q = 1; q <= 40; q++) candidates.add(q / 4);
    if (best.base > 0) {
      const r = best.w / best.base;
      for (const scale of [1, 10, 100, 1000, 10000]) candidates.add(Math.round(r * scale) / scale);
    }
    let found: number | null = null;
    for (const c of candidates) {
      if (!(c > 0)) continue;
      let ok = true;
      for (const t of data) {
        const fp = t.fields[f]!;
        const i0 = idf.get(t.term)!;
        for (let i = 0; i < fp.ords.length && ok; i++) {
          if (lunrWeight(i0, fp.tfs[i]!, fieldLengths[fp.ords[i]! * F + f]!, avg[f]!, c, k1, b) !== fp.ws[i]) ok = false;
        }
        if (!ok) break;
      }
      if (ok) {
        found = c;
        break;
      }
    }
    if (found === null) {
      if (process.env.FOLIO_DEBUG_TF) {
        // Report the first mismatch under each candidate.
        for (const c of candidates) {
          outer: for (const t of data) {
            const fp = t.fields[f]!;
            for (let i = 0; i < fp.ords.length; i++) {
              const got = lunrWeight(idf.get(t.term)!, fp.tfs[i]!, fieldLengths[fp.ords[i]! * F + f]!, avg[f]!, c, k1, b);
              if (got !== fp.ws[i]) {
                console.error('tf model: field', fields[f], 'boost', c, 'term', t.term, 'tf', fp.tfs[i], 'len', fieldLengths[fp.ords[i]! * F + f], 'want', fp.ws[i], 'got', got);
                break outer;
              }
            }
          }
        }
      }
      return null;
    }
    boost.push(found);
  }
  return { k1, b, avg, boost, idf };
}

function lunrWeightRaw(idf: number, tf: number, fieldLength: number, avg: number, k1: number, b: number): number {
  return (idf * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (fieldLength / avg)) + tf);
}
