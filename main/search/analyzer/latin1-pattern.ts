/**
 * Latin-1 twins of the tokenizer's Unicode patterns. V8 compiles the token pattern's Unicode classes
 * (\p{L}, \p{M}, \p{N}) in about 10 ms, and again, slower still, for the first text with a character
 * beyond Latin-1 (a curly quote, a dash or one Chinese word in a passage is enough): a one-shot
 * search paid 20–30 ms for it. Within Latin-1 those classes are short lists, so a twin with the lists
 * written out matches exactly what the Unicode pattern matches, and compiles in a fraction of a
 * millisecond.
 *
 * The patterns look at a character only through \p{L}, \p{M}, \p{N} and a few literal characters
 * (ASCII punctuation and the apostrophes ' ‘ ’ ʼ): two characters that belong to the same of those
 * are interchangeable, and any text can be read by the twin once each character beyond Latin-1 is
 * replaced by a stand-in of its class, one UTF-16 unit for one (changing no match and no offset):
 * - a letter by `a`, a digit (any \p{N}) by `0`, a mark by U+0300 (the twin's one mark);
 * - anything else (punctuation, symbols, spaces) by a space: "neutral", nothing a pattern matches;
 * - the apostrophes ‘ ’ and ʼ stay as written (the twin's letters include ʼ, a letter too).
 * A character beyond the Basic Multilingual Plane that is a letter, mark or digit (two units for one
 * character) has no stand-in: such text takes the Unicode pattern. Matches are read from the text
 * itself, at the offsets the twin found.
 */

/** Members of \p{L}, \p{N} and \p{M} in a twin: Latin-1's, with ʼ and the mark stand-in. */
const TWIN_CLASSES: Record<string, string> = {
  L: 'A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff\\u02bc',
  N: '0-9\\u00b2\\u00b3\\u00b9\\u00bc-\\u00be',
  M: '\\u0300',
};

/**
 * Beyond Latin-1, characters that are none of \p{L}, \p{M}, \p{N} nor an apostrophe, listed to
 * blank them without asking V8's Unicode tables: general punctuation (dashes, quotes, bullets,
 * ellipsis, spaces) but the apostrophes ‘ ’, currency signs, arrows, mathematical operators, technical
 * symbols, box drawing, geometric and other symbols, CJK punctuation, the byte order mark and the
 * replacement character (tests/search check every one).
 */
export const NEUTRAL_SOURCE =
  '\\u2000-\\u2017\\u201a-\\u2064\\u2066-\\u206f\\u20a0-\\u20c0\\u2190-\\u23ff\\u2500-\\u26ff\\u3000-\\u3003\\ufeff\\ufffd';
const NEUTRAL = new RegExp(`^[${NEUTRAL_SOURCE}]$`);
/** Text a twin reads as written. */
const TWIN_TEXT = /^[\0-\u00ff\u2018\u2019\u02bc]*$/;
/** What needs a stand-in: a surrogate pair, or one unit a twin does not read as written. */
const BEYOND = /[\ud800-\udbff][\udc00-\udfff]|[^\0-\u00ff\u2018\u2019\u02bc]/g;

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{N}$/u;
const MARK = /^\p{M}$/u;
const LETTER_STAND_IN = 'a';
const DIGIT_STAND_IN = '0';
const MARK_STAND_IN = '\u0300';
const NEUTRAL_STAND_IN = ' ';

/** Stand-ins found so far, by UTF-16 unit (0: not asked yet). */
const STAND_INS = ['', LETTER_STAND_IN, DIGIT_STAND_IN, MARK_STAND_IN, NEUTRAL_STAND_IN];
const standInCodes = new Uint8Array(0x10000);

/** The stand-in of one character beyond what a twin reads (one unit, or a surrogate pair), or null. */
function standIn(ch: string): string | null {
  if (ch.length === 2) {
    // Lone surrogates are single units, and neutral (\p{Cs}).
    if (LETTER.test(ch) || DIGIT.test(ch) || MARK.test(ch)) return null;
    return NEUTRAL_STAND_IN + NEUTRAL_STAND_IN;
  }
  const unit = ch.charCodeAt(0);
  let code = standInCodes[unit]!;
  if (code === 0) {
    // The list first: most such characters in Latin text are punctuation, and the list needs no
    // Unicode tables.
    if (NEUTRAL.test(ch)) code = 4;
    else if (LETTER.test(ch)) code = 1;
    else if (DIGIT.test(ch)) code = 2;
    else if (MARK.test(ch)) code = 3;
    else code = 4;
    standInCodes[unit] = code;
  }
  return STAND_INS[code]!;
}

/** The text a twin can read in place of `text` (the same length, matching the same), or null. */
export function twinSubject(text: string): string | null {
  if (TWIN_TEXT.test(text)) return text;
  let readable = true;
  const subject = text.replace(BEYOND, (ch) => {
    const s = standIn(ch);
    if (s === null) readable = false;
    return s ?? ch;
  });
  return readable ? subject : null;
}

/** `source` with \p{L}, \p{N} and \p{M} replaced by their twin members; throws on any other property. */
export function latin1Pattern(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const property = /^\\[pP]\{([^}]*)\}/u.exec(source.slice(i, i + 64));
      if (property) {
        const members = property[0][1] === 'p' ? TWIN_CLASSES[property[1]!] : undefined;
        if (members === undefined) throw new Error(`latin1Pattern: no Latin-1 twin for ${property[0]}`);
        out += inClass ? members : `[${members}]`;
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

  /** The pattern to run and the text to run it on, for `text` (read matches from `text` itself). */
  pick(text: string): { re: RegExp; subject: string } {
    const subject = twinSubject(text);
    if (subject !== null) return { re: this.twin, subject };
    this.unicode ??= new RegExp(this.source, this.flags);
    return { re: this.unicode, subject: text };
  }
}
