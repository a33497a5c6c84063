/**
 * Where a long text may be cut so that analysing its pieces one after another gives the terms of
 * the whole, in the same order. A source file shown as one `<pre>` can hold millions of characters,
 * and its tokens held at once, with every stage's copies of them, cost hundreds of megabytes; the
 * indexer, which only counts terms, analyses it a slice at a time.
 *
 * A cut falls between the second and third of four blanks in a row (space, tab, line feed, carriage
 * return), which no stage reaches across:
 * - no token holds a blank (tokenize.ts: words, grouped numbers, dotted acronyms, identifiers);
 * - the token pattern looks one character behind or ahead of a match: a token is two or more
 *   characters from a cut, so it sees in its slice what it sees in the whole text; and whether a
 *   slice is read with the Unicode pattern or its Latin-1 twin changes no match (latin1-pattern.ts);
 * - spaced designations allow at most two blanks between their words, dotted or hyphenated ones
 *   none (designations.ts); hyphen joins need exactly one hyphen (joins.ts); a variant's words may
 *   be at most three characters apart (variants.ts): across a cut, words are four or more apart;
 * - tokens are sorted by start, stably, and every token of a slice starts before any of the next,
 *   so the sorted pieces, one after another, are the sorted whole.
 * Without a variant table (a saved site has none), a cut may also fall after a blank that an ASCII
 * letter follows, as in text whose blanks were collapsed: the only stage left that joins words
 * across blanks makes designations, whose second word is a number, never a letter's token; and the
 * token pattern sees a blank or the slice's edge there, neither a letter, mark, digit nor joiner.
 * tests/search/analyzer-slices.test.ts holds the analyzer to this.
 */

/** Four blanks in a row: a cut goes after the second. */
const CUT = /[ \t\n\r]{2}(?=[ \t\n\r]{2})/g;
/** The same, or a blank before an ASCII letter: a cut goes after the blank (see the module doc). */
const CUT_WITHOUT_VARIANTS = /[ \t\n\r](?=[A-Za-z])|[ \t\n\r]{2}(?=[ \t\n\r]{2})/g;

/**
 * `text` in slices of about `size` characters or more, cut only where the analyzer allows it (see
 * the module doc; `variants`: whether the analyzer has a variant table): the text itself, whole,
 * when it is shorter or has no such place.
 */
export function* analysisSlices(text: string, size: number, variants = true): Generator<string> {
  const cuts = variants ? CUT : CUT_WITHOUT_VARIANTS;
  let from = 0;
  while (text.length - from > size) {
    cuts.lastIndex = from + size;
    const match = cuts.exec(text);
    if (!match) break;
    const cut = match.index + match[0].length;
    yield text.slice(from, cut);
    from = cut;
  }
  yield from === 0 ? text : text.slice(from);
}
