/**
 * An index term as the archive writes it. Index terms are stems ("armistic"), which are no words to
 * offer a reader; the archive's own spelling ("armistice") is found by re-analysing passages that
 * hold the term and taking the written words the term came from, as highlighting does.
 */
import { editDistance } from '../query/edit-distance';
import type { Analyzer, IndexEngine } from '../types';
import { termWords } from './term-words';

/** Where a term's written form is looked for: the texts a passage was indexed from. */
export type PassageTexts = (passageId: string) => readonly string[];

/** Passages read for a term's spellings ("Inch'on" in one, "Inchon" in the next). */
const PASSAGES = 3;

/**
 * The written word `term` came from in the archive, as written (case included), or null. Of the
 * spellings found, the one closest to what the reader typed.
 */
export function writtenForm(
  term: string,
  typed: string,
  engine: Pick<IndexEngine, 'ranked'>,
  analyzer: Analyzer,
  textsOf: PassageTexts,
  /** Whether the archive has a variant table (term-words.ts). */
  variants: boolean,
): string | null {
  const lower = typed.toLowerCase();
  let best: { word: string; edits: number } | null = null;
  // The passages a search for the term alone ranks first, by the ranking every search runs and keeps
  // compiled (a look-up of its own, run only here, took a common term 15-30 ms uncompiled).
  const ranked = engine.ranked([{ term, boost: 1, presence: 'optional' }]);
  for (let i = 0; i < Math.min(PASSAGES, ranked.length); i++) {
    const passageId = ranked.at(i).ref;
    for (const text of textsOf(passageId)) {
      for (const word of termWords(text, term, analyzer, variants)) {
        // A term made of several written words (a designation, a join across a space) is not one word.
        if (!word || /\s/.test(word)) continue;
        const edits = editDistance(lower, word.toLowerCase());
        if (!best || edits < best.edits) best = { word, edits };
      }
    }
  }
  return best?.word ?? null;
}
