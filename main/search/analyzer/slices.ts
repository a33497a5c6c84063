/**
 * Where a long text may be cut so that analysing its pieces one after another gives the terms of
 * the whole, in the same order. A source file shown as one `<pre>` can hold millions of characters,
 * and its tokens held at once, with every stage's copies of them, cost hundreds of megabytes; the
 * indexer, which only counts terms, analyses it a slice at a time.
 *
 * A cut falls between the second and third of four whitespace characters in a row (space, tab,
 * line feed, carriage return), which no stage reaches across:
 * - no token holds whitespace (tokenize.ts: words, grouped numbers, dotted acronyms, identifiers);
 * - the token pattern looks one character behind or ahead of a match: a token is two or more
 *   characters from a cut, so it sees in its slice what it sees in the whole text; and whether a
 *   slice is read with the Unicode pattern or its Latin-1 twin changes no match (latin1-pattern.ts);
 * - spaced designations allow at most two spaces between their words, dotted or hyphenated ones
 *   none (designations.ts); hyphen joins need exactly one hyphen (joins.ts); a variant's words may
 *   be at most three characters apart (variants.ts): across a cut, words are four or more apart;
 * - tokens are sorted by start, stably, and every token of a slice starts before any of the next,
 *   so the sorted pieces, one after another, are the sorted whole.
 * tests/search/analyzer-slices.test.ts holds the analyzer to this.
 */

/** Four whitespace characters in a row: a cut goes after the second. */
const CUT = /[ \t\n\r]{4}/g;

/**
 * `text` in slices of about `size` characters or more, cut only where the analyzer allows it (see
 * the module doc): the text itself, whole, when it is shorter or has no such place.
 */
export function* analysisSlices(text: string, size: number): Generator<string> {
  let from = 0;
  while (text.length - from > size) {
    CUT.lastIndex = from + size;
    const match = CUT.exec(text);
    if (!match) break;
    const cut = match.index + 2;
    yield text.slice(from, cut);
    from = cut;
  }
  yield from === 0 ? text : text.slice(from);
}
