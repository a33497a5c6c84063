/**
 * lunr.Set over document ordinals, for a query's required and prohibited matches: 'all' is
 * lunr.Set.complete, anything else a bitmap of one byte per document (1: in the set).
 */
export type DocumentSet = 'all' | Uint8Array;

/** lunr.Set#intersect. */
export function intersect(a: DocumentSet, b: DocumentSet): DocumentSet {
  if (a === 'all') return b;
  if (b === 'all') return a;
  const both = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) both[i] = a[i]! & b[i]!;
  return both;
}
