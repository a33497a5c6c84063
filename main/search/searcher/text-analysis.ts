/**
 * The analysis of one passage's text, made as far as a search needs it. A long passage is costly
 * to analyse whole (the 101,000 characters of Linux's memory-barriers.txt take 40 ms, the kernel's
 * command-line parameters 238,000), and a search rarely needs all of it: a quoted phrase is settled
 * by its first occurrence, a snippet by the first words that matched. So a text longer than
 * LONG_TEXT is analysed a piece at a time, from its start.
 *
 * Each piece ends at a space, and is analysed with MARGIN characters of the text on either side
 * (cut at spaces too); only the tokens that start inside the piece are kept. Every stage of the
 * analyzer looks at a word's immediate neighbours only (a designation or variant spans at most a
 * few characters of space between words), so the pieces give the tokens the whole text gives, in
 * the same order (tests/search/text-analysis.test.ts compares them on long passages).
 */
import type { DetailedToken } from '../analyzer/index';

/** Texts up to this long are analysed whole at once. */
export const LONG_TEXT = 10_000;
/**
 * The first piece of a long text; each later one is as long as all before it, so that checking
 * what is known after each piece costs about twice one check of the whole.
 */
export const FIRST_PIECE = 4_000;
/** Text analysed beyond either end of a piece, so words at its ends see their neighbours. */
const MARGIN = 100;

export class TextAnalysis {
  /** The tokens that start before `end`, sorted as the analyzer sorts them. */
  readonly tokens: DetailedToken[] = [];
  private analysedTo = 0;

  constructor(
    readonly text: string,
    private readonly analyze: (text: string) => DetailedToken[],
    /** Told after each piece (a cache keeps count of the tokens it holds). */
    private readonly grown?: () => void,
  ) {
    if (text.length <= LONG_TEXT) {
      this.tokens = analyze(text);
      this.analysedTo = text.length;
    }
  }

  /** Every token starting before this offset is known. */
  get end(): number {
    return this.analysedTo;
  }

  get complete(): boolean {
    return this.analysedTo >= this.text.length;
  }

  /** Analyses the next piece; false when the text is analysed already. */
  more(): boolean {
    if (this.complete) return false;
    const text = this.text;
    const from = this.analysedTo;
    const to = spaceFrom(text, from + Math.max(FIRST_PIECE, from));
    const windowStart = from === 0 ? 0 : Math.max(0, text.lastIndexOf(' ', from - MARGIN));
    const windowEnd = spaceFrom(text, to + MARGIN);
    for (const t of this.analyze(text.slice(windowStart, windowEnd))) {
      const start = t.start + windowStart;
      if (start < from || start >= to) continue;
      t.start = start;
      t.end += windowStart;
      this.tokens.push(t);
    }
    this.analysedTo = to;
    this.grown?.();
    return true;
  }

  /** Analyses the rest of the text. */
  whole(): DetailedToken[] {
    while (this.more());
    return this.tokens;
  }
}

/** The first space at or after `i`, or the end of the text. */
function spaceFrom(text: string, i: number): number {
  if (i >= text.length) return text.length;
  const at = text.indexOf(' ', i);
  return at < 0 ? text.length : at;
}
