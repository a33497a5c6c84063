/**
 * "Did you mean …" over real packs: the embedded archive (built by the real builder) and the small
 * curated fixture. The suggestion must be a word the archive writes, never an index stem.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedPackPath } from '../../main/archive/embedded';
import { openSearchablePack } from '../../main/archive/searchable-pack';
import { buildPack } from '../../main/archive/writer/build-pack';
import { createAnalyzer } from '../../main/search/analyzer/index';
import { LONG_TEXT } from '../../main/search/searcher/text-analysis';
import { correctableRegions } from '../../main/search/suggest/query-words';
import { termWords } from '../../main/search/suggest/term-words';
import type { Analyzer } from '../../main/search/types';
import { tempDir } from '../helpers/temp';

const embedded = openSearchablePack(embeddedPackPath());
const dir = tempDir('folio-suggest-');
const miniPath = join(dir, 'mini.folio');
buildPack(join(__dirname, '..', 'fixtures', 'curated-mini'), miniPath);
const mini = openSearchablePack(miniPath);
// A suggestion is bounded in time (SUGGEST_MAX_MS), and a fresh process's first one compiles most of the
// code it runs: on a machine at load 9 it passed the bound and rightly gave none. These tests are about which
// word is suggested, so each pack has made one suggestion first.
embedded.suggest('harbor');
mini.suggest('harbor');
afterAll(() => {
  embedded.close();
  mini.close();
});

describe('did you mean', () => {
  it('corrects a misspelt word to the word the archive writes, not its stem', () => {
    expect(embedded.suggest('armistise')).toBe('armistice');
    expect(embedded.suggest('trumna')).toBe('truman');
    expect(mini.suggest('harbor')).toBe('harbour');
  });

  it('corrects each word of a multi-word query and keeps the rest as typed', () => {
    expect(embedded.suggest('armistise agreemnt')).toBe('armistice agreement');
    expect(embedded.suggest('the armistise of')).toBe('the armistice of');
    expect(embedded.suggest('Armistice agreemnt')).toBe('Armistice agreement');
  });

  it('keeps the case the reader wrote', () => {
    expect(embedded.suggest('Armistise')).toBe('Armistice');
    expect(embedded.suggest('ARMISTISE')).toBe('ARMISTICE');
  });

  it('keeps the query syntax and corrects only what is searched for', () => {
    expect(embedded.suggest('kind:media armstice')).toBe('kind:media armistice');
    expect(embedded.suggest('title:armstice')).toBe('title:armistice');
    expect(embedded.suggest('+armstice war')).toBe('+armistice war');
    // An excluded word is not searched for: correcting it would find nothing new.
    expect(embedded.suggest('-armstice war')).toBeNull();
  });

  it('suggests nothing for a query that matched exactly', () => {
    for (const query of ['armistice', 'Pusan', 'korea war', 'Yak 9', 'kind:media', 'the'])
      expect(embedded.suggest(query), query).toBeNull();
    expect(mini.suggest('harbour quay')).toBeNull();
  });

  it('leaves alone a word still being typed, numbers, Korean and words with nothing close', () => {
    // "armisti" begins "armistice": the reader may still be typing it. Once the word ends, it is corrected.
    expect(embedded.suggest('armisti')).toBeNull();
    expect(embedded.suggest('armisti ')).toBe('armistice');
    expect(embedded.suggest('19500')).toBeNull();
    expect(embedded.suggest('제주도민')).toBeNull();
    expect(embedded.suggest('zzqxv')).toBeNull();
    // Words that ask for a kind, contractions, and wildcards or fuzzy marks written on purpose.
    expect(embedded.suggest('captions')).toBeNull();
    expect(embedded.suggest('photos of armstice')).toBe('photos of armistice');
    expect(embedded.suggest("don't")).toBeNull();
    expect(embedded.suggest('armstice*')).toBeNull();
    expect(embedded.suggest('sol~1')).toBeNull();
    expect(embedded.suggest('')).toBeNull();
  });

  it('is given with the search that found nothing or only through typo tolerance', () => {
    const fuzzy = embedded.search({ query: 'armistise' });
    expect(fuzzy.total).toBeGreaterThan(0);
    expect(
      fuzzy.results.some((h) => h.highlights.some(([a, b]) => h.text.slice(a, b).toLowerCase() === 'armistice')),
    ).toBe(true);
    expect(embedded.search({ query: 'armstce perimtr' }).total).toBe(0);
    expect(embedded.suggest('armstce perimtr')).toBe('armistice perimeter');
  });
});

/** The written words of each term of `text`, in text order. */
function wordsByTerm(text: string, analyzer: Analyzer): Map<string, string[]> {
  const words = new Map<string, string[]>();
  for (const token of analyzer.analyze(text, 'text'))
    words.set(token.term, [...(words.get(token.term) ?? []), text.slice(token.start, token.end)]);
  return words;
}

describe('the words a term came from', () => {
  it('in a long text, read around where the term is written, are the words of the whole analysis', () => {
    // The archive's own passages, joined into one long text, with a join written only near its end.
    const engine = embedded.pack.searchEngine();
    const texts: string[] = [];
    let length = 0;
    for (const term of ['korea', 'war', 'armi', 'chines', 'armistic', 'pusan', 'truman', 'seoul']) {
      const ranked = engine.ranked([{ term, boost: 1, presence: 'optional' }]);
      for (let i = 0; i < Math.min(40, ranked.length); i++) {
        const text = embedded.pack.passage(ranked.at(i).ref)?.text ?? '';
        texts.push(text);
        length += text.length + 2;
      }
    }
    const text = `${texts.join('\n\n')} The inter-CPU signal came last.`;
    expect(length).toBeGreaterThan(3 * LONG_TEXT);
    // An archive without a variant table: every word the whole analysis gives, read around the places.
    const plain = createAnalyzer({ variants: [], languages: embedded.pack.manifest.languages });
    const whole = wordsByTerm(text, plain);
    expect(whole.get('intercpu')).toEqual(['inter-CPU']);
    expect(whole.size).toBeGreaterThan(500);
    for (const [term, words] of whole) expect(termWords(text, term, plain, false), term).toEqual(words);
    // With the archive's variant table ("Republic of Korea" is "rok"), long texts are read whole.
    const withVariants = createAnalyzer(embedded.pack.manifest);
    for (const [term, words] of wordsByTerm(text, withVariants))
      expect(termWords(text, term, withVariants, true), term).toEqual(words);
  });
});

describe('correctable regions', () => {
  it('are the searched words: not excluded words, kind filters or field names', () => {
    const query = 'kind:media +war -tank title:seoul "cease fire"';
    const words = correctableRegions(query).map(([s, e]) => query.slice(s, e));
    expect(words).toEqual(['war', 'seoul', '"cease', 'fire"']);
  });
});
