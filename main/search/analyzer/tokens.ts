/** The analyzer's internal token: an index term plus what the searcher needs to plan a query. */

export type TokenRole =
  /** A word of alphabetic text (stemmed when it is English). */
  | 'word'
  /** Capitals (ROK, DPRK) or dotted letters (U.N.): never stemmed, never a stop word. */
  | 'acronym'
  /** Digits, thousands separators removed. */
  | 'number'
  /** A decade, 1950s ('50s is 1950s). */
  | 'decade'
  /** Letters joined with a number: Yak-9, Yak 9 and Yak9 all give yak9. */
  | 'designation'
  /** Hyphenated words written joined: Il-sung gives ilsung. */
  | 'join'
  /** A whole run of CJK (Hangul) characters. */
  | 'cjk'
  /** A character bigram of a longer CJK run. */
  | 'bigram'
  /** An identifier written whole: work_mem, os.path.join, --keep-boilerplate (its parts are words). */
  | 'identifier';

/** One index term with its written span and what the searcher needs to plan a query. */
export interface DetailedToken {
  /** The index term. */
  term: string;
  /** Folded, unstemmed form (what a reader typed, normalised). */
  raw: string;
  start: number;
  end: number;
  role: TokenRole;
  /** Primary tokens are the words as written; the others are added alternatives over the same span. */
  primary: boolean;
  /** A stop word (plain word only). */
  stop: boolean;
  /**
   * Set on the tokens of a variant replacement whose canonical form has a different number of
   * words than what was written ("United States" → `us`), and on the written words kept beside
   * it: tokens sharing a `seq` together make one reading of the span.
   */
  seq?: number;
}
