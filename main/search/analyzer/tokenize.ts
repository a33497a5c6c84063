/**
 * Unicode tokenisation with offsets into the written text.
 *
 * A regular expression over Unicode properties finds written words (letters, marks and digits,
 * with apostrophes allowed *inside* a word), dotted acronyms (U.N.) and grouped numbers
 * (120,000). Each word is then split where its script class changes (letters, digits, CJK), so
 * "T34" gives `t` and `34`, "1950s" a decade, "280mm" `280` and `mm`; a word mixing letters and
 * digits also gets its joined form (`t34`) as a designation. CJK runs become whole-run and bigram
 * tokens (cjk.ts). Terms are folded (normalize.ts) but not yet stemmed, variant-mapped or joined
 * across words: later stages do that.
 */
import { acronymTerm, DOTTED_ACRONYM_SOURCE, dottedTerm } from './abbreviations';
import { TwinPattern } from './latin1-pattern';
import { cjkTokens } from './cjk';
import { foldCjk, foldWord, isApostrophe } from './normalize';
import { decadeTerm, GROUPED_NUMBER_SOURCE, isOrdinalSuffix, numberTerm } from './numbers';
import { charClass, type CharClass } from './script';
import type { DetailedToken } from './tokens';

const WORD_SOURCE = String.raw`[\p{L}\p{M}\p{N}]+(?:['\u2019\u2018\u02bc][\p{L}\p{M}\p{N}]+)*`;
/**
 * Identifiers, found whole and by their parts: snake_case, dotted.names and a::b (starting with a
 * letter or underscore, at least one joiner between letters and digits), and --long-options.
 */
const ALNUM = String.raw`[\p{L}\p{M}\p{N}]+`;
const JOINED = String.raw`(?:(?:_+|\.|::)${ALNUM})`;
const IDENTIFIER_SOURCE = String.raw`(?<![\p{L}\p{M}\p{N}_.:-])(?:--\p{L}[\p{L}\p{M}\p{N}]*(?:-${ALNUM})*|(?=_*\p{L})(?:_+${ALNUM}${JOINED}*_*|${ALNUM}${JOINED}+_*|${ALNUM}_+))`;
// Each with a Latin-1 twin (latin1-pattern.ts): V8 is slow to compile the Unicode classes.
const TOKEN_RE = new TwinPattern(
  `${DOTTED_ACRONYM_SOURCE}|${GROUPED_NUMBER_SOURCE}|${IDENTIFIER_SOURCE}|${WORD_SOURCE}`,
  'gu',
);
const JOINER = /^(?:--|[_.:-])/u;
/** Hoisted: a pattern literal in the loop would be a new RegExp object for every word. */
const JOINED_CHARS = /[_.:]/u;
const PARTS_RE = new TwinPattern(String.raw`[\p{L}\p{M}\p{N}]+`, 'gu');
const DOTTED_RE = new TwinPattern(`^${DOTTED_ACRONYM_SOURCE}$`, 'u');

/** Whether `written` is a dotted acronym (U.N.), whole. */
function dotted(written: string): boolean {
  const { re, subject } = DOTTED_RE.pick(written);
  return re.test(subject);
}

interface Segment {
  cls: CharClass;
  start: number;
  end: number;
}

/** Splits a written word where the class changes; apostrophes stay with letters, commas with digits. */
function segments(text: string, start: number, end: number): Segment[] {
  const out: Segment[] = [];
  let i = start;
  while (i < end) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    let cls: CharClass;
    if (isApostrophe(ch)) cls = 'alpha';
    else if (ch === ',') cls = 'digit';
    else cls = charClass(ch);
    const last = out[out.length - 1];
    if (last && last.cls === cls) last.end = i + ch.length;
    else out.push({ cls, start: i, end: i + ch.length });
    i += ch.length;
  }
  return out;
}

function tok(term: string, start: number, end: number, role: DetailedToken['role'], primary = true): DetailedToken {
  return { term, raw: term, start, end, role, primary, stop: false };
}

/** Tokens of one written word at [start, end). */
const ASCII_LETTERS = /^[A-Za-z]+$/;
const CAMEL_RE = /[a-z][A-Z]/;

/**
 * Words run together in camel case ("fromNorth", "MacArthur", "getElementById") also give their
 * parts, as alternatives over the same span: "North" finds "fromNorth", "Arthur" finds "MacArthur".
 */
function camelParts(written: string, start: number): DetailedToken[] {
  const parts: DetailedToken[] = [];
  const re = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g;
  for (let m = re.exec(written); m !== null; m = re.exec(written)) {
    if (m[0].length < 2) continue;
    parts.push(tok(m[0].toLowerCase(), start + m.index, start + m.index + m[0].length, 'word', false));
  }
  return parts.length >= 2 ? parts : [];
}
const ASCII_DIGITS = /^[0-9]+$/;

