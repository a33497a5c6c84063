/**
 * Concepts: what the searcher plans with. A query part's tokens whose spans overlap come from the
 * same written words (Yak 9 → yak, 9, yak9) and form one concept; any of its alternative terms may
 * satisfy it. Expansion (expand.ts) adds more alternatives: raw forms, joins, prefixes, typo
 * corrections.
 */
import type { PassageKind } from '../../model/passage-kind';
import type { DetailedToken, FolioAnalyzer } from '../analyzer/index';
import type { QueryPart } from '../query/index';
import type { Analyzer, SearchField } from '../types';
import { kindIntent } from './kind-words';
import { BOOST, CREDIT, type AlternativeKind } from './weights';

/** One term that satisfies (a share of) a concept. */
export interface Alternative {
  term: string;
  kind: AlternativeKind;
  /** Share of the concept this term satisfies (1 for whole-span terms; 1/n for one of n parts). */
  share: number;
  boost: number;
  /** `whole`, or the name of a set of terms that satisfy the concept together. */
  set: string;
}

export interface Concept {
  presence: QueryPart['presence'];
  fields?: SearchField[];
  /** The quoted phrase it belongs to (its part's index), or -1. */
  phraseId: number;
  stop: boolean;
  /** Counts towards coordination (0: a bonus only). */
  weight: number;
  alternatives: Alternative[];
  /** The kind of passage its word asks for (kind-words.ts). */
  intent?: PassageKind;
  tokens: DetailedToken[];
  /** The last word of the query, perhaps still being typed. */
  partial: boolean;
  /** The query part it comes from (its tokens' offsets are into that part's text). */
  part?: number;
  /** Slot of each non-whole set (filled when planning is done). */
  setIndex?: Map<string, number>;
}

/** The analyzer's detailed tokens (roles, raw forms, stop words), or plain ones for another analyzer. */
export function detailedTokens(analyzer: Analyzer, text: string): DetailedToken[] {
  const folio = analyzer as Partial<FolioAnalyzer>;
  if (typeof folio.analyzeDetailed === 'function') return folio.analyzeDetailed(text);
  return analyzer
    .analyze(text, 'text')
    .map((t) => ({ ...t, raw: t.term, role: 'word' as const, primary: true, stop: false }));
}

/** Groups tokens (sorted by start) whose spans overlap. */
export function groupTokens(tokens: DetailedToken[]): DetailedToken[][] {
  const groups: DetailedToken[][] = [];
  let end = -1;
  for (const t of tokens) {
    const group = groups[groups.length - 1];
    if (group && t.start < end) {
      group.push(t);
      end = Math.max(end, t.end);
    } else {
      groups.push([t]);
      end = t.end;
    }
  }
  return groups;
}

/**
 * One concept from overlapping tokens. Its alternatives fall in *sets*: `whole` terms each satisfy
 * the concept alone (the word itself, a designation or join over the whole span, a Hangul run);
 * the terms of any other set satisfy it together, each worth its share (the parts of "Yak 9" or
 * of a Hangul compound's bigrams; the canonical and the written reading of a variant).
 */
export function makeConcept(group: DetailedToken[], part: QueryPart, phraseId: number, partial: boolean): Concept {
  const start = Math.min(...group.map((t) => t.start));
  const end = Math.max(...group.map((t) => t.end));
  const primaries = group.filter((t) => t.primary);
  const stop = primaries.length > 0 && primaries.every((t) => t.stop);
  const usable = stop ? group : group.filter((t) => !t.stop);
  const sets = new Map<string, DetailedToken[]>();
  for (const t of usable) {
    const wholeSpan = t.start === start && t.end === end;
    let set: string;
    if (t.seq !== undefined) set = `v${t.seq}`;
    else if (wholeSpan) set = 'whole';
    else if (t.role === 'designation' || t.role === 'join') continue;
    else set = 'parts';
    const list = sets.get(set) ?? [];
    if (!list.some((x) => x.term === t.term)) list.push(t);
    sets.set(set, list);
  }
  const alternatives: Alternative[] = [];
  for (const [set, tokens] of sets) {
    if (set !== 'whole' && tokens.length === 1 && !sets.has('whole')) {
      alternatives.push({ term: tokens[0]!.term, kind: 'exact', share: 1, boost: BOOST.exact, set: 'whole' });
      continue;
    }
    const counted = set === 'whole' ? tokens : tokens.filter((t) => t.role !== 'designation' && t.role !== 'join');
    for (const t of tokens) {
      const share = set === 'whole' ? 1 : 1 / Math.max(1, counted.length);
      alternatives.push({ term: t.term, kind: 'exact', share, boost: set === 'whole' ? BOOST.exact : BOOST.part, set });
    }
  }
  const single = primaries.length === 1 ? primaries[0]! : undefined;
  const intent = single && single.role === 'word' ? kindIntent(single.raw) : undefined;
  const concept: Concept = { presence: part.presence, phraseId, stop, weight: 1, alternatives, tokens: group, partial };
  if (part.fields) concept.fields = part.fields;
  if (intent) concept.intent = intent;
  return concept;
}

/** Adds an alternative to `concept`, or raises an existing one for the same term and set to it if worth more. */
export function addAlternative(concept: Concept, alternative: Omit<Alternative, 'set'> & { set?: string }): void {
  const full: Alternative = { set: 'whole', ...alternative };
  const existing = concept.alternatives.find((a) => a.term === full.term && a.set === full.set);
  if (existing) {
    if (CREDIT[full.kind] * full.share > CREDIT[existing.kind] * existing.share) Object.assign(existing, full);
    return;
  }
  concept.alternatives.push(full);
}
