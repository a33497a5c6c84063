/**
 * lunr's BM25, as lunr.Builder computes a field-vector element: the pack stores tf, field lengths
 * and idf and recomputes the weight with these same operations in the same order, so the double is
 * lunr's to the last bit. Only idf calls Math.log, and only while building: reading uses +, −, ×, ÷
 * and Math.round, which IEEE-754 fixes, so a pack scores the same under any JavaScript engine.
 */

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
  avgFieldLength: number,
  fieldBoost: number,
  k1: number,
  b: number,
): number {
  let score = (idf * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (fieldLength / avgFieldLength)) + tf);
  score *= fieldBoost;
  return Math.round(score * 1000) / 1000;
}
