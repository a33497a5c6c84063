/**
 * PackEngine: lunr's Index#query, reproduced over the pack's `search_` tables and read on demand.
 * See pack-index.ts for the design and the exactness argument.
 */
import { inflateRawSync, inflateSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { EngineMatch, IndexEngine, SearchField, TermClause } from '../types';
import { PREFIX_TABLE_TOP, REF_CHUNK, refChunkName, SEARCH_FORMAT, type SearchMeta } from './pack-format';
import { SearchFormatError, SearchIndexError } from '../../model/errors';
import { compareStrings } from './pack-writer';
import { fuzzyAutomaton, intersectSorted, type QueryNode } from './sorted-trie';
import { decodeFieldLengths } from './field-lengths';
import { ByteReader } from './varint';

/** One term's decoded posting: per field, doc ordinals (ascending) and lunr's weights. */
export interface Postings {
  term: string;
  tid: number;
  /** Documents with the term in any field. */
  df: number;
  /** Σ over fields of the field posting sizes (lunr.idf's documentsWithTerm). */
  fieldDocs: number;
  ords: (Int32Array | null)[];
  weights: (Float64Array | null)[];
  bytes: number;
}

export interface PackEngineOptions {
  /** Budget of the decoded-postings LRU, in bytes of typed arrays. */
  cacheBytes?: number;
}

const EMPTY_I32 = new Int32Array(0);
/** Fuzzy expansion limits (see expandFuzzy). */
export const MAX_FUZZY_DISTANCE = 4;
export const MAX_FUZZY_WORD = 48;

/** lunr.Set stand-in: undefined = not set, 'all' = lunr.Set.complete, else a bitmap over ordinals. */
type DocSet = 'all' | Uint8Array;

/** What decoding a posting blob needs besides the blob. */
export interface DecodeContext {
  F: number;
  meta: SearchMeta;
  /** documentCount × fields, for `weights: 'tf'`. */
  fieldLengths: () => Int32Array;
}

export function decodePostings(term: string, tid: number, df: number, data: Uint8Array, ctx: DecodeContext): Postings {
  const { F, meta } = ctx;
  const r = new ByteReader(data);
  const mask = r.uint();
  if (mask >> F) throw new Error(`posting of "${term}" names an unknown field`);
  const ords: (Int32Array | null)[] = new Array(F).fill(null);
  const ws: (Float64Array | null)[] = new Array(F).fill(null);
  const tf = meta.weights === 'tf' ? meta.tf : undefined;
  if (meta.weights === 'tf' && !tf) throw new Error('search index: tf parameters missing');
  const idf = tf ? r.float64() : 0;
  const lengths = tf ? ctx.fieldLengths() : null;
  let fieldDocs = 0;
  let bytes = 64;
  for (let f = 0; f < F; f++) {
    if (!(mask & (1 << f))) continue;
    const n = r.uint();
    const o = new Int32Array(n);
    const w = new Float64Array(n);
    if (tf && lengths) {
      const k1 = tf.k1;
      const b = tf.b;
      const avg = tf.avgFieldLength[f]!;
      const boost = tf.fieldBoost[f]!;
      let prev = 0;
      let i = 0;
      // Consecutive documents often share tf and field length (a section's passages share its
      // title): the weight is recomputed only when an input changes (same inputs, same double).
      let lastT = -1;
      let lastLen = -1;
      let lastW = 0;
      while (i < n) {
        const v = r.uint();
        const tag = v % 4;
        const delta = (v - tag) / 4;
        prev = i === 0 ? delta : prev + delta;
        let t = 1;
        let run = 0;
        if (tag === 1) t = r.uint() + 2;
        else if (tag === 2) run = r.uint() + 1;
        else if (tag !== 0) throw new Error(`posting of "${term}" is malformed`);
        if (i + run >= n) throw new Error(`posting of "${term}" overruns its count`);
        for (let k = 0; k <= run; k++, i++) {
          const d = prev + k;
          o[i] = d;
          const len = lengths[d * F + f];
          if (len === undefined) throw new Error(`posting of "${term}" names an unknown document`);
          if (t !== lastT || len !== lastLen) {
            // lunr.Builder#createFieldVectors, operation for operation (document boost 1).
            let score = (idf * ((k1 + 1) * t)) / (k1 * (1 - b + b * (len / avg)) + t);
            score *= boost;
            lastW = Math.round(score * 1000) / 1000;
            lastT = t;
            lastLen = len;
          }
          w[i] = lastW;
        }
        prev += run;
      }
    } else {
      let prev = 0;
      for (let i = 0; i < n; i++) {
        prev = i === 0 ? r.uint() : prev + r.uint();
        o[i] = prev;
      }
      if (meta.weights === 'milli') for (let i = 0; i < n; i++) w[i] = r.int() / 1000;
      else for (let i = 0; i < n; i++) w[i] = r.float64();
    }
    ords[f] = o;
    ws[f] = w;
    fieldDocs += n;
    bytes += n * 12;
  }
  return { term, tid, df, fieldDocs, ords, weights: ws, bytes };
}

export class PackEngine implements IndexEngine {
  readonly documentCount: number;
  readonly meta: SearchMeta;
  private readonly fields: SearchField[];
  private readonly fieldIndex = new Map<string, number>();
  private readonly F: number;

  private readonly stPosting: Database.Statement;
  private readonly stTerm: Database.Statement;
  private readonly stRange: Database.Statement;
  private readonly stRangeOpen: Database.Statement;
  private readonly stPrefix: Database.Statement;
  private readonly stBlob: Database.Statement;

  private readonly cache = new Map<string, Postings | null>();
  private cacheBytes = 0;
  private readonly cacheBudget: number;
  private readonly refChunks: (RefList | undefined)[] = [];
  private vocab: { terms: string[]; df: Uint32Array; maxLength: number } | null = null;
  private addOrder: Int32Array | null = null;
  private lengths: Int32Array | null = null;
  private readonly decodeCtx: DecodeContext;

  // Per-query scratch, sized documentCount × fields, allocated at the first query.
  private epoch = 0;
  private frStamp: Int32Array | null = null;
  private frAcc: Float64Array | null = null;
  private docStamp: Int32Array | null = null;
  private docScore: Float64Array | null = null;
  private frOrder: Int32Array | null = null;
  private resultDocs: Int32Array | null = null;
  private sortScratch: SortScratch | null = null;

  constructor(db: Database.Database, options: PackEngineOptions = {}) {
    const fmt = db.prepare("SELECT value FROM search_meta WHERE key = 'format'").pluck().get() as string | undefined;
    if (fmt !== SEARCH_FORMAT) throw new SearchFormatError(String(fmt), SEARCH_FORMAT);
    const meta = JSON.parse(
      db.prepare("SELECT value FROM search_meta WHERE key = 'meta'").pluck().get() as string,
    ) as SearchMeta;
    this.meta = meta;
    this.fields = meta.fields as SearchField[];
    this.F = this.fields.length;
    this.fields.forEach((f, i) => this.fieldIndex.set(f, i));
    this.documentCount = meta.docCount;
    this.cacheBudget = options.cacheBytes ?? 12 * 1024 * 1024;
    this.stPosting = db.prepare(
      'SELECT t.tid AS tid, t.df AS df, p.data AS data FROM search_terms t JOIN search_postings p ON p.tid = t.tid WHERE t.term = ?',
    );
    this.stTerm = db.prepare('SELECT df FROM search_terms WHERE term = ?').pluck();
    this.stRange = db.prepare('SELECT term, df FROM search_terms WHERE term >= ? AND term < ?').raw();
    this.stRangeOpen = db.prepare('SELECT term, df FROM search_terms WHERE term >= ?').raw();
    this.stPrefix = db.prepare('SELECT terms FROM search_prefix WHERE prefix = ?').pluck();
    this.stBlob = db.prepare('SELECT data FROM search_blobs WHERE name = ?').pluck();
    this.decodeCtx = { F: this.F, meta, fieldLengths: () => this.fieldLengths() };
  }

  /** Runs a read of stored index data; whatever goes wrong is a SearchIndexError (a damaged index). */
  private read<T>(what: () => T): T {
    try {
      return what();
    } catch (error) {
      throw error instanceof SearchIndexError ? error : new SearchIndexError(error);
    }
  }

  /** Token counts per document and field (lunr's fieldLengths), loaded at the first tf decode. */
  private fieldLengths(): Int32Array {
    if (this.lengths) return this.lengths;
    this.lengths = this.read(() => {
      const blob = this.stBlob.get('field_lengths') as Buffer | undefined;
      if (!blob) throw new Error('field lengths missing');
      return decodeFieldLengths(blob, this.documentCount * this.F);
    });
    return this.lengths;
  }

  // ---- vocabulary -------------------------------------------------------------------------

  hasTerm(term: string): boolean {
    const hit = this.cache.get(term);
    if (hit !== undefined) return hit !== null;
    return this.read(() => this.stTerm.get(term)) !== undefined;
  }

  documentFrequency(term: string): number {
    const hit = this.cache.get(term);
    if (hit !== undefined) return hit ? hit.df : 0;
    return (this.read(() => this.stTerm.get(term)) as number | undefined) ?? 0;
  }

  expandPrefix(prefix: string, limit: number): string[] {
    // As MemoryEngine: no empty prefix, no wildcards.
    if (!prefix || prefix.includes('*') || !(limit > 0)) return [];
    if (limit <= PREFIX_TABLE_TOP && prefix.length > 0) {
      const top = this.read(() => {
        const stored = this.stPrefix.get(prefix) as string | undefined;
        return stored === undefined ? undefined : (JSON.parse(stored) as string[]);
      });
      if (top !== undefined) return top.slice(0, limit);
    }
    const upper = nextPrefix(prefix);
    const rows = this.read(() => (upper === null ? this.stRangeOpen.all(prefix) : this.stRange.all(prefix, upper))) as [
      string,
      number,
    ][];
    const out = rows.filter((r) => r[0].startsWith(prefix));
    out.sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]));
    return out.slice(0, limit).map((r) => r[0]);
  }

  /**
   * As MemoryEngine, with guards lunr lacks (its fuzzy automaton never terminates for a NaN or
   * infinite distance and grows quadratically with the word): the distance is taken as 0 unless
   * finite, and at most MAX_FUZZY_DISTANCE; a word longer than any term by more than the distance
   * matches nothing; a word over MAX_FUZZY_WORD characters is looked up exactly.
   */
  expandFuzzy(term: string, maxDistance: number, limit: number): string[] {
    if (!term || term.includes('*') || !(limit > 0)) return [];
    let d = Number.isFinite(maxDistance) ? Math.min(MAX_FUZZY_DISTANCE, Math.max(0, Math.floor(maxDistance))) : 0;
    const vocab = this.loadVocab();
    if (term.length - d > vocab.maxLength) return [];
    if (term.length > MAX_FUZZY_WORD) d = 0;
    return this.byFrequency(this.expandPattern(fuzzyAutomaton(term, d)), limit);
  }

  /** Terms of the index accepted by a lunr TokenSet automaton (lunr's tokenSet.intersect). */
  expandPattern(q: QueryNode): string[] {
    return intersectSorted(this.loadVocab().terms, q);
  }

  private byFrequency(terms: string[], limit: number): string[] {
    const v = this.loadVocab();
    const dfOf = (t: string): number => {
      const i = lowerBoundStr(v.terms, t);
      return v.terms[i] === t ? v.df[i]! : 0;
    };
    return terms
      .map((t) => ({ t, df: dfOf(t) }))
      .sort((a, b) => b.df - a.df || compareStrings(a.t, b.t))
      .slice(0, limit)
      .map((x) => x.t);
  }

  private loadVocab(): { terms: string[]; df: Uint32Array; maxLength: number } {
    if (this.vocab) return this.vocab;
    this.vocab = this.read(() => this.decodeVocab());
    return this.vocab;
  }

  private decodeVocab(): { terms: string[]; df: Uint32Array; maxLength: number } {
    const blob = this.stBlob.get('vocab') as Buffer | undefined;
    if (!blob) throw new Error('search index: vocabulary missing');
    const raw = inflateSync(blob);
    const r = new ByteReader(raw);
    const textLen = r.uint();
    const start = raw.length - textLen;
    const terms = JSON.parse(raw.subarray(start).toString('utf8')) as string[];
    const df = new Uint32Array(terms.length);
    let maxLength = 0;
    for (let i = 0; i < terms.length; i++) {
      df[i] = r.uint();
      if (terms[i]!.length > maxLength) maxLength = terms[i]!.length;
    }
    return { terms, df, maxLength };
  }

  // ---- postings ---------------------------------------------------------------------------

  postings(term: string): Postings | null {
    const hit = this.cache.get(term);
    if (hit !== undefined) {
      this.cache.delete(term);
      this.cache.set(term, hit);
      return hit;
    }
    const p = this.read(() => {
      const row = this.stPosting.get(term) as { tid: number; df: number; data: Buffer } | undefined;
      return row ? decodePostings(term, row.tid, row.df, row.data, this.decodeCtx) : null;
    });
    this.remember(term, p);
    return p;
  }

  private remember(term: string, p: Postings | null): void {
    const size = p ? p.bytes : 64;
    if (size > this.cacheBudget / 4) return;
    this.cache.set(term, p);
    this.cacheBytes += size;
    while (this.cacheBytes > this.cacheBudget && this.cache.size > 0) {
      const [k, v] = this.cache.entries().next().value as [string, Postings | null];
      this.cache.delete(k);
      this.cacheBytes -= v ? v.bytes : 64;
    }
  }

  /** The ref of document `ord`, from its chunk of refs (decoded at the chunk's first need). */
  ref(ord: number): string {
    if (!(ord >= 0 && ord < this.documentCount)) throw new SearchIndexError(`document ${ord} missing`);
    const c = Math.floor(ord / REF_CHUNK);
    const chunk = this.refChunks[c] ?? this.loadRefChunk(c);
    const r = chunk.at(ord - c * REF_CHUNK);
    if (r === undefined) throw new SearchIndexError(`document ${ord} missing`);
    return r;
  }

  private loadRefChunk(c: number): RefList {
    const chunk = this.read(() => {
      const blob = this.stBlob.get(refChunkName(c)) as Buffer | undefined;
      if (!blob) throw new Error(`document refs missing (chunk ${c})`);
      return RefList.decode(inflateRawSync(blob), Math.min(REF_CHUNK, this.documentCount - c * REF_CHUNK));
    });
    this.refChunks[c] = chunk;
    return chunk;
  }

  private docsInAddOrder(): Int32Array {
    if (this.addOrder) return this.addOrder;
    const N = this.documentCount;
    const order = new Int32Array(N);
    if (this.meta.hasAddOrder) {
      this.read(() => {
        const r = new ByteReader(this.stBlob.get('add_order') as Buffer);
        for (let i = 0; i < N; i++) order[i] = r.uint();
      });
    } else for (let i = 0; i < N; i++) order[i] = i;
    this.addOrder = order;
    return order;
  }

  // ---- query ------------------------------------------------------------------------------

  query(clauses: TermClause[]): EngineMatch[] {
    if (clauses.length === 0) return [];
    const F = this.F;
    const N = this.documentCount;
    if (!this.frStamp || this.epoch >= 0x7ffffff0) {
      this.frStamp = new Int32Array(N * F);
      this.frAcc = new Float64Array(N * F);
      this.docStamp = new Int32Array(N);
      this.docScore = new Float64Array(N);
      this.frOrder = new Int32Array(N * F);
      this.resultDocs = new Int32Array(N);
      this.sortScratch = new SortScratch(N);
      this.epoch = 0;
    }
    const epoch = ++this.epoch;
    const frStamp = this.frStamp;
    const frAcc = this.frAcc!;
    const docStamp = this.docStamp!;
    const docScore = this.docScore!;

    // Query vectors: per field, term index → summed clause boosts.
    const qv: Map<number, { value: number; p: Postings }>[] = [];
    for (let f = 0; f < F; f++) qv.push(new Map());
    const termFieldSeen = new Set<number>();
    const frOrder = this.frOrder!;
    let frCount = 0;
    const required: (DocSet | undefined)[] = new Array(F).fill(undefined);
    const prohibited: (Uint8Array | undefined)[] = new Array(F).fill(undefined);
    const matchedPairs: { term: string; field: SearchField; ords: Int32Array }[] = [];

    for (const clause of clauses) {
      const fieldIdx: number[] = [];
      for (const name of clause.fields && clause.fields.length ? clause.fields : this.fields) {
        const i = this.fieldIndex.get(name);
        if (i !== undefined) fieldIdx.push(i);
      }
      const presence = clause.presence;
      const term = String(clause.term);
      const expanded: Postings[] = [];
      if (term.includes('*')) {
        // MemoryEngine passes editDistance 0, so lunr builds TokenSet.fromFuzzyString(term, 0), in
        // which a literal '*' edge matches any one character.
        for (const t of this.expandPattern(fuzzyAutomaton(term, 0))) {
          const p = this.postings(t);
          if (p) expanded.push(p);
        }
      } else if (term !== '') {
        // (lunr's TokenSet intersection never yields the empty term.)
        const p = this.postings(term);
        if (p) expanded.push(p);
      }
      let clauseMatches: Uint8Array | null = null;
      if (expanded.length === 0 && presence === 'required') {
        for (const f of fieldIdx) required[f] = new Uint8Array(N);
        continue;
      }
      for (const p of expanded) {
        for (const f of fieldIdx) {
          const ords = p.ords[f] ?? EMPTY_I32;
          if (presence === 'required') {
            clauseMatches ??= new Uint8Array(N);
            for (let i = 0; i < ords.length; i++) clauseMatches[ords[i]!] = 1;
            if (required[f] === undefined) required[f] = 'all';
          }
          if (presence === 'prohibited') {
            const set = (prohibited[f] ??= new Uint8Array(N));
            for (let i = 0; i < ords.length; i++) set[ords[i]!] = 1;
            continue;
          }
          const entry = qv[f]!.get(p.tid);
          if (entry) entry.value = entry.value + clause.boost;
          else qv[f]!.set(p.tid, { value: clause.boost, p });
          const tf = p.tid * F + f;
          if (termFieldSeen.has(tf)) continue;
          termFieldSeen.add(tf);
          if (ords.length > 0) matchedPairs.push({ term: p.term, field: this.fields[f]!, ords });
          for (let i = 0; i < ords.length; i++) {
            const k = ords[i]! * F + f;
            if (frStamp[k] !== epoch) {
              frStamp[k] = epoch;
              frAcc[k] = 0;
              frOrder[frCount++] = k;
            }
          }
        }
      }
      if (presence === 'required') {
        const cm = clauseMatches ?? new Uint8Array(N);
        for (const f of fieldIdx) required[f] = intersect(required[f]!, cm);
      }
    }

    let allRequired: DocSet = 'all';
    let allProhibited: Uint8Array | null = null;
    for (let f = 0; f < F; f++) {
      const r = required[f];
      if (r !== undefined) allRequired = intersect(allRequired, r);
      const p = prohibited[f];
      if (p) {
        if (!allProhibited) allProhibited = p.slice();
        else for (let i = 0; i < N; i++) allProhibited[i] = allProhibited[i]! | p[i]!;
      }
    }
    const reqBits = allRequired === 'all' ? null : allRequired;
    const negated = clauses.every((c) => c.presence === 'prohibited');

    const resultDocs = this.resultDocs!;
    let resultCount = 0;
    if (negated) {
      // lunr scores every field of every document (in add order) with an empty query vector: 0.
      const order = this.docsInAddOrder();
      for (let i = 0; i < order.length; i++) {
        const d = order[i]!;
        if (reqBits && !reqBits[d]) continue;
        if (allProhibited && allProhibited[d]) continue;
        docScore[d] = 0;
        resultDocs[resultCount++] = d;
      }
    } else {
      // Dot products, adding terms in ascending term index like lunr.Vector#dot.
      const magnitude = new Float64Array(F);
      for (let f = 0; f < F; f++) {
        const entries = [...qv[f]!.entries()].sort((a, b) => a[0] - b[0]);
        let sumSq = 0;
        for (const [, e] of entries) sumSq += e.value * e.value;
        magnitude[f] = Math.sqrt(sumSq);
        for (const [, e] of entries) {
          const ords = e.p.ords[f];
          const ws = e.p.weights[f];
          if (!ords || !ws) continue;
          const v = e.value;
          for (let i = 0; i < ords.length; i++) {
            const k = ords[i]! * F + f;
            frAcc[k] = frAcc[k]! + v * ws[i]!;
          }
        }
      }
      for (let i = 0; i < frCount; i++) {
        const k = frOrder[i]!;
        const d = (k / F) | 0;
        if (reqBits && !reqBits[d]) continue;
        if (allProhibited && allProhibited[d]) continue;
        const s = frAcc[k]! / magnitude[k - d * F]! || 0;
        if (docStamp[d] !== epoch) {
          docStamp[d] = epoch;
          docScore[d] = s;
          resultDocs[resultCount++] = d;
        } else docScore[d] = docScore[d]! + s;
      }
    }

    const sorted = sortByScoreDesc(resultDocs.subarray(0, resultCount), docScore, this.sortScratch!);
    const out: EngineMatch[] = new Array(sorted.length);
    const ctx = new MatchContext(negated ? [] : matchedPairs, sorted.length, this);
    for (let i = 0; i < sorted.length; i++) {
      const d = sorted[i]!;
      out[i] = new PackMatch(docScore[d]!, d, ctx);
    }
    return out;
  }
}

