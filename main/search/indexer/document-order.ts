/**
 * Document ordinals, the numbers postings store instead of refs. lunr scores documents in the order
 * it meets them in a posting, which is the order V8 enumerates the posting's ref keys: "array index"
 * keys ("0", "17") first, ascending, then the others in insertion (add) order. Ordinals follow that
 * order, so a posting walked by ordinal meets documents as lunr does, and ties keep lunr's order.
 */

/** Whether V8 lists `s` as an "array index" key: before the other keys, ascending. */
export function isArrayIndexKey(s: string): boolean {
  if (s.length === 0 || s.length > 10) return false;
  if (!/^(?:0|[1-9][0-9]*)$/.test(s)) return false;
  return Number(s) <= 4294967294;
}

export interface DocumentOrder {
  /** Document refs by ordinal. */
  refs: string[];
  /** True when that differs from add order (some refs are array-index keys). */
  reordered: boolean;
}

/** The ordinal order of documents added in `addOrder`. */
export function documentOrder(addOrder: string[]): DocumentOrder {
  const numeric = addOrder.filter(isArrayIndexKey).sort((a, b) => Number(a) - Number(b));
  if (numeric.length === 0) return { refs: addOrder, reordered: false };
  return { refs: [...numeric, ...addOrder.filter((r) => !isArrayIndexKey(r))], reordered: true };
}
