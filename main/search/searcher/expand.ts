/**
 * Expansion: alternatives a concept gains beyond the terms its words give, each only when the
 * index holds it, in this order:
 * 1. raw forms: the unstemmed form of a word (acronyms written in capitals: ARMY, POWS), and the stem
 *    of an acronym typed in capitals (ARMY → armi);
 * 2. joins: two or three adjacent words written as one in the index (Heart break → heartbreak);
 * 3. prefixes of the last word while typing (≥ 3 characters, from the word as typed, its stem and
 *    variant-table forms; at most PREFIX_LIMIT terms and PREFIX_POSTINGS postings); a word that is
 *    a designation's letters (MiG) completes only to designations (MiG-15), never to migration;
 * 4. typo corrections for words the vocabulary lacks (or holds once): distance 1 for 4–7 characters,
 *    2 for 8+, at most FUZZY_LIMIT terms, for at most MAX_FUZZY_CONCEPTS concepts; never stop words,
 *    never for acronyms, numbers, designations or Hangul;
 * 5. splits: an unknown word written joined that the index holds as two words (Ilsung → il + sung).
 */
import type { DetailedToken, FolioAnalyzer } from '../analyzer/index';
import { stem } from '../analyzer/stemmer';
import { isStopWord } from '../analyzer/stopwords';
import { editDistance } from '../query/edit-distance';
import type { Analyzer, IndexEngine } from '../types';
import { addAlternative, type Concept } from './concepts';
import { BOOST } from './weights';

const PREFIX_LIMIT = 10;
/** Prefix expansion stops adding terms once their document frequencies sum to this (after 2 terms). */
const PREFIX_POSTINGS = 20_000;
/** Typo corrections per word, at most (did-you-mean reuses the walks this asks for: suggest/closest-word.ts). */
export const FUZZY_LIMIT = 8;
const MAX_FUZZY_CONCEPTS = 4;
/** Longer words are not fuzzy-matched, prefix-expanded or split (no real word is this long; bounded work). */
const MAX_EXPAND_CHARS = 24;

/**
 * Adds every expansion to `concepts` (see the module doc). `checkCancelled` is polled before each
 * concept's prefixes and corrections (a typo's walk of a million-term vocabulary takes up to 25 ms).
 */
export function expandConcepts(
  concepts: Concept[],
  engine: IndexEngine,
  analyzer: Analyzer,
  checkCancelled: () => void = () => {},
): void {
  addRawForms(concepts, engine);
  addJoins(concepts, engine);
  let fuzzyBudget = MAX_FUZZY_CONCEPTS;
  for (const c of concepts) {
    if (c.presence === 'prohibited') continue;
    checkCancelled();
    if (c.partial) addPrefixes(c, engine, analyzer);
    const single = c.tokens.length === 1 ? c.tokens[0]! : undefined;
    if (c.stop || !single || !isWordLike(single) || single.raw.length > MAX_EXPAND_CHARS) continue;
    const known = engine.hasTerm(single.term) || (single.raw !== single.term && engine.hasTerm(single.raw));
    const hasJoin = c.alternatives.some((a) => a.kind === 'join');
    if (!hasJoin && fuzzyBudget > 0 && addCorrections(c, single, known, engine)) fuzzyBudget--;
    if (!known && !hasJoin && single.raw.length >= 5) addSplit(c, single.raw, engine);
  }
}

function isWordLike(t: DetailedToken): boolean {
  return (t.role === 'word' || t.role === 'join') && /^[a-z]+$/.test(t.raw);
}

/** 1. Unstemmed forms the index holds, and the stems of acronyms typed in capitals. */
function addRawForms(concepts: Concept[], engine: IndexEngine): void {
  for (const c of concepts) {
    for (const t of c.tokens) {
      let other: string | undefined;
      if (t.raw !== t.term && isWordLike(t)) other = t.raw;
      else if (t.role === 'acronym' && /^[a-z]+$/.test(t.raw)) other = stem(t.raw);
      if (other && other !== t.term && engine.hasTerm(other)) {
        const exact = c.alternatives.find((a) => a.term === t.term);
        addAlternative(c, {
          term: other,
          kind: 'raw',
          share: exact ? exact.share : 1,
          boost: BOOST.raw,
          set: exact ? exact.set : 'whole',
        });
      }
    }
  }
}

/** 2. Adjacent words written joined in the index (Heart break → heartbreak, Pan mun jom → panmunjom). */
function addJoins(concepts: Concept[], engine: IndexEngine): void {
  const plainWord = (c: Concept): DetailedToken | undefined => {
    const t = c.tokens.length === 1 ? c.tokens[0]! : undefined;
    return t && c.presence !== 'prohibited' && isWordLike(t) ? t : undefined;
  };
  for (let i = 0; i + 1 < concepts.length; i++) {
    for (const span of [3, 2]) {
      const run = concepts.slice(i, i + span);
      if (run.length < span) continue;
      const words = run.map(plainWord);
      if (words.some((w) => !w) || (span === 2 && run.some((c) => c.stop))) continue;
      const joined = stem(words.map((w) => w!.raw).join(''));
      if (!engine.hasTerm(joined)) continue;
      for (const c of run) addAlternative(c, { term: joined, kind: 'join', share: 1, boost: BOOST.join });
      break;
    }
  }
}

