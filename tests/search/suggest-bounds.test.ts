/**
 * "Did you mean" is a hint made after the search, over the real embedded archive: it stops when the
 * search is given up (a newer query overtook it) and gives up once SUGGEST_MAX_MS have passed,
 * keeping the words corrected by then.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedPackPath } from '../../main/archive/embedded';
import { openPack } from '../../main/archive/pack';
import { openSearchablePack } from '../../main/archive/searchable-pack';
import { SearchCancelledError } from '../../main/model/errors';
import { createAnalyzer } from '../../main/search/analyzer/index';
import { didYouMean, SUGGEST_MAX_MS, type SuggestSource } from '../../main/search/suggest/did-you-mean';

const path = embeddedPackPath();
const archive = openSearchablePack(path);
const pack = openPack(path);
afterAll(() => {
  archive.close();
  pack.close();
});

const TYPOS = 'armistise agreemnt trumna macarthr refugess soldeirs';
const CORRECTED = 'armistice agreement truman macarthur refugees soldiers';

/** The embedded archive as a suggestion reads it, each passage's texts taking `delayMs` to read. */
function source(delayMs: number, reads: string[]): SuggestSource {
  return {
    engine: pack.searchEngine(),
    analyzer: createAnalyzer({ variants: pack.manifest.variants, languages: pack.manifest.languages }),
    variants: pack.manifest.variants.length > 0,
    textsOf: (id) => {
      const started = performance.now();
      while (performance.now() - started < delayMs);
      reads.push(id);
      const p = pack.passage(id);
      return p ? [p.text, p.title ?? '', pack.sectionTitle(p.sectionId) ?? ''].filter(Boolean) : [];
    },
  };
}

describe('did you mean, bounded', () => {
  it('corrects every word when there is time', () => {
    // The first suggestion in a process compiles its code: on a loaded machine it may pass the bound.
    archive.suggest(TYPOS);
    expect(archive.suggest(TYPOS)).toBe(CORRECTED);
    expect(didYouMean(TYPOS, source(0, []))).toBe(CORRECTED);
  });

  it('stops with the search’s own cancellation once a newer query overtakes it', () => {
    expect(() => archive.suggest('armistise', { cancelled: () => true })).toThrow(SearchCancelledError);
    // Overtaken once the first candidate's passages were read: none is read after that.
    const reads: string[] = [];
    const overtaken = { cancelled: () => reads.length > 0 };
    expect(() => didYouMean(TYPOS, source(0, reads), overtaken)).toThrow(SearchCancelledError);
    const readsBefore = reads.length;
    expect(readsBefore).toBeGreaterThan(0);
    expect(readsBefore).toBeLessThanOrEqual(3);
  });

  it('gives up after SUGGEST_MAX_MS, keeping the words corrected by then', () => {
    // Each passage read as slow as a long passage on a loaded machine: every word at least one read.
    const delayMs = 70;
    const reads: string[] = [];
    const started = performance.now();
    const suggestion = didYouMean(TYPOS, source(delayMs, reads));
    const elapsed = performance.now() - started;
    // Stopped before the last words: they are left as typed.
    expect(reads.length).toBeLessThan(TYPOS.split(' ').length);
    expect(suggestion).not.toBe(CORRECTED);
    expect(suggestion ?? TYPOS).toMatch(/ refugess soldeirs$/);
    // At most one candidate (three passage reads) begun before the bound, plus the index look-ups.
    expect(elapsed).toBeLessThan(SUGGEST_MAX_MS + 3 * delayMs + 200);
    expect(elapsed).toBeGreaterThanOrEqual(SUGGEST_MAX_MS);
  });
});
