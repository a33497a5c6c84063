/**
 * The archive's word closest to one the reader misspelt: the fewest edits from what was typed
 * (insertions, deletions, substitutions, transpositions), then the word more passages use, then
 * alphabetical order, so the same query always gets the same suggestion.
 */
import { editDistance } from '../query/edit-distance';
import type { Analyzer, IndexEngine } from '../types';
import { writtenForm, type PassageTexts } from './written-form';

/** Candidate terms whose written form is looked up (each costs a query and a passage read). */
const CANDIDATES = 8;

/** Edits allowed: one for a short word, two for longer ones (as the searcher's own typo tolerance). */
export const maxEdits = (word: string): number => (Array.from(word).length <= 4 ? 1 : 2);

export interface ClosestWord {
  word: string;
  edits: number;
  documents: number;
}

/** The closest written word to `typed` (whose index term is `term`), or null when none is close. */
export function closestWord(
  typed: string,
  term: string,
  engine: Pick<IndexEngine, 'expandFuzzy' | 'documentFrequency' | 'bestMatches'>,
  analyzer: Analyzer,
  textsOf: PassageTexts,
  /** Whether the archive has a variant table (term-words.ts). */
  variants: boolean,
): ClosestWord | null {
  const limit = maxEdits(typed);
  const lower = typed.toLowerCase();
  const candidates = engine
    .expandFuzzy(term, limit, 50)
    .filter((c) => c !== term)
    .map((c) => ({ term: c, edits: editDistance(term, c, limit), documents: engine.documentFrequency(c) }))
    .sort((a, b) => a.edits - b.edits || b.documents - a.documents || (a.term < b.term ? -1 : 1))
    .slice(0, CANDIDATES);
  let best: ClosestWord | null = null;
  for (const candidate of candidates) {
    const written = writtenForm(candidate.term, typed, engine, analyzer, textsOf, variants);
    if (!written) continue;
    const word = written.toLowerCase();
    if (word === lower) continue;
    const edits = editDistance(lower, word, limit);
    if (edits > limit) continue;
    const better =
      !best ||
      edits < best.edits ||
      (edits === best.edits &&
        (candidate.documents > best.documents || (candidate.documents === best.documents && word < best.word)));
    if (better) best = { word, edits, documents: candidate.documents };
  }
  return best;
}
