/**
 * Typed views of lunr 2.3.9 internals that @types/lunr does not describe. The reference engine and
 * the tables written from a lunr index read them (inverted index, field vectors, token set), and
 * the tests compare the pack's expansion with lunr's own TokenSet automata.
 */
import lunr from 'lunr';

export interface LunrTokenSet {
  final: boolean;
  edges: Record<string, LunrTokenSet>;
  id: number;
  intersect(other: LunrTokenSet): LunrTokenSet;
  toArray(): string[];
}

export interface LunrTokenSetStatic {
  new (): LunrTokenSet;
  fromString(str: string): LunrTokenSet;
  fromFuzzyString(str: string, editDistance: number): LunrTokenSet;
  fromArray(arr: string[]): LunrTokenSet;
  fromClause(clause: { term: string; editDistance?: number }): LunrTokenSet;
}

/** term → field → docRef → metadata, plus `_index` (the term's vector index). */
export type LunrPosting = { _index: number } & Record<string, Record<string, unknown>>;

export interface LunrVector {
  elements: number[];
}

export interface LunrIndexInternals {
  invertedIndex: Record<string, LunrPosting>;
  fieldVectors: Record<string, LunrVector>;
  tokenSet: LunrTokenSet;
  fields: string[];
}

export const TokenSet = (lunr as unknown as { TokenSet: LunrTokenSetStatic }).TokenSet;

export function internals(index: lunr.Index): LunrIndexInternals {
  return index as unknown as LunrIndexInternals;
}
