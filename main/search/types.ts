/**
 * Types shared by the search core: the analyzer (what a term is), the engine (where terms are
 * looked up and scored) and the searcher (what a reader gets back).
 */
import type { PassageKind } from '../model/passage-kind';

/** lunr fields every passage is indexed under. */
export type SearchField = 'title' | 'text' | 'caption' | 'media';
export const SEARCH_FIELDS: readonly SearchField[] = ['title', 'text', 'caption', 'media'];

/** One passage as the indexer sees it. Repeats are never indexed. */
export interface IndexDocument {
  /** Passage id: the lunr ref. */
  id: string;
  kind: PassageKind;
  fields: Record<SearchField, string>;
}

/** A term produced by the analyzer, with the span of the written word(s) it came from. */
export interface AnalyzedToken {
  /** The index term (normalised, variant-mapped, stemmed where that applies). */
  term: string;
  /** Offsets into the analysed string: the written form the term came from. */
  start: number;
  end: number;
}

/** Turns text into index terms. The same analyzer runs at index time and at query time. */
export interface Analyzer {
  analyze(text: string, field: SearchField): AnalyzedToken[];
}

/** A lunr term clause, already analysed: terms go to the engine as they are. */
export interface TermClause {
  term: string;
  /** Fields to search, default all. */
  fields?: SearchField[];
  boost: number;
  presence: 'optional' | 'required' | 'prohibited';
}

/** One scored document from the engine, with the index terms it matched per field. */
export interface EngineMatch {
  ref: string;
  score: number;
  /** Matched index term → fields it matched in. */
  matched: Map<string, SearchField[]>;
  /** The document's position in the index, when the engine has one (a pack's is reading order). */
  readonly ordinal?: number;
}

/** Terms of which a match must hold one, in one of `fields` (in any field when none are given). */
export interface TermGroup {
  terms: readonly string[];
  fields?: readonly SearchField[];
}

/**
 * An engine's matches in rank order (lunr's: score descending, ties in lunr's order), read as far
 * as needed: a ranking walk that stops after a page sorts and materialises no more than it reads.
 */
export interface RankedMatches {
  readonly length: number;
  /** The match at rank `i` (0 ≤ i < length). */
  at(i: number): EngineMatch;
  /** The matches holding, for every group, one of its terms (the same order). */
  holding(groups: readonly TermGroup[]): RankedMatches;
  /** The matches `keep` accepts (the same order; reads every match). */
  filter(keep: (match: EngineMatch) => boolean): RankedMatches;
}

/**
 * Where terms are looked up and scored: the pack's tables read on demand (engine/pack-engine.ts).
 * The tests hold it to a plain in-memory lunr.Index behind the same interface
 * (tests/reference/memory-engine.ts): both must rank identically.
 */
export interface IndexEngine {
  readonly documentCount: number;
  /** lunr's Index#query semantics over already-analysed clauses (no pipeline, no wildcards). */
  query(clauses: TermClause[]): EngineMatch[];
  /** The same matches as `query`, in the same order, read lazily (what the searcher uses). */
  ranked(clauses: TermClause[]): RankedMatches;
  /** Whether the term is in the index vocabulary. */
  hasTerm(term: string): boolean;
  /** Index terms starting with `prefix`, most frequent first, at most `limit`. */
  expandPrefix(prefix: string, limit: number): string[];
  /** Index terms within `maxDistance` edits (insert, delete, substitute, transpose) of `term`. */
  expandFuzzy(term: string, maxDistance: number, limit: number): string[];
  /** Number of documents a term occurs in (0 when absent). */
  documentFrequency(term: string): number;
}
