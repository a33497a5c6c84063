/**
 * A long passage is analysed a piece at a time (text-analysis.ts): the pieces must give the tokens
 * the whole text gives, whatever words the cuts fall between, and what a reader sees of a long
 * passage (its phrases found, its snippet at the first match) must not depend on where they fall.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, type DetailedToken } from '../../main/search/analyzer/index';
import { FIRST_PIECE, LONG_TEXT, TextAnalysis } from '../../main/search/searcher/text-analysis';
import { FIXTURE_VARIANTS, fixturePassages, textSearcher } from './fixture';

const analyzer = createAnalyzer({ variants: FIXTURE_VARIANTS, languages: ['en', 'ko'] });
/** A token as a reader's search meets it (a variant's sequence number is only told apart, not kept). */
const shape = (t: DetailedToken) => [t.term, t.raw, t.start, t.end, t.role, t.primary, t.stop, t.seq !== undefined];

/** Real text: the fixture archive's passages (variants, designations, Hangul) and a PostgreSQL page, as plain words. */
const fixtureText = fixturePassages()
  .passages.map((p) => p.text)
  .join(' ');
const pageText = readFileSync(join(__dirname, '..', 'fixtures', 'postgresql-15', 'datatype-numeric.html'), 'utf8')
  .replace(/<[^>]*>/g, ' ')
  .replace(/\s+/g, ' ');

describe('text analysis in pieces', () => {
  it('gives the tokens of the whole text, wherever the pieces are cut', () => {
    // Shifting the text by a word or a few characters at a time moves every cut across the words
    // near it: variants ("Kim Il sung"), designations ("Yak 9", "MiG 15s"), hyphen joins, Hangul.
    for (let shift = 0; shift < 40; shift++) {
      const text = 'x'.repeat(shift) + ' ' + (fixtureText + ' ' + pageText + ' ').repeat(3);
      expect(text.length).toBeGreaterThan(3 * LONG_TEXT);
      const pieces = new TextAnalysis(text, (t) => analyzer.analyzeDetailed(t));
      expect(pieces.complete).toBe(false);
      expect(pieces.whole().map(shape)).toEqual(analyzer.analyzeDetailed(text).map(shape));
    }
  });

  it('gives the tokens of words that meet across a cut', () => {
    // The first piece ends at the first space from FIRST_PIECE on: each of these is written so that
    // the cut falls at each of its spaces and in each of its words in turn.
    const across = [
      'Kim Il sung',
      'the Yak 9 fighter',
      'MiG 15s',
      'a U.S.-Soviet commission',
      '제주 4·3 민중항쟁',
      'Il-sung',
    ];
    expect(pageText.length).toBeGreaterThan(FIRST_PIECE);
    for (const words of across)
      for (let d = 0; d <= words.length + 1; d++) {
        const text = pageText.slice(0, FIRST_PIECE - d - 1) + ' ' + words + ' ' + pageText.repeat(3);
        const pieces = new TextAnalysis(text, (t) => analyzer.analyzeDetailed(t));
        expect(pieces.whole().map(shape), `${words} at ${d}`).toEqual(analyzer.analyzeDetailed(text).map(shape));
      }
  });

  it('analyses a short text whole at once', () => {
    const analysis = new TextAnalysis(fixtureText, (t) => analyzer.analyzeDetailed(t));
    expect(analysis.complete).toBe(true);
    expect(analysis.tokens.map(shape)).toEqual(analyzer.analyzeDetailed(fixtureText).map(shape));
  });
});

describe('a long passage', () => {
  // 60,000 characters of a PostgreSQL page, "memory barrier" written once after a third of it and
  // again near its end.
  const filler = pageText.repeat(Math.ceil(60_000 / pageText.length)).slice(0, 60_000);
  const first = 20_000 + filler.slice(20_000).indexOf(' ');
  const text =
    filler.slice(0, first) +
    ' a memory barrier orders accesses ' +
    filler.slice(first, 58_000) +
    ' full memory barrier.';
  const searcher = textSearcher([text, 'A memory that holds a barrier.'], {
    idPrefix: 'long',
    languages: ['en'],
    sectionTitle: 'Barriers',
  });

  it('shows its first match, highlighted, in its snippet', () => {
    const hit = searcher.search({ query: 'barrier', limit: 10 }).results.find((h) => h.passageId === 'long0')!;
    const at = text.indexOf('barrier');
    expect(hit.snippetStart).toBeLessThanOrEqual(at);
    expect(hit.snippetStart + hit.snippet.length).toBeGreaterThanOrEqual(at + 'barrier'.length);
    expect(hit.highlights).toContainEqual([at, at + 'barrier'.length]);
    expect(hit.snippet).toBe(text.slice(hit.snippetStart, hit.snippetStart + hit.snippet.length));
  });

  it('is found by a phrase written only at its end, and not by one it never holds', () => {
    const found = (query: string) => searcher.search({ query, limit: 10 }).results.map((h) => h.passageId);
    expect(found('"full memory barrier"')).toEqual(['long0']);
    expect(found('"barrier orders"')).toEqual(['long0']);
    expect(found('"barrier memory"')).toEqual([]);
  });
});
