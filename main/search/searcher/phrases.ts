/**
 * Quoted phrases. The index keeps no positions, so a phrase's words are searched as required terms
 * and the leading candidates are read back and analysed (bounded: see withPhrases): a passage is kept when every phrase's words
 * stand together, in order, in one of its fields (its text, its heading or media title, or its
 * section title), with at most PHRASE_GAP stop words between two of them ("Republic of Korea" for
 * "Republic Korea"). A concept may span several positions (the parts of a name).
 */
import { ListedMatches } from '../engine/ranked-matches';
import type { Analyzer, EngineMatch, RankedMatches } from '../types';
import { detailedTokens, groupTokens, type Concept } from './concepts';
import type { PassageCache } from './passage-cache';

/** Candidates of a quoted phrase read back to check that its words stand together, at most. */
const PHRASE_CHECK_LIMIT = 2000;
/** Once the page is settled, checking goes on for the count (`total`) only this long. */
const PHRASE_BUDGET_MS = 12;
/** Stop words allowed between two words of a phrase. */
const PHRASE_GAP = 2;
/** Passages read back at a time. */
const BATCH = 100;

/** The concepts of each quoted phrase, in query order. */
export function byPhrase(concepts: Concept[]): Concept[][] {
  const phrases = new Map<number, Concept[]>();
  for (const c of concepts) if (c.phraseId >= 0) phrases.set(c.phraseId, [...(phrases.get(c.phraseId) ?? []), c]);
  return [...phrases.values()];
}

/** When withPhrases may stop early, and how it learns that the search is no longer wanted. */
export interface PhraseCheckOptions {
  /** Whether the page is settled: no candidate scored `nextScore` or less can enter it. */
  settled(kept: readonly EngineMatch[], nextScore: number): boolean;
  /** Throws when the search is no longer wanted (polled between batches). */
  checkCancelled(): void;
}

/**
 * The matches in which every phrase's words stand together. Candidates are checked in lunr's order,
 * a batch at a time (each batch read in the index's order, which is the pack's reading order, so a
 * block of passages is decompressed once for all its candidates), until PHRASE_CHECK_LIMIT of them,
 * or until the page is settled and PHRASE_BUDGET_MS have passed: the page is exact, and a caller's
 * `total` counts among the candidates checked.
 */
export function withPhrases(
  matches: RankedMatches,
  phrases: Concept[][],
  passages: PassageCache,
  sectionTitle: (sectionId: string) => string,
  analyzer: Analyzer,
  options: PhraseCheckOptions,
): RankedMatches {
  const started = performance.now();
  const wanted = phrases.map((concepts) => concepts.map((c) => new Set(c.alternatives.map((a) => a.term))));
  const kept: EngineMatch[] = [];
  const candidates = Math.min(matches.length, PHRASE_CHECK_LIMIT);
  for (let i = 0; i < candidates; i += BATCH) {
    if (i > 0) {
      options.checkCancelled();
      if (performance.now() - started >= PHRASE_BUDGET_MS && options.settled(kept, matches.at(i).score)) break;
    }
    const batch: EngineMatch[] = [];
    for (let j = i; j < Math.min(candidates, i + BATCH); j++) batch.push(matches.at(j));
    const inReadingOrder = [...batch].sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0));
    const byId = new Map(passages.byIds(inReadingOrder.map((m) => m.ref)).map((p) => [p.id, p]));
    for (const m of batch) {
      const p = byId.get(m.ref);
      if (!p) continue;
      const fields = [p.text, p.title ?? '', sectionTitle(p.sectionId)];
      if (wanted.every((phrase) => fields.some((text) => text !== '' && phraseStandsIn(analyzer, text, phrase))))
        kept.push(m);
    }
  }
  return new ListedMatches(kept);
}

/**
 * Whether `text` holds the phrase: positions (overlapping tokens) satisfying its concepts in order,
 * each right after the last, a concept possibly spanning several positions, with at most PHRASE_GAP
 * stop words between two concepts.
 */
function phraseStandsIn(analyzer: Analyzer, text: string, phrase: Set<string>[]): boolean {
  const positions = groupTokens(detailedTokens(analyzer, text)).map((group) => ({
    terms: group.map((t) => t.term),
    stop: group.every((t) => t.stop),
  }));
  const fits = (at: number, concept: number): boolean => positions[at]!.terms.some((t) => phrase[concept]!.has(t));
  for (let start = 0; start < positions.length; start++) {
    if (!fits(start, 0)) continue;
    let concept = 0;
    let gap = 0;
    for (let at = start + 1; at < positions.length && concept < phrase.length - 1; at++) {
      if (fits(at, concept + 1)) {
        concept++;
        gap = 0;
      } else if (gap === 0 && fits(at, concept)) continue;
      else if (positions[at]!.stop && gap < PHRASE_GAP) gap++;
      else break;
    }
    if (concept === phrase.length - 1) return true;
  }
  return false;
}
