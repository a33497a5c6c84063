/**
 * The search tables of a lunr.Index built by lunr.Builder (lunr-build.ts): its inverted index and
 * field vectors taken apart into IndexTables, which the pack's writer takes as it takes the
 * indexer's. The tests write a pack both ways and require the same tables byte for byte, so the
 * indexer is held to lunr.Builder's own numbers.
 */
import type lunr from 'lunr';
import { LUNR_B, LUNR_K1, lunrIdf, lunrWeight } from '../../main/search/format/lunr-bm25';
import type { FlatPostings } from '../../main/search/format/postings';
import type { WeightMode } from '../../main/search/format/schema';
import { compareStrings } from '../../main/search/format/sorted-strings';
import { documentOrder } from '../../main/search/indexer/document-order';
import { grown } from '../../main/search/grown-array';
import { sortSegment, type IndexTables, type TfModel } from '../../main/search/indexer/index-tables';
import { internals } from './lunr-internals';

/** lunr's field-vector element for term index `termIndex` in `elements` (sorted [index, value, …] pairs), else 0. */
function vectorValue(elements: number[] | undefined, termIndex: number): number {
  if (!elements) return 0;
  let lo = 0;
  let hi = elements.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const index = elements[mid * 2]!;
    if (index === termIndex) return elements[mid * 2 + 1]!;
    if (index < termIndex) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/** Reads a lunr.Index's inverted index and field vectors into IndexTables. */
export function tablesFromLunr(index: lunr.Index): IndexTables {
  const ix = internals(index);
  const fields = ix.fields;
  const fieldCount = fields.length;

  // Documents: lunr's add order (the order of its field vectors), then ordinals in the order V8
  // enumerates a posting's doc refs, so a posting sorted by ordinal is in lunr's own iteration order.
  const addOrder: string[] = [];
  const seen = new Set<string>();
  for (const fieldRef of Object.keys(ix.fieldVectors)) {
    const ref = fieldRef.slice(fieldRef.indexOf('/') + 1);
    if (!seen.has(ref)) {
      seen.add(ref);
      addOrder.push(ref);
    }
  }
  const { refs, reordered } = documentOrder(addOrder);
  const documentCount = refs.length;
  const ordinalOf = new Map<string, number>();
  refs.forEach((ref, ordinal) => ordinalOf.set(ref, ordinal));

  // Field vectors by document ordinal and field; are all weights exact thousandths?
  const vectors: (number[] | undefined)[] = new Array<number[] | undefined>(documentCount * fieldCount);
  let weightMode: WeightMode = 'milli';
  let capacity = 1024;
  for (let d = 0; d < documentCount; d++) {
    for (let field = 0; field < fieldCount; field++) {
      const elements = ix.fieldVectors[`${fields[field]}/${refs[d]}`]?.elements;
      vectors[d * fieldCount + field] = elements;
      if (!elements) continue;
      capacity += elements.length / 2;
      if (weightMode === 'milli') {
        for (let i = 1; i < elements.length; i += 2) {
          const weight = elements[i]!;
          if (!Number.isFinite(weight) || Math.abs(weight) > 1e12 || Math.round(weight * 1000) / 1000 !== weight) {
            weightMode = 'f64';
            break;
          }
        }
      }
    }
  }

  // Postings, term by term in JS order, into flat arrays.
  const sortedTerms = Object.keys(ix.invertedIndex).sort(compareStrings);
  const termCount = sortedTerms.length;
  const termIndices = new Int32Array(termCount);
  const documentFrequencies = new Int32Array(termCount);
  const flat: FlatPostings = {
    start: new Int32Array(termCount * fieldCount + 1),
    ordinals: new Int32Array(capacity),
    termFrequencies: new Int32Array(capacity),
    weights: new Float64Array(capacity),
  };
  const lastTermOf = new Int32Array(documentCount).fill(-1);
  const fieldLengths = new Float64Array(documentCount * fieldCount);
  let termFrequenciesKnown = true;
  let at = 0;
  for (let term = 0; term < termCount; term++) {
    const posting = ix.invertedIndex[sortedTerms[term]!]!;
    const termIndex = posting._index;
    termIndices[term] = termIndex;
    let documentFrequency = 0;
    for (let field = 0; field < fieldCount; field++) {
      flat.start[term * fieldCount + field] = at;
      const fieldPosting = posting[fields[field]!];
      if (!fieldPosting) continue;
      const keys = Object.keys(fieldPosting);
      if (at + keys.length > flat.ordinals.length) grow(flat, at + keys.length);
      const begin = at;
      let sorted = true;
      for (const key of keys) {
        const ordinal = ordinalOf.get(key);
        if (ordinal === undefined)
          throw new Error(`search index: posting of "${sortedTerms[term]}" names an unknown document`);
        if (at > begin && ordinal <= flat.ordinals[at - 1]!) sorted = false;
        // Term frequency: one `position` metadata entry per occurrence.
        const metadata = fieldPosting[key] as { position?: unknown } | undefined;
        const positions = metadata?.position;
        const tf = Array.isArray(positions) ? positions.length : -1;
        if (tf < 1) termFrequenciesKnown = false;
        flat.ordinals[at] = ordinal;
        flat.termFrequencies[at] = tf;
        flat.weights[at] = vectorValue(vectors[ordinal * fieldCount + field], termIndex);
        fieldLengths[ordinal * fieldCount + field] = fieldLengths[ordinal * fieldCount + field]! + Math.max(tf, 0);
        if (lastTermOf[ordinal] !== term) {
          lastTermOf[ordinal] = term;
          documentFrequency++;
        }
        at++;
      }
      if (!sorted) sortSegment(flat, begin, at);
    }
    documentFrequencies[term] = documentFrequency;
  }
  flat.start[termCount * fieldCount] = at;

  // Can every weight be recomputed from tf, the field length and the term's idf exactly as
  // lunr.Builder#createFieldVectors did? Then postings store tf instead of the weight.
  let tfModel: TfModel | null = null;
  if (termFrequenciesKnown && documentCount > 0)
    tfModel = inferTfModel(flat, termCount, fieldCount, fieldLengths, documentCount);
  if (tfModel) weightMode = 'tf';
  return {
    fields,
    refs,
    addOrder: reordered ? addOrder : null,
    sortedTerms,
    termIndices,
    documentFrequencies,
    flat,
    fieldLengths,
    weightMode,
    tfModel,
  };
}

function grow(flat: FlatPostings, need: number): void {
  let size = flat.ordinals.length * 2;
  while (size < need) size *= 2;
  flat.ordinals = grown(flat.ordinals, size);
  flat.termFrequencies = grown(flat.termFrequencies, size);
  flat.weights = grown(flat.weights, size);
}

/**
 * Finds lunr's parameters (k1, b, field boosts; document boosts 1) under which every stored weight
 * is recomputed bit for bit from tf, field length and idf. null when none fits.
 */
function inferTfModel(
  flat: FlatPostings,
  termCount: number,
  fieldCount: number,
  fieldLengths: Float64Array,
  documentCount: number,
): TfModel | null {
  const k1 = LUNR_K1;
  const b = LUNR_B;
  const avgFieldLength: number[] = [];
  for (let field = 0; field < fieldCount; field++) {
    let sum = 0;
    for (let d = 0; d < documentCount; d++) sum += fieldLengths[d * fieldCount + field]!;
    avgFieldLength.push(sum / documentCount);
  }
  // lunr.idf: documentsWithTerm counts a document once per field it has the term in.
  const idf = new Float64Array(termCount);
  for (let term = 0; term < termCount; term++)
    idf[term] = lunrIdf(flat.start[term * fieldCount + fieldCount]! - flat.start[term * fieldCount]!, documentCount);
  const lengthOf = (i: number, field: number): number => fieldLengths[flat.ordinals[i]! * fieldCount + field]!;
  const fits = (field: number, boost: number): boolean => {
    for (let term = 0; term < termCount; term++) {
      const begin = flat.start[term * fieldCount + field]!;
      const end = flat.start[term * fieldCount + field + 1]!;
      for (let i = begin; i < end; i++) {
        const weight = lunrWeight(
          idf[term]!,
          flat.termFrequencies[i]!,
          lengthOf(i, field),
          avgFieldLength[field]!,
          boost,
          k1,
          b,
        );
        if (weight !== flat.weights[i]) return false;
      }
    }
    return true;
  };
  const fieldBoost: number[] = [];
  for (let field = 0; field < fieldCount; field++) {
    // Candidates: 1, quarter steps up to 10, and the ratio on the posting with the largest weight.
    let best = { weight: 0, unboosted: 0 };
    for (let term = 0; term < termCount; term++) {
      for (let i = flat.start[term * fieldCount + field]!; i < flat.start[term * fieldCount + field + 1]!; i++) {
        if (flat.weights[i]! > best.weight) {
          const tf = flat.termFrequencies[i]!;
          const length = lengthOf(i, field);
          best = {
            weight: flat.weights[i]!,
            unboosted: (idf[term]! * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (length / avgFieldLength[field]!)) + tf),
          };
        }
      }
    }
    const candidates = new Set<number>([1]);
    for (let quarter = 1; quarter <= 40; quarter++) candidates.add(quarter / 4);
    if (best.unboosted > 0)
      for (const scale of [1, 10, 100, 1000, 10000])
        candidates.add(Math.round((best.weight / best.unboosted) * scale) / scale);
    let found: number | null = null;
    for (const candidate of candidates) {
      if (candidate > 0 && fits(field, candidate)) {
        found = candidate;
        break;
      }
    }
    if (found === null) return null;
    fieldBoost.push(found);
  }
  return { k1, b, avgFieldLength, fieldBoost, idf };
}
