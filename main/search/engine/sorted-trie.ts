/**
 * lunr's TokenSet intersection, walked over a sorted term list instead of a materialised trie.
 *
 * A node of the implicit trie is a range [lo, hi) of the sorted list whose terms share their first
 * `depth` UTF-16 code units (lunr's TokenSet edges are code units too). Its children are the runs
 * of equal `charCodeAt(depth)`, found by binary search. The query side is lunr's own automaton
 * (TokenSet.fromFuzzyString / fromString, ported below so that reading a pack does not load lunr;
 * the equivalence test checks them against lunr), so edit-distance and wildcard semantics are
 * lunr's; only the index side is implicit. The result is the set lunr's
 * `tokenSet.intersect(q).toArray()` gives.
 */

/** A node of a query automaton: lunr's TokenSet shape (final flag, one-character edges, id). */
export interface QueryNode {
  final: boolean;
  edges: Record<string, QueryNode>;
  id: number;
}

/** Node factory numbering nodes from 0 within one automaton. */
function nodeFactory(): () => QueryNode {
  let nextId = 0;
  return () => ({ final: false, edges: {}, id: nextId++ });
}

/**
 * lunr.TokenSet.fromString, ported statement for statement (so the read path does not load lunr):
 * a chain of characters where `*` is a self-loop matching any characters.
 */
export function wildcardAutomaton(str: string): QueryNode {
  const node = nodeFactory();
  let n = node();
  const root = n;
  for (let i = 0, len = str.length; i < len; i++) {
    const char = str[i]!;
    const final = i === len - 1;
    if (char === '*') {
      n.edges[char] = n;
      n.final = final;
    } else {
      const next = node();
      next.final = final;
      n.edges[char] = next;
      n = next;
    }
  }
  return root;
}

/**
 * lunr.TokenSet.fromFuzzyString, ported statement for statement: the strings within `editDistance`
 * insertions, deletions, substitutions and adjacent transpositions of `str`, with lunr's quirks
 * (an insertion or substitution is a `*` edge matching any one character).
 */
export function fuzzyAutomaton(str: string, editDistance: number): QueryNode {
  const node = nodeFactory();
  const root = node();
  const stack: { node: QueryNode; editsRemaining: number; str: string }[] = [
    { node: root, editsRemaining: editDistance, str },
  ];
  while (stack.length) {
    const frame = stack.pop()!;
    // no edit
    if (frame.str.length > 0) {
      const char = frame.str.charAt(0);
      let noEditNode: QueryNode;
      if (char in frame.node.edges) noEditNode = frame.node.edges[char]!;
      else {
        noEditNode = node();
        frame.node.edges[char] = noEditNode;
      }
      if (frame.str.length === 1) noEditNode.final = true;
      stack.push({ node: noEditNode, editsRemaining: frame.editsRemaining, str: frame.str.slice(1) });
    }
    if (frame.editsRemaining === 0) continue;
    // insertion
    let insertionNode: QueryNode;
    if ('*' in frame.node.edges) insertionNode = frame.node.edges['*']!;
    else {
      insertionNode = node();
      frame.node.edges['*'] = insertionNode;
    }
    if (frame.str.length === 0) insertionNode.final = true;
    stack.push({ node: insertionNode, editsRemaining: frame.editsRemaining - 1, str: frame.str });
    // deletion
    if (frame.str.length > 1)
      stack.push({ node: frame.node, editsRemaining: frame.editsRemaining - 1, str: frame.str.slice(1) });
    if (frame.str.length === 1) frame.node.final = true;
    // substitution
    if (frame.str.length >= 1) {
      let substitutionNode: QueryNode;
      if ('*' in frame.node.edges) substitutionNode = frame.node.edges['*']!;
      else {
        substitutionNode = node();
        frame.node.edges['*'] = substitutionNode;
      }
      if (frame.str.length === 1) substitutionNode.final = true;
      stack.push({ node: substitutionNode, editsRemaining: frame.editsRemaining - 1, str: frame.str.slice(1) });
    }
    // transposition
    if (frame.str.length > 1) {
      const charA = frame.str.charAt(0);
      const charB = frame.str.charAt(1);
      let transposeNode: QueryNode;
      if (charB in frame.node.edges) transposeNode = frame.node.edges[charB]!;
      else {
        transposeNode = node();
        frame.node.edges[charB] = transposeNode;
      }
      if (frame.str.length === 1) transposeNode.final = true;
      stack.push({ node: transposeNode, editsRemaining: frame.editsRemaining - 1, str: charA + frame.str.slice(2) });
    }
  }
  return root;
}

/** A sorted term list as the walk reads it (format/vocabulary.ts). */
export interface SortedTerms {
  readonly size: number;
  termLength(i: number): number;
  /** Code unit `depth` of term `i`, for depth below its length. */
  codeAt(i: number, depth: number): number;
}

/**
 * The indices of the terms `query` accepts. Terms must be sorted by JS string comparison (UTF-16
 * code units) and unique.
 */
export function intersectSorted(terms: SortedTerms, query: QueryNode): number[] {
  const out = new Set<number>();
  // Visited (automaton node, trie node) pairs; a trie node is identified by (lo, depth).
  const seen = new Set<number>();
  const seenLong = new Set<string>();
  const stride = terms.size + 1;
  type Frame = { q: QueryNode; lo: number; hi: number; depth: number };
  const stack: Frame[] = [{ q: query, lo: 0, hi: terms.size, depth: 0 }];

  const visit = (q: QueryNode, lo: number, hi: number, depth: number): void => {
    const key = (q.id * 4096 + depth) * stride + lo;
    if (depth < 4096 && key <= Number.MAX_SAFE_INTEGER) {
      if (seen.has(key)) return;
      seen.add(key);
    } else {
      const k = `${q.id}|${lo}|${depth}`;
      if (seenLong.has(k)) return;
      seenLong.add(k);
    }
    if (q.final && terms.termLength(lo) === depth) out.add(lo);
    stack.push({ q, lo, hi, depth });
  };

  while (stack.length > 0) {
    const { q, lo, hi, depth } = stack.pop()!;
    // Terms in [start, hi) are longer than depth; their code unit at depth is non-decreasing.
    const start = lo < hi && terms.termLength(lo) === depth ? lo + 1 : lo;
    if (start >= hi) continue;
    for (const edge of Object.keys(q.edges)) {
      const qNext = q.edges[edge]!;
      if (edge === '*') {
        let i = start;
        while (i < hi) {
          const c = terms.codeAt(i, depth);
          const j = upperBound(terms, i, hi, depth, c);
          visit(qNext, i, j, depth + 1);
          i = j;
        }
      } else {
        const c = edge.charCodeAt(0);
        const i = lowerBound(terms, start, hi, depth, c);
        if (i < hi && terms.codeAt(i, depth) === c) visit(qNext, i, upperBound(terms, i, hi, depth, c), depth + 1);
      }
    }
  }
  return [...out];
}

function lowerBound(terms: SortedTerms, lo: number, hi: number, depth: number, c: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms.codeAt(mid, depth) < c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(terms: SortedTerms, lo: number, hi: number, depth: number, c: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms.codeAt(mid, depth) <= c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