/**
 * The matched terms of one query's results, computed for all of them at the first read of any
 * `matched` (a searcher that reads one usually reads all): one pass over the query's postings.
 */
class MatchContext {
  private byOrd: Map<number, Map<string, SearchField[]>> | null = null;
  constructor(
    private readonly pairs: readonly { term: string; field: SearchField; ords: Int32Array }[],
    private readonly size: number,
    readonly engine: { ref(ord: number): string },
  ) {}

  get(ord: number): Map<string, SearchField[]> {
    if (!this.byOrd) {
      const byOrd = new Map<number, Map<string, SearchField[]>>();
      if (this.size > 0) {
        for (const p of this.pairs) {
          const ords = p.ords;
          for (let i = 0; i < ords.length; i++) {
            const d = ords[i]!;
            let m = byOrd.get(d);
            if (!m) byOrd.set(d, (m = new Map()));
            const list = m.get(p.term);
            if (!list) m.set(p.term, [p.field]);
            else if (!list.includes(p.field)) list.push(p.field);
          }
        }
      }
      this.byOrd = byOrd;
    }
    let m = this.byOrd.get(ord);
    if (!m) this.byOrd.set(ord, (m = new Map()));
    return m;
  }

  set(ord: number, value: Map<string, SearchField[]>): void {
    this.get(ord);
    this.byOrd!.set(ord, value);
  }
}

