/**
 * The written words of a text that an index term came from. A short text is analysed whole. A long
 * one (a source file or a manual shown as one passage: up to hundreds of thousands of characters,
 * tens of milliseconds to analyse) is analysed, in an archive without a variant table, only around
 * the places where the term's beginning is written: a stem begins as its word does ("schedul",
 * "Scheduler") up to the letters its suffix rules rewrite ("sensibl", "sensibility"), and a join or
 * an acronym may put a hyphen, apostrophe or dot between letters ("intercpu", "Inter-CPU"; "un",
 * "U.N."). A term none of whose words begins so (a folded accent or compatibility form: "ï", "①")
 * is found by analysing the text whole, as before; but when some words begin so, such others are
 * not read. A variant table maps words to terms spelt otherwise ("Republic of Korea" to "rok"):
 * with one, long texts are analysed whole.
 *
 * Each place is analysed with MARGIN characters on either side, cut at spaces, and only the tokens
 * starting there are kept: every stage of the analyzer looks at a word's immediate neighbours only,
 * so those tokens are the ones the whole text gives (as searcher/text-analysis.ts reads long texts
 * a piece at a time).
 */
import { LONG_TEXT } from '../searcher/text-analysis';
import type { Analyzer } from '../types';

/** Text analysed beyond either side of a place, so the word there sees its neighbours. */
const MARGIN = 100;
/** Letters of the term looked for: all but the last REWRITTEN (a stemmer's rewrites), at least MIN_LETTERS. */
const REWRITTEN = 2;
const MIN_LETTERS = 2;

/** The written words `term` came from in `text`, in text order (repeats included). */
export function termWords(text: string, term: string, analyzer: Analyzer, variants: boolean): string[] {
  if (text.length <= LONG_TEXT || variants) return wordsIn(text, 0, text.length, term, analyzer, null);
  const places = new Set<number>();
  for (const match of text.matchAll(beginning(term))) places.add(match.index);
  const words: string[] = [];
  let window: [number, number] | null = null;
  for (const place of places) {
    const from = Math.max(0, text.lastIndexOf(' ', place - MARGIN));
    const to = spaceFrom(text, spaceFrom(text, place) + MARGIN);
    // Overlapping windows are analysed as one.
    if (window && from <= window[1]) window[1] = to;
    else {
      if (window) words.push(...wordsIn(text, window[0], window[1], term, analyzer, places));
      window = [from, to];
    }
  }
  if (window) words.push(...wordsIn(text, window[0], window[1], term, analyzer, places));
  return words.length > 0 ? words : wordsIn(text, 0, text.length, term, analyzer, null);
}

/** The words of `text.slice(from, to)` analysed to `term`, those starting at `places` only (null: all). */
function wordsIn(
  text: string,
  from: number,
  to: number,
  term: string,
  analyzer: Analyzer,
  places: ReadonlySet<number> | null,
): string[] {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  const words: string[] = [];
  for (const token of analyzer.analyze(slice, 'text'))
    if (token.term === term && (places === null || places.has(from + token.start)))
      words.push(slice.slice(token.start, token.end));
  return words;
}

/** Where the term's beginning is written, in any case, a hyphen, apostrophe or dot allowed between letters. */
function beginning(term: string): RegExp {
  const letters = Array.from(term);
  const kept = letters.slice(0, Math.max(Math.min(MIN_LETTERS, letters.length), letters.length - REWRITTEN));
  const escaped = kept.map((c) => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
  return new RegExp(escaped.join("[-'’.]?"), 'giu');
}

/** The first space at or after `i`, or the end of the text. */
function spaceFrom(text: string, i: number): number {
  if (i >= text.length) return text.length;
  const at = text.indexOf(' ', i);
  return at < 0 ? text.length : at;
}
