/**
 * Field boosts for the lunr index. A word in a heading or section title says more about a passage
 * than the same word in running text; captions and media titles are short and name their subject.
 */
import type { SearchField } from './types';

/** lunr field boosts, applied at index time (lunr multiplies each field's BM25 weights). */
export const FIELD_BOOSTS: Readonly<Record<SearchField, number>> = {
  title: 2,
  text: 1,
  caption: 1.5,
  media: 2,
};
