/**
 * Latin-1 twins of the tokenizer's Unicode patterns. V8 compiles the token pattern's Unicode classes
 * (\p{L}, \p{M}, \p{N}) in about 10 ms, and again, slower still, for the first text with a character
 * beyond Latin-1 (a curly quote or a dash is enough): a one-shot search paid 20–30 ms for it. Within
 * Latin-1 those classes are short lists, so a twin with the lists written out matches exactly what
 * the Unicode pattern matches on such text, and compiles in a fraction of a millisecond.
 *
 * Text qualifies when, once its neutral characters are set aside, it holds only Latin-1 and the
 * curly apostrophes (which the patterns name literally). Neutral characters are punctuation, spaces
 * and symbols that no pattern can match or look at as anything but "not a letter, mark or digit":
 * replacing each by a space (one UTF-16 unit for one) changes no match and no offset.
 */

/** Members of \p{L}, \p{N} and \p{M} below U+0100. */
const LATIN1_CLASSES: Record<string, string> = {
  L: 'A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff',
  N: '0-9\\u00b2\\u00b3\\u00b9\\u00bc-\\u00be',
  M: '',
};

/**
 * Beyond Latin-1, characters that are none of \p{L}, \p{M}, \p{N} nor an apostrophe: general
 * punctuation (dashes, quotes, bullets, ellipsis, spaces) but the apostrophes ‘ ’, currency signs,
 * arrows, mathematical operators, technical symbols, box drawing, geometric and other symbols, CJK
 * punctuation, the byte order mark and the replacement character (tests/search check every one).
 */
export const NEUTRAL_SOURCE =
  '\\u2000-\\u2017\\u201a-\\u2064\\u2066-\\u206f\\u20a0-\\u20c0\\u2190-\\u23ff\\u2500-\\u26ff\\u3000-\\u3003\\ufeff\\ufffd';
const NEUTRAL = new RegExp(`[${NEUTRAL_SOURCE}]`, 'g');
/** What a twin reads exactly: Latin-1 and the curly apostrophes. */
const TWIN_TEXT = /^[\0-\u00ff\u2018\u2019]*$/;
const LATIN1_TEXT = /^[\0-\u00ff]*$/;

/** The text a twin can read in place of `text` (the same length, matching the same), or null. */
export function twinSubject(text: string): string | null {
  if (LATIN1_TEXT.test(text)) return text;
  const subject = text.replace(NEUTRAL, ' ');
  return TWIN_TEXT.test(subject) ? subject : null;
}

/** `source` with \p{L}, \p{N} and \p{M} replaced by their Latin-1 members; throws on any other property. */
export function latin1Pattern(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const property = /^\\[pP]\{([^}]*)\}/u.exec(source.slice(i, i + 64));
      if (property) {
        const members = property[0][1] === 'p' ? LATIN1_CLASSES[property[1]!] : undefined;
        if (members === undefined) throw new Error(`latin1Pattern: no Latin-1 twin for ${property[0]}`);
        // Outside a class, an empty list must still match nothing rather than everything.
        out += inClass ? members : members ? `[${members}]` : '[^\\s\\S]';
        i += property[0].length - 1;
      } else {
        out += source.slice(i, i + 2);
        i++;
      }
      continue;
    }
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    out += ch;
  }
  return out;
}

/** A Unicode pattern and its Latin-1 twin; the Unicode one is compiled only when text needs it. */
export class TwinPattern {
  private readonly twin: RegExp;
  private unicode: RegExp | undefined;

  constructor(
    private readonly source: string,
    private readonly flags: string,
  ) {
    this.twin = new RegExp(latin1Pattern(source), flags);
  }

  /** The pattern to run and the text to run it on, for `text`. */
  pick(text: string): { re: RegExp; subject: string } {
    const subject = twinSubject(text);
    if (subject !== null) return { re: this.twin, subject };
    this.unicode ??= new RegExp(this.source, this.flags);
    return { re: this.unicode, subject: text };
  }
}
