/**
 * Quoted phrases. The index keeps no positions, so a phrase's words are searched as required terms
 * and the leading candidates are read back and analysed (bounded: candidate-check.ts): a passage is kept when every phrase's words
 * stand together, in order, in one of its fields (its text, its heading or media title, or its
 * section title), with at most PHRASE_GAP stop words between two of them ("Republic of Korea" for
 * "Republic Korea"). A concept may span several positions (the parts of a name).
 */
import type { Passage } from '../../model/archive';
import type { DetailedToken } from '../analyzer/index';
import type { Analyzer } from '../types';
import { detailedTokens, groupTokens, type Concept } from './concepts';
import type { TextAnalysis } from './text-analysis';

/** Stop words allowed between two words of a phrase. */
const PHRASE_GAP = 2;

/** The concepts of each quoted phrase, in query order. */
export function byPhrase(concepts: Concept[]): Concept[][] {
  const phrases = new Map<number, Concept[]>();
  for (const c of concepts) if (c.phraseId >= 0) phrases.set(c.phraseId, [...(phrases.get(c.phraseId) ?? []), c]);
  return [...phrases.values()];
}

/**
 * Whether every phrase's words stand together in one field of a passage: its text, its heading or
 * media title, or its section title (checked on the leading candidates: candidate-check.ts). The
 * text's analysis comes from `textAnalysis` (passage-tokens.ts, shared with the page's highlights)
 * and is taken only as far as the phrase's first occurrence (text-analysis.ts); the short fields
 * are looked at first, and a section title is analysed once per check.
 */
export function phrasesStandIn(
  phrases: Concept[][],
  sectionTitle: (sectionId: string) => string,
  analyzer: Analyzer,
  textAnalysis: (p: Passage) => TextAnalysis,
): (p: Passage) => boolean {
  const wanted = phrases.map((concepts) => concepts.map((c) => new Set(c.alternatives.map((a) => a.term))));
  const titles = new Map<string, DetailedToken[]>();
  const analysed = (text: string): DetailedToken[] => {
    let tokens = titles.get(text);
    if (!tokens) {
      if (titles.size >= 1000) titles.clear();
      tokens = detailedTokens(analyzer, text);
      titles.set(text, tokens);
    }
    return tokens;
  };
  return (p) =>
    wanted.every((phrase) => {
      if (p.title && phraseStandsIn(analysed(p.title), phrase)) return true;
      const title = sectionTitle(p.sectionId);
      if (title && phraseStandsIn(analysed(title), phrase)) return true;
      if (!p.text) return false;
      // An occurrence among the tokens known so far is one in the whole text: the last position
      // known can only gain alternatives, never lose one.
      const text = textAnalysis(p);
      for (;;) {
        if (phraseStandsIn(text.tokens, phrase)) return true;
        if (!text.more()) return false;
      }
    });
}

/**
 * Whether analysed text holds the phrase: positions (overlapping tokens) satisfying its concepts in
 * order, each right after the last, a concept possibly spanning several positions, with at most
 * PHRASE_GAP stop words between two concepts.
 */
function phraseStandsIn(tokens: DetailedToken[], phrase: Set<string>[]): boolean {
  if (tokens.length === 0) return false;
  const positions = groupTokens(tokens).map((group) => ({
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
