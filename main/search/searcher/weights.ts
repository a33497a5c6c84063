/**
 * What each kind of alternative term is worth. BOOST is its clause boost for the engine (lunr
 * multiplies the term's weight by it); CREDIT is how much of its concept it satisfies for
 * coordination (score.ts). Exact forms count fully; prefixes and typo corrections count for less, so
 * fuzzy never drowns exact matches.
 */

/** exact: a term the query's words give; raw: their unstemmed form; join: adjacent words written as one
 * (or an unknown word split in two); prefix/stemPrefix: completions of a word being typed, from it as
 * typed or from its stem only; fuzzy/fuzzy2: one- and two-edit corrections. */
export type AlternativeKind = 'exact' | 'raw' | 'join' | 'prefix' | 'stemPrefix' | 'fuzzy' | 'fuzzy2';

export const BOOST = {
  exact: 1,
  raw: 0.9,
  join: 1,
  /** One of several terms that satisfy a concept together (the parts of "Yak 9", a split word). */
  part: 0.8,
  prefix: 0.35,
  stemPrefix: 0.12,
  fuzzy: 0.25,
  fuzzy2: 0.12,
} as const;

export const CREDIT: Readonly<Record<AlternativeKind, number>> = {
  exact: 1,
  raw: 1,
  join: 1,
  prefix: 0.9,
  stemPrefix: 0.5,
  fuzzy: 0.7,
  fuzzy2: 0.5,
};
