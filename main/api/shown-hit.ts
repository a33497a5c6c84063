/** What of a hit the API sends (model/search-result.ts, ShownHit): everything but the passage's whole text. */
import type { SearchHit, ShownHit } from '../model/search-result';

export function shownHit<Hit extends SearchHit>(
  hit: Hit,
): Omit<Hit, 'text'> & Pick<ShownHit, 'textLength' | 'titleLeads'> {
  const { text, ...shown } = hit;
  return { ...shown, textLength: text.length, titleLeads: hit.title !== '' && text.startsWith(hit.title) };
}
