/**
 * The query language (the syntax is the README's "Searching: the query syntax"). Any string parses;
 * nothing is ever an error and raw text never reaches lunr's query parser.
 *
 * Consecutive plain words are one part, analysed together, so that multi-word variants and
 * designations such as `Yak 9` are recognised. Anything that is not the syntax, including a prefix
 * that is not a field or `kind:` (`foo:bar`), stray quotes, lone `+`, `-`, `*`, `~`, `:` and control
 * characters, is plain text. Input is cut at MAX_QUERY_CHARS and MAX_PARTS parts. `partialLast` is
 * true when the query does not end in whitespace or a closing quote: its last word may still be
 * being typed (the searcher then also tries it as a prefix).
 */
import type { PassageKind } from '../../model/passage-kind';
import type { SearchField } from '../types';

/** Longer input is cut here (a query is words, not a document). */
export const MAX_QUERY_CHARS = 500;
/** At most this many parts (words, phrases, field terms) are kept. */
export const MAX_PARTS = 32;

/** One part of a query: plain words, a phrase or a field term, with its presence. */
export interface QueryPart {
  /** The text to analyse (a word, a phrase or a field value). */
  text: string;
  /** Restrict to these fields; absent means all. */
  fields?: SearchField[];
  presence: 'optional' | 'required' | 'prohibited';
  /** From a quoted phrase: all its words are required. */
  phrase: boolean;
}

/** A whole parsed query. */
export interface ParsedQuery {
  parts: QueryPart[];
  /** Kinds asked for with `kind:`; empty means no restriction. */
  kinds: PassageKind[];
  /** The last part may be a word still being typed. */
  partialLast: boolean;
}

const FIELD_NAMES: Record<string, SearchField> = { title: 'title', text: 'text', caption: 'caption', media: 'media' };

const KIND_NAMES: Record<string, PassageKind> = {
  media: 'media',
  video: 'media',
  videos: 'media',
  film: 'media',
  films: 'media',
  movie: 'media',
  movies: 'media',
  caption: 'caption',
  captions: 'caption',
  photo: 'caption',
  photos: 'caption',
  image: 'caption',
  images: 'caption',
  picture: 'caption',
  pictures: 'caption',
  text: 'text',
  texts: 'text',
  paragraph: 'text',
  paragraphs: 'text',
  heading: 'heading',
  headings: 'heading',
};

// Control characters (NUL included) become spaces.
// eslint-disable-next-line no-control-regex -- matching control characters is what this pattern is for
const CONTROL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const QUOTES_RE = /[\u201c\u201d\u201e\u00ab\u00bb]/g;

/** Parses `input` (any value) into a structured query. Never throws. */
export function parseQuery(input: unknown): ParsedQuery {
  const empty: ParsedQuery = { parts: [], kinds: [], partialLast: false };
  if (typeof input !== 'string') return empty;
  let text = input.length > MAX_QUERY_CHARS * 4 ? input.slice(0, MAX_QUERY_CHARS * 4) : input;
  text = text.replace(CONTROL_RE, ' ').replace(QUOTES_RE, '"');
  // Do not cut a surrogate pair in half.
  if (text.length > MAX_QUERY_CHARS) {
    const cut = /[\ud800-\udbff]/.test(text[MAX_QUERY_CHARS - 1]!) ? MAX_QUERY_CHARS - 1 : MAX_QUERY_CHARS;
    text = text.slice(0, cut);
  }
  const parts: QueryPart[] = [];
  const kinds = new Set<PassageKind>();
  let i = 0;
  let lastEndedWord = false;
  while (i < text.length && parts.length < MAX_PARTS) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) {
      lastEndedWord = false;
      break;
    }
    let presence: QueryPart['presence'] = 'optional';
    let j = i;
    if (text[j] === '+' || text[j] === '-') {
      const next = text[j + 1];
      if (next !== undefined && !/\s/.test(next) && next !== '+' && next !== '-') {
        presence = text[j] === '+' ? 'required' : 'prohibited';
        j++;
      }
    }
    let fields: SearchField[] | undefined;
    const prefix = /^([A-Za-z]+):/.exec(text.slice(j, j + 12));
    if (prefix) {
      const name = prefix[1]!.toLowerCase();
      const afterColon = j + prefix[0].length;
      const rest = text[afterColon];
      const hasValue = rest !== undefined && !/\s/.test(rest);
      if (name === 'kind' && hasValue) {
        const m = /^[^\s"]+/.exec(text.slice(afterColon));
        const kind = m ? KIND_NAMES[m[0].toLowerCase()] : undefined;
        if (kind && presence !== 'prohibited') {
          kinds.add(kind);
          i = afterColon + m![0].length;
          lastEndedWord = false;
          continue;
        }
      } else if (FIELD_NAMES[name] && hasValue) {
        fields = [FIELD_NAMES[name]];
        j = afterColon;
      }
    }
    let value: string;
    let phrase = false;
    if (text[j] === '"') {
      const close = text.indexOf('"', j + 1);
      const end = close < 0 ? text.length : close;
      value = text.slice(j + 1, end);
      phrase = true;
      i = close < 0 ? text.length : close + 1;
      lastEndedWord = close < 0;
    } else {
      const m = /^\S+/.exec(text.slice(j));
      value = m ? m[0] : '';
      i = j + value.length;
      lastEndedWord = true;
      // A bare sign or a sign followed by a field prefix alone is just text.
      if (!value && j > i) value = text.slice(i, j);
    }
    if (!value.trim()) continue;
    const part: QueryPart = {
      text: value,
      presence: phrase && presence === 'optional' ? 'required' : presence,
      phrase,
    };
    if (fields) part.fields = fields;
    // Consecutive plain words stay one part, so multi-word variants ("Yun Bo-seon") and designations
    // ("Yak 9") are analysed in context.
    const prev = parts[parts.length - 1];
    if (
      prev &&
      !prev.fields &&
      !part.fields &&
      !prev.phrase &&
      !part.phrase &&
      prev.presence === 'optional' &&
      part.presence === 'optional'
    ) {
      prev.text = `${prev.text} ${part.text}`;
      continue;
    }
    parts.push(part);
  }
  const partialLast = lastEndedWord && i >= text.length && text.length > 0 && !/\s$/.test(text);
  return { parts, kinds: [...kinds], partialLast };
}
