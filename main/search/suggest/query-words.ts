/**
 * The words of a raw query that a correction may replace: plain words, `+required` words and the
 * values of field terms (`title:…`), never `-excluded` words (correcting what the reader does not
 * want finds nothing new), `kind:` filters, field names or words with `*` or `~`. Each is a span of the query as typed, so
 * a correction changes that word and leaves the rest, syntax included, as the reader wrote it.
 */
import { MAX_QUERY_CHARS } from '../query/parse';

/** A region of the query, [start, end) offsets into it. */
export type Span = [number, number];

const FIELD_PREFIX = /^(title|text|caption|media):/i;
const KIND_PREFIX = /^kind:/i;

/** The regions of `query` whose words may be corrected, in order. */
export function correctableRegions(query: string): Span[] {
  const regions: Span[] = [];
  const text = query.slice(0, MAX_QUERY_CHARS);
  for (const chunk of text.matchAll(/\S+/g)) {
    let start = chunk.index;
    const end = start + chunk[0].length;
    let word = chunk[0];
    if (word.length > 1 && word.startsWith('-')) continue;
    if (word.length > 1 && word.startsWith('+')) {
      start += 1;
      word = word.slice(1);
    }
    // kind: filters, and wildcards or fuzzy marks the reader wrote on purpose.
    if (KIND_PREFIX.test(word) || /[*~]/.test(word)) continue;
    const field = FIELD_PREFIX.exec(word);
    if (field) start += field[0].length;
    if (start < end) regions.push([start, end]);
  }
  return regions;
}
