/**
 * "Did you mean …": the query with each misspelt word replaced by the closest word of the archive's
 * own vocabulary (closest-word.ts). A word is misspelt when its index term is not in the pack's
 * term dictionary: then it matched nothing, or only through the searcher's typo tolerance. A query
 * whose every word is in the dictionary matched exactly, and gets no suggestion.
 *
 * Left alone: words still being typed (the last word, when it begins some word of the archive),
 * stop words, words that ask for a kind ("photos", "videos": they need not be in the text), words
 * with digits or apostrophes (contractions are not misspellings), short words, and Chinese, Japanese
 * and Korean text (which the analyzer splits into bigrams, not words).
 *
 * A suggestion is a hint, made after the search: it obeys the search's control (a newer query
 * overtaking this one cancels it, polled before each word and each candidate's passages) and gives
 * up after SUGGEST_MAX_MS, keeping the words corrected by then.
 */
import { SearchCancelledError } from '../../model/errors';
import { isStopWord } from '../analyzer/stopwords';
import { nowMs } from '../searcher/clock';
import { kindIntent } from '../searcher/kind-words';
import type { SearchControl } from '../searcher/searcher';
import type { AnalyzedToken, Analyzer, IndexEngine } from '../types';
import { closestWord } from './closest-word';
import { correctableRegions, type Span } from './query-words';
import type { PassageTexts } from './written-form';

/** What a suggestion is made from: the pack's index, the archive's analyzer and its passages' texts. */
export interface SuggestSource {
  engine: Pick<IndexEngine, 'hasTerm' | 'expandPrefix' | 'expandFuzzy' | 'documentFrequency' | 'ranked'>;
  analyzer: Analyzer;
  textsOf: PassageTexts;
  /** Whether the archive has a variant table (then a word may analyse to a term spelt otherwise). */
  variants: boolean;
}

const CJK = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const MIN_WORD = 3;
/** A long query is not spell-checked past this many words (each costs a few index reads). */
const MAX_CORRECTIONS = 6;
/**
 * Past this, no further word or candidate is looked up (a word whose look-up is cut short is left as
 * typed). A typo's suggestion takes 1–10 ms on the Linux + Rust documentation once the process is
 * warm, and a process's first took up to 130 ms on a loaded machine: the bound sits above that, so
 * that the same query gets the same suggestion, and stops a long query of misspellings among long
 * passages from holding the worker (as CHECK_UNFILLED_MS bounds the searcher's checks).
 */
export const SUGGEST_MAX_MS = 200;

const inside = (token: AnalyzedToken, region: Span): boolean => token.start >= region[0] && token.end <= region[1];
const overlaps = (a: AnalyzedToken, b: AnalyzedToken): boolean => a.start < b.end && b.start < a.end;

/** The corrected query, or null when there is nothing to correct (or no close word for it). */
export function didYouMean(query: string, source: SuggestSource, control?: SearchControl): string | null {
  const started = nowMs();
  let outOfTime = false;
  // Throws when the search is given up; false once the time is spent (and from then on).
  const proceed = (): boolean => {
    if (control?.cancelled()) throw new SearchCancelledError('search cancelled');
    outOfTime ||= nowMs() - started >= SUGGEST_MAX_MS;
    return !outOfTime;
  };
  const { engine, analyzer } = source;
  const regions = correctableRegions(query);
  if (regions.length === 0) return null;
  const tokens = analyzer.analyze(query, 'text');
  const known = tokens.filter((t) => engine.hasTerm(t.term));
  const stillTyping = !/[\s"”]$/.test(query);
  const last = tokens.at(-1);
  const corrections: { start: number; end: number; word: string }[] = [];
  for (const token of tokens) {
    if (corrections.length >= MAX_CORRECTIONS || !proceed()) break;
    if (!regions.some((r) => inside(token, r))) continue;
    // A word some other term of it stands for (a designation's parts, a join) is not misspelt.
    if (known.some((k) => overlaps(k, token))) continue;
    if (corrections.some((c) => c.start < token.end && token.start < c.end)) continue;
    const typed = query.slice(token.start, token.end);
    if (Array.from(typed).length < MIN_WORD || /[\p{N}'’]/u.test(typed) || CJK.test(typed)) continue;
    if (isStopWord(typed.toLowerCase()) || kindIntent(typed.toLowerCase())) continue;
    if (stillTyping && token === last && engine.expandPrefix(token.term, 1).length > 0) continue;
    const closest = closestWord(typed, token.term, engine, analyzer, source.textsOf, source.variants, proceed);
    if (outOfTime) break;
    if (!closest) continue;
    corrections.push({ start: token.start, end: token.end, word: inCaseOf(typed, closest.word) });
  }
  if (corrections.length === 0) return null;
  let corrected = '';
  let at = 0;
  for (const c of corrections.sort((a, b) => a.start - b.start)) {
    corrected += query.slice(at, c.start) + c.word;
    at = c.end;
  }
  corrected += query.slice(at);
  return corrected.trim() === query.trim() ? null : corrected.trim();
}

/** `word` written in the case of `typed`: capitalised, or all capitals, when the reader wrote it so. */
function inCaseOf(typed: string, word: string): string {
  if (typed.length > 1 && typed === typed.toUpperCase() && typed !== typed.toLowerCase()) return word.toUpperCase();
  const first = typed[0] ?? '';
  if (first !== first.toLowerCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}
