/**
 * lunr's TokenSet intersection, walked over a sorted term list instead of a materialised trie.
 *
 * A node of the implicit trie is a range [lo, hi) of the sorted list whose terms share their first
 * `depth` UTF-16 code units (lunr's TokenSet edges are code units too). Its children are the runs
 * of equal `charCodeAt(depth)`, found by binary search. The query side is a real lunr TokenSet
 * (TokenSet.fromFuzzyString / fromString), so edit-distance and wildcard semantics are lunr's own;
 * only the index side is implicit. The result is the set lunr's `tokenSet.intersect(q).toArray()`
 * gives.
 */
import type { LunrTokenSet } from './lunr-internals';

/** Terms must be sorted by JS string comparison (UTF-16 code units) and unique. */
export function intersectSorted(terms: readonly string[], query: LunrTokenSet): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  type Frame = { q: LunrTokenSet; lo: number; hi: number; depth: number };
  const stack: Frame[] = [{ q: query, lo: 0, hi: terms.length, depth: 0 }];

  const visit = (q: LunrTokenSet, lo: number, hi: number, depth: number): void => {
    const key = `${q.id}|${lo}|${depth}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (q.final && terms[lo]!.length === depth) out.add(terms[lo]!);
    stack.push({ q, lo, hi, depth });
  };

  while (stack.length > 0) {
    const { q, lo, hi, depth } = stack.pop()!;
    // Terms in [start, hi) are longer than depth; their code unit at depth is non-decreasing.
    const start = lo < hi && terms[lo]!.length === depth ? lo + 1 : lo;
    if (start >= hi) continue;
    for (const edge of Object.keys(q.edges)) {
      const qNext = q.edges[edge]!;
      if (edge === '*') {
        let i = start;
        while (i < hi) {
          const c = terms[i]!.charCodeAt(depth);
          const j = upperBound(terms, i, hi, depth, c);
          visit(qNext, i, j, depth + 1);
          i = j;
        }
      } else {
        const c = edge.charCodeAt(0);
        const i = lowerBound(terms, start, hi, depth, c);
        if (i < hi && terms[i]!.charCodeAt(depth) === c) visit(qNext, i, upperBound(terms, i, hi, depth, c), depth + 1);
      }
    }
  }
  return [...out];
}

function lowerBound(terms: readonly string[], lo: number, hi: number, depth: number, c: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]!.charCodeAt(depth) < c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(terms: readonly string[], lo: number, hi: number, depth: number, c: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]!.charCodeAt(depth) <= c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
