/**
 * The archive's word closest to one the reader misspelt: the fewest edits from what was typed
 * (insertions, deletions, substitutions, transpositions), then the word whose index term is fewer
 * edits from the typed word's, then the word more passages use, then alphabetical order, so the
 * same query always gets the same suggestion.
 *
 * Candidates are index terms near the typed word's term, the fewest edits away first, then the most
 * frequent; each one's written form costs a look-up and a few passage reads (written-form.ts), so a
 * candidate that cannot win is not looked up, and terms two edits away are not looked for once a
 * word one edit from what was typed is found among the terms one edit away: walking a large
 * vocabulary two edits away takes 10–25 ms.
 */
import { editDistance } from '../query/edit-distance';
import { FUZZY_LIMIT, fuzzyDistance } from '../searcher/expand';
import type { Analyzer, IndexEngine } from '../types';
import { writtenForm, type PassageTexts } from './written-form';

/** Candidate terms whose written form is looked up (each costs a query and a passage read). */
const CANDIDATES = 8;
/** Terms two edits away looked at, the most frequent first (with every one-edit term). */
const TWO_EDIT_POOL = 50;

/** Edits allowed: one for a short word, two for longer ones (as the searcher's own typo tolerance). */
export const maxEdits = (word: string): number => (Array.from(word).length <= 4 ? 1 : 2);

export interface ClosestWord {
  word: string;
  edits: number;
  documents: number;
}

type Engine = Pick<IndexEngine, 'expandFuzzy' | 'documentFrequency' | 'ranked'>;

interface Candidate {
  term: string;
  /** Edits from the typed word's term. */
  edits: number;
  documents: number;
}

interface Found extends ClosestWord {
  termEdits: number;
}

/**
 * The closest written word to `typed` (whose index term is `term`), or null when none is close.
 * `proceed` is asked before each candidate's passages are read: it throws to cancel, and answers
 * false when there is no time left (then the look-up stops and answers null).
 */
export function closestWord(
  typed: string,
  term: string,
  engine: Engine,
  analyzer: Analyzer,
  textsOf: PassageTexts,
  /** Whether the archive has a variant table (term-words.ts). */
  variants: boolean,
  proceed: () => boolean = () => true,
): ClosestWord | null {
  const limit = maxEdits(typed);
  const lower = typed.toLowerCase();
  const ordered = (terms: Iterable<string>): Candidate[] =>
    [...new Set(terms)]
      .filter((c) => c !== term)
      .map((c) => ({ term: c, edits: editDistance(term, c, limit), documents: engine.documentFrequency(c) }))
      .sort((a, b) => a.edits - b.edits || b.documents - a.documents || (a.term < b.term ? -1 : 1))
      .slice(0, CANDIDATES);
  // Held in an object: a `let` assigned inside lookUp would stay narrowed to null outside it.
  const found: { best: Found | null } = { best: null };
  /** Looks the candidates up in order; false when the time ran out. */
  const lookUp = (candidates: readonly Candidate[]): boolean => {
    for (const candidate of candidates) {
      const best = found.best;
      // A written word differs from what was typed by one edit at least: once one does by one, a
      // candidate further from the typed term, or as far and used by fewer passages, cannot win.
      if (
        best &&
        best.edits <= 1 &&
        (candidate.edits > best.termEdits ||
          (candidate.edits === best.termEdits && candidate.documents < best.documents))
      )
        continue;
      if (!proceed()) return false;
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
          (candidate.edits < best.termEdits ||
            (candidate.edits === best.termEdits &&
              (candidate.documents > best.documents || (candidate.documents === best.documents && word < best.word)))));
      if (better) found.best = { word, edits, documents: candidate.documents, termEdits: candidate.edits };
    }
    return true;
  };
  // The walks the searcher made for a word of its length, when it made them (the engine remembers
  // walks): the most frequent terms first, so CANDIDATES of them are the candidates.
  const within = searchedWithinTwo(typed, term, limit, engine);
  const oneEdit = ordered(
    within?.filter((t) => editDistance(term, t, 1) <= 1) ??
      engine.expandFuzzy(term, 1, Math.max(CANDIDATES, FUZZY_LIMIT)),
  );
  if (!lookUp(oneEdit)) return null;
  if (limit > 1 && oneEdit.length < CANDIDATES && found.best?.edits !== 1) {
    const looked = new Set(oneEdit.map((c) => c.term));
    const candidates = ordered([...looked, ...(within ?? engine.expandFuzzy(term, 2, TWO_EDIT_POOL))]);
    if (!lookUp(candidates.filter((c) => !looked.has(c.term)))) return null;
  }
  const best = found.best;
  return best && { word: best.word, edits: best.edits, documents: best.documents };
}

/**
 * Every term within two edits of `term`, when the searcher's own walk for the word (remembered by
 * the engine) found fewer than it asked for; otherwise null.
 */
function searchedWithinTwo(typed: string, term: string, limit: number, engine: Engine): string[] | null {
  if (limit < 2 || fuzzyDistance(typed.toLowerCase()) !== 2) return null;
  const searched = engine.expandFuzzy(term, 2, FUZZY_LIMIT);
  return searched.length < FUZZY_LIMIT ? searched : null;
}
