/**
 * Quoted phrases. The index keeps no positions, so a phrase's words are searched as required terms
 * and the leading candidates are read back and analysed (bounded: candidate-check.ts): a passage is kept when every phrase's words
 * stand together, in order, in one of its fields (its text, its heading or media title, or its
 * section title), with at most PHRASE_GAP stop words between two of them ("Republic of Korea" for
 * "Republic Korea"). A concept may span several positions (the parts of a name).
 */
import type { Passage } from '../../model/archive';
import type { Analyzer } from '../types';
import { detailedTokens, groupTokens, type Concept } from './concepts';

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
 * media title, or its section title (checked on the leading candidates: candidate-check.ts).
 */
export function phrasesStandIn(
  phrases: Concept[][],
  sectionTitle: (sectionId: string) => string,
  analyzer: Analyzer,
): (p: Passage) => boolean {
  const wanted = phrases.map((concepts) => concepts.map((c) => new Set(c.alternatives.map((a) => a.term))));
  return (p) => {
    const fields = [p.text, p.title ?? '', sectionTitle(p.sectionId)];
    return wanted.every((phrase) => fields.some((text) => text !== '' && phraseStandsIn(analyzer, text, phrase)));
  };
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