class PackMatch implements EngineMatch {
  constructor(
    public score: number,
    private readonly ord: number,
    private readonly ctx: MatchContext,
  ) {}

  /** Read when the searcher needs it: a ranking walk that stops early never decodes the rest. */
  get ref(): string {
    return this.ctx.engine.ref(this.ord);
  }

  /** The query's terms found in this document, with their fields (computed on first read). */
  get matched(): Map<string, SearchField[]> {
    return this.ctx.get(this.ord);
  }

  set matched(value: Map<string, SearchField[]>) {
    this.ctx.set(this.ord, value);
  }

  toJSON(): { ref: string; score: number; matched: Record<string, SearchField[]> } {
    return { ref: this.ref, score: this.score, matched: Object.fromEntries(this.matched) };
  }
}

/** All document refs: one string and offsets; a ref is sliced out when asked for. */
export class RefList {
  private constructor(
    private readonly text: string,
    private readonly ends: Int32Array,
    private readonly list: string[] | null,
  ) {}

  static encode(refs: readonly string[]): Buffer {
    // '\n'-joined when no ref contains a newline (the usual case), else a JSON array.
    const plain = refs.every((r) => !r.includes('\n'));
    if (refs.length === 0) return Buffer.alloc(0);
    return Buffer.from(plain ? `\n${refs.join('\n')}` : JSON.stringify(refs), 'utf8');
  }

