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

  for (const t of SEARCH_TABLES) db.exec(`DROP TABLE IF EXISTS ${t}`);
  db.exec(SEARCH_SCHEMA);

  const sortedTerms = terms.slice().sort(compareStrings);
  const dfOf = new Map<string, number>();
  const insTerm = db.prepare('INSERT INTO search_terms (term, tid, df) VALUES (?, ?, ?)');
  const insPost = db.prepare('INSERT INTO search_postings (tid, data) VALUES (?, ?)');
  const w = new ByteWriter(1 << 16);
  const stamp = new Int32Array(N).fill(-1);
  let postingCount = 0;

  for (let ti = 0; ti < sortedTerms.length; ti++) {
    const term = sortedTerms[ti]!;
    const posting = ix.invertedIndex[term]!;
    const tid = posting._index;
    w.reset();
    let mask = 0;
    const perField: number[][] = [];
    for (let f = 0; f < F; f++) {
      const fp = posting[fields[f]!];
      const keys = fp ? Object.keys(fp) : [];
      const ords = keys.map((k) => refToOrd.get(k) ?? -1);
      let sorted = true;
      for (let i = 0; i < ords.length; i++) {
        if (ords[i]! < 0) throw new Error(`search index: posting of "${term}" names an unknown document`);
        if (i > 0 && ords[i]! <= ords[i - 1]!) sorted = false;
      }
      if (!sorted) ords.sort((a, b) => a - b);
      perField.push(ords);
      if (ords.length > 0) mask |= 1 << f;
    }
    w.uint(mask);
    let df = 0;
    for (let f = 0; f < F; f++) {
      const ords = perField[f]!;
      if (ords.length === 0) continue;
      w.uint(ords.length);
      let prev = 0;
      for (let i = 0; i < ords.length; i++) {
        const o = ords[i]!;
        w.uint(i === 0 ? o : o - prev);
        prev = o;
        if (stamp[o] !== ti) {
          stamp[o] = ti;
          df++;
        }
      }
      // Weights aligned with the posting's docs (0 where lunr has no vector element).
      const wo = wOrds[tid * F + f] ?? [];
      const wv = wVals[tid * F + f] ?? [];
      let j = 0;
      for (let i = 0; i < ords.length; i++) {
        const o = ords[i]!;
        while (j < wo.length && wo[j]! < o) j++;
        const val = j < wo.length && wo[j] === o ? wv[j]! : 0;
        if (weights === 'milli') w.int(Math.round(val * 1000));
        else w.float64(val);
      }
      postingCount += ords.length;
    }
    dfOf.set(term, df);
    insTerm.run(term, tid, df);
    insPost.run(tid, w.bytes());
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
