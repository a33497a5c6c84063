/**
 * A media result's title and the rest of its snippet. A media passage's text begins with its title
 * (then its description), so showing the title and the snippet as they come shows the title twice.
 */
import type { ShownHit } from '../../../../main/model/search-result';

/** A piece of the hit's text and where it starts in it (highlights are offsets into the whole text). */
export interface TextPiece {
  text: string;
  /** Null for a title the text does not hold: shown without highlights. */
  start: number | null;
}

export interface MediaResultText {
  title: TextPiece | null;
  snippet: { text: string; start: number };
  /** Whether text is left out between the title (or the start) and the snippet. */
  cutBefore: boolean;
}

export function mediaTitleAndSnippet(hit: ShownHit): MediaResultText {
  const whole = { text: hit.snippet, start: hit.snippetStart };
  if (!hit.title) return { title: null, snippet: whole, cutBefore: hit.snippetStart > 0 };
  if (!hit.titleLeads)
    return { title: { text: hit.title, start: null }, snippet: whole, cutBefore: hit.snippetStart > 0 };
  const title = { text: hit.title, start: 0 };
  const titleEnd = hit.title.length;
  const snippetEnd = hit.snippetStart + hit.snippet.length;
  const from = Math.max(hit.snippetStart, titleEnd);
  // The description's opening, without the separator after the title.
  const rest = snippetEnd > from ? hit.snippet.slice(from - hit.snippetStart) : '';
  const trimmed = rest.replace(/^[\s\-–—:.,]+/u, '');
  return {
    title,
    snippet: { text: trimmed, start: from + rest.length - trimmed.length },
    cutBefore: hit.snippetStart > titleEnd,
  };
}