/** Adds the tokens of one written word at [start, end) to `out` (one array for the whole text: fewer short-lived ones). */
function wordTokens(
  text: string,
  start: number,
  end: number,
  out: DetailedToken[],
  written = text.slice(start, end),
): void {
  // Fast paths: most words are plain ASCII letters or digits.
  if (ASCII_LETTERS.test(written)) {
    const acronym = acronymTerm(written);
    if (acronym) {
      out.push(tok(acronym, start, end, 'acronym'));
      return;
    }
    out.push(tok(written.toLowerCase(), start, end, 'word'));
    if (CAMEL_RE.test(written)) for (const part of camelParts(written, start)) out.push(part);
    return;
  }
  if (ASCII_DIGITS.test(written)) {
    out.push(tok(written, start, end, 'number'));
    return;
  }
  if (written.includes('.') && dotted(written)) {
    const term = dottedTerm(written);
    if (term) out.push(tok(term, start, end, 'acronym'));
    return;
  }
  const segs = segments(text, start, end);
  const joinable: DetailedToken[] = [];
  for (let s = 0; s < segs.length; s++) {
    const seg = segs[s]!;
    const part = text.slice(seg.start, seg.end);
    if (seg.cls === 'cjk') {
      const run = foldCjk(part);
      out.push(...cjkTokens(run.length === part.length ? run : part, seg.start));
      continue;
    }
    if (seg.cls === 'digit') {
      const digits = numberTerm(part);
      const next = segs[s + 1];
      // Apostrophes before a suffix do not count: 1950's = 1950s, 38'th = 38th.
      const nextText =
        next && next.cls === 'alpha' ? text.slice(next.start, next.end).replace(/^['\u2019\u2018\u02bc]/, '') : '';
      if (next && nextText && isOrdinalSuffix(nextText)) {
        const t = tok(digits, seg.start, next.end, 'number');
        out.push(t);
        joinable.push(t);
        s++;
        continue;
      }
      if (next && (nextText === 's' || nextText === 'S') && s + 2 >= segs.length) {
        const decade = decadeTerm(digits, seg.start === start);
        const t = decade ? tok(decade, seg.start, next.end, 'decade') : tok(digits, seg.start, next.end, 'number');
        out.push(t);
        joinable.push(t);
        s++;
        continue;
      }
      const t = tok(digits, seg.start, seg.end, 'number');
      out.push(t);
      joinable.push(t);
      continue;
    }
    const clean = part.replace(/['\u2019\u2018\u02bc]/g, '');
    if (!clean) continue;
    const acronym = acronymTerm(clean);
    const t = acronym ? tok(acronym, seg.start, seg.end, 'acronym') : tok(foldWord(part), seg.start, seg.end, 'word');
    if (!t.term) continue;
    out.push(t);
    joinable.push(t);
  }
  if (joinable.length >= 2 && joinable.some((t) => t.role === 'number') && joinable.some((t) => t.role !== 'number')) {
    const first = joinable[0]!;
    const last = joinable[joinable.length - 1]!;
    out.push(tok(joinable.map((t) => t.raw).join(''), first.start, last.end, 'designation', false));
  }
}

/**
 * An identifier's tokens: the whole (`work_mem`, `os.path.join`, `--keep-boilerplate`, folded but
 * never stemmed), then its parts as alternatives over their own spans, so "work mem" and "mem" find
 * it too while "work_mem" ranks the passages that write it whole first.
 */
function identifierTokens(text: string, start: number, end: number, out: DetailedToken[]): void {
  const written = text.slice(start, end);
  out.push(tok(foldWord(written), start, end, 'identifier'));
  const parts = PARTS_RE.pick(written);
  parts.re.lastIndex = 0;
  for (let m = parts.re.exec(parts.subject); m !== null; m = parts.re.exec(parts.subject)) {
    const from = out.length;
    wordTokens(text, start + m.index, start + m.index + m[0].length, out);
    for (let i = from; i < out.length; i++) out[i]!.primary = false;
  }
}

/** All tokens of `text`, in order of their start offset (primaries before alternatives on ties). */
export function tokenize(text: string): DetailedToken[] {
  const out: DetailedToken[] = [];
  // The twin's subject has stand-ins for characters beyond Latin-1: a match is read from the text.
  const { re, subject } = TOKEN_RE.pick(text);
  re.lastIndex = 0;
  for (let m = re.exec(subject); m !== null; m = re.exec(subject)) {
    const start = m.index;
    const end = start + m[0].length;
    const written = text.slice(start, end);
    const identifier = JOINER.test(written) || JOINED_CHARS.test(written);
    const isDotted = identifier && !written.includes('_') && !written.includes(':') && !written.startsWith('--');
    if (identifier && !(isDotted && dotted(written))) identifierTokens(text, start, end, out);
    else wordTokens(text, start, end, out, written);
  }
  return out;
}