/** 3. As-you-type: completions of the last word. */
function addPrefixes(c: Concept, engine: IndexEngine, analyzer: Analyzer): void {
  const prefixes = new Set<string>();
  for (const t of c.tokens) {
    if (!t.primary) continue;
    const min = t.role === 'cjk' ? 1 : 3;
    for (const form of [t.raw, t.term]) {
      const n = Array.from(form).length;
      if (n >= min && n <= MAX_EXPAND_CHARS) prefixes.add(form);
    }
  }
  const typed = c.tokens.filter((t) => t.primary).map((t) => t.raw);
  // Candidates from the typed form and from its stem, most frequent first; terms that do not
  // start with what was typed come from the stem only ("chis" → "chi…") and count for less.
  const candidates: { term: string; asTyped: boolean }[] = [];
  for (const prefix of prefixes) {
    for (const term of engine.expandPrefix(prefix, PREFIX_LIMIT)) {
      if (candidates.some((x) => x.term === term)) continue;
      if (c.alternatives.some((a) => a.term === term && a.kind !== 'prefix')) continue;
      if (!c.stop && isStopWord(term)) continue;
      candidates.push({ term, asTyped: typed.some((r) => term.startsWith(r)) });
    }
  }
  candidates.sort((a, b) => Number(b.asTyped) - Number(a.asTyped));
  // A word typed whole that is the letters of a designation the archive holds (MiG of MiG-15) is
  // that designation, not the start of a longer word: it completes to MiG-15, never to migration.
  const designation = typed.find(
    (r) => engine.hasTerm(r) && candidates.some((x) => x.term.startsWith(r) && /^\p{N}/u.test(x.term.slice(r.length))),
  );
  if (designation !== undefined)
    candidates.splice(
      0,
      candidates.length,
      ...candidates.filter((x) => x.term.startsWith(designation) && /^\p{N}/u.test(x.term.slice(designation.length))),
    );
  // Bounded work: at most PREFIX_LIMIT terms and PREFIX_POSTINGS postings in all.
  let postings = 0;
  let taken = 0;
  for (const { term, asTyped } of candidates) {
    if (taken >= PREFIX_LIMIT || (taken >= 2 && postings >= PREFIX_POSTINGS)) break;
    postings += engine.documentFrequency(term);
    taken++;
    addAlternative(c, {
      term,
      kind: asTyped ? 'prefix' : 'stemPrefix',
      share: 1,
      boost: asTyped ? BOOST.prefix : BOOST.stemPrefix,
    });
  }
  // Variant-table spellings that start with the prefix (Busa → Pusan).
  const folio = analyzer as Partial<FolioAnalyzer>;
  for (const prefix of prefixes) {
    if (typeof folio.variantPrefix !== 'function' || Array.from(prefix).length < 3) continue;
    for (const canonical of folio.variantPrefix(prefix, 4)) {
      for (const t of canonical)
        if (t.primary && engine.hasTerm(t.term))
          addAlternative(c, {
            term: t.term,
            kind: 'prefix',
            share: 1 / canonical.filter((x) => x.primary).length,
            boost: BOOST.prefix,
          });
    }
  }
}

/** Edits a typo correction of a word as typed may make: none below 4 characters, 2 from 8. */
export function fuzzyDistance(term: string): number {
  const n = Array.from(term).length;
  if (n >= 8) return 2;
  if (n >= 4) return 1;
  return 0;
}

/**
 * 4. Typo corrections of a word the vocabulary lacks (or holds in one passage of many). Returns
 * whether the word was looked up (which spends one of the query's MAX_FUZZY_CONCEPTS).
 */
function addCorrections(c: Concept, single: DetailedToken, known: boolean, engine: IndexEngine): boolean {
  const term = single.term;
  let distance = fuzzyDistance(single.raw);
  if (known) {
    const df = engine.documentFrequency(term);
    distance = df <= 1 && engine.documentCount >= 50 && single.raw.length >= 6 ? 1 : 0;
  }
  if (distance === 0) return false;
  const found = new Set<string>();
  // Stop words are never a typo's intended word ("width" is not "with").
  const useful = (f: string): boolean => f !== term && !isStopWord(f);
  for (const f of engine.expandFuzzy(term, distance, FUZZY_LIMIT)) if (useful(f)) found.add(f);
  if (found.size === 0 && single.raw !== term) {
    for (const f of engine.expandFuzzy(single.raw, distance, FUZZY_LIMIT)) if (useful(f)) found.add(f);
  }
  // One-edit corrections count for more than two-edit ones.
  for (const f of [...found].slice(0, FUZZY_LIMIT)) {
    const near = editDistance(f, term, 1) <= 1 || editDistance(f, single.raw, 1) <= 1;
    addAlternative(c, { term: f, kind: near ? 'fuzzy' : 'fuzzy2', share: 1, boost: near ? BOOST.fuzzy : BOOST.fuzzy2 });
  }
  return true;
}

/** 5. An unknown word written joined that the index holds as two words (Ilsung → il + sung). */
function addSplit(c: Concept, chars: string, engine: IndexEngine): void {
  for (let k = 2; k <= chars.length - 2; k++) {
    const left = stem(chars.slice(0, k));
    const right = stem(chars.slice(k));
    if (
      engine.hasTerm(left) &&
      engine.hasTerm(right) &&
      !isStopWord(chars.slice(0, k)) &&
      !isStopWord(chars.slice(k))
    ) {
      addAlternative(c, { term: left, kind: 'join', share: 0.5, boost: BOOST.part, set: 'split' });
      addAlternative(c, { term: right, kind: 'join', share: 0.5, boost: BOOST.part, set: 'split' });
      return;
    }
  }
}