  static decode(raw: Buffer, count: number): RefList {
    const text = raw.toString('utf8');
    if (text.startsWith('[')) {
      const list = JSON.parse(text) as string[];
      if (!Array.isArray(list) || list.length !== count)
        throw new Error(`search index: document refs do not match ${count} documents`);
      return new RefList('', new Int32Array(1), list);
    }
    const ends = new Int32Array(count + 1);
    if (count === 0) {
      if (text !== '') throw new Error('search index: document refs for no documents');
      return new RefList('', ends, null);
    }
    let pos = 0;
    for (let i = 0; i < count; i++) {
      if (pos >= text.length || text.charCodeAt(pos) !== 10)
        throw new Error(`search index: document refs malformed (${i} of ${count})`);
      ends[i] = pos;
      const next = text.indexOf('\n', pos + 1);
      pos = next === -1 ? text.length : next;
    }
    if (pos !== text.length) throw new Error(`search index: more document refs than ${count}`);
    ends[count] = pos;
    return new RefList(text, ends, null);
  }

  get length(): number {
    return this.list ? this.list.length : this.ends.length - 1;
  }

  at(i: number): string | undefined {
    if (this.list) return this.list[i];
    if (!(i >= 0 && i < this.ends.length - 1)) return undefined;
    // Each ref is made into its own string once (no per-query garbage for documents seen before).
    const cache = (this.cache ??= new Array<string | undefined>(this.ends.length - 1));
    let r = cache[i];
    if (r === undefined) {
      r = this.text.slice(this.ends[i]! + 1, this.ends[i + 1]!);
      cache[i] = r;
    }
    return r;
  }

  private cache: (string | undefined)[] | null = null;
}

function intersect(a: DocSet, b: DocSet): DocSet {
  if (a === 'all') return b;
  if (b === 'all') return a;
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! & b[i]!;
  return out;
}

function lowerBoundStr(a: readonly string[], x: string): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The smallest string greater than every string starting with `prefix`, in code point order (which
 * is SQLite's BINARY order on UTF-8): the last code point incremented. null when there is none.
 */
export function nextPrefix(prefix: string): string | null {
  const cps = Array.from(prefix, (c) => c.codePointAt(0)!);
  while (cps.length > 0) {
    let last = cps.pop()!;
    if (last < 0x10ffff) {
      last += 1;
      if (last === 0xd800) last = 0xe000;
      cps.push(last);
      return String.fromCodePoint(...cps);
    }
  }
  return null;
}

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
 * Documents by score, highest first, ties in first-seen order: what lunr's stable
 * `results.sort((a, b) => b.score - a.score)` gives. Long lists use a stable LSD radix sort on the
 * scores' IEEE-754 bits, moving keys with documents so every pass reads sequentially. The result
 * may be a view into `scratch`, valid until its next use.
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
