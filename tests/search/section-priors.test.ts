/**
 * Document-level priors (issue 12): an index, a glossary or a page made of links ranks below the
 * pages it points to, its score multiplied by the prior on top of the ranking's own; and a passage
 * that spells out an acronym the query typed is lifted. Real pages: the Debian Reference's table
 * of contents and appendix A (tests/fixtures/debian-reference-ja).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPack } from '../../main/archive/pack';
import { buildPack } from '../../main/archive/writer/build-pack';
import { createAnalyzer } from '../../main/search/analyzer/index';
import { definesAcronym, titleSpellsAcronym } from '../../main/search/searcher/acronym-definitions';
import {
  GLOSSARY_PRIOR,
  INDEX_PRIOR,
  linkListPrior,
  SectionPriors,
  titlePrior,
} from '../../main/search/searcher/section-priors';
import { createSearcher } from '../../main/search/searcher/searcher';

const dir = mkdtempSync(join(tmpdir(), 'folio-priors-'));
const file = join(dir, 'debian-reference-ja.folio');
buildPack(resolve(__dirname, '../fixtures/debian-reference-ja'), file);
const pack = openPack(file);
afterAll(() => {
  pack.close();
  rmSync(dir, { recursive: true, force: true });
});

const [contents, appendix] = pack.sections();
/** A searcher over the pack; without section passages, only titles can give a prior. */
const searcher = (readSections: boolean) =>
  createSearcher({
    engine: pack.searchEngine(),
    analyzer: createAnalyzer(pack.manifest),
    passages: {
      passagesByIds: (ids) => pack.passagesByIds(ids),
      sectionTitle: (id) => pack.sectionTitle(id) ?? '',
      ...(readSections ? { sectionPassages: (id: string) => pack.sectionContents(id) } : {}),
    },
  });

/** A section's contents, counting the passages read. */
function counted(sectionId: string) {
  const { count, passages } = pack.sectionContents(sectionId);
  let read = 0;
  return {
    count,
    read: () => read,
    passages: {
      *[Symbol.iterator]() {
        for (const p of passages) {
          read++;
          yield p;
        }
      },
    },
  };
}

describe('section priors', () => {
  it('tells an index, a glossary or an acronym list by its title, numbering aside', () => {
    for (const title of [
      'Index',
      'Index – A',
      'General Index',
      '索引',
      '색인',
      'Python Module Index',
      'INDEX',
      'ＩＮＤＥＸ',
      'Indices and Tables',
    ])
      expect(titlePrior(title), title).toBe(INDEX_PRIOR);
    for (const title of [
      'Appendix M. Glossary',
      'Appendix L. Acronyms',
      'Glossary',
      '용어집',
      '用語集',
      'GLOSSARY',
      'Abbreviations',
      'ABBREVIATIONS',
    ])
      expect(titlePrior(title), title).toBe(GLOSSARY_PRIOR);
    for (const title of [
      '11.9. Index-Only Scans and Covering Indexes',
      'Index Types',
      'Chapter 70. GIN Indexes',
      '付録A 補遺',
    ])
      expect(titlePrior(title), title).toBe(1);
  });

  it('tells a page made of links (a table of contents) by its passages', () => {
    expect(contents!.title).toBe('Debian リファレンス');
    expect(linkListPrior(pack.passagesOfSection(contents!.id))).toBe(INDEX_PRIOR);
    expect(linkListPrior(pack.passagesOfSection(appendix!.id))).toBe(1);
  });

  it('decides from part of a long page of prose, as the whole section would', () => {
    for (const section of pack.sections()) {
      const { count, passages } = pack.sectionContents(section.id);
      expect(count, section.title).toBe(section.passageCount);
      expect(linkListPrior(passages, count), section.title).toBe(linkListPrior(pack.passagesOfSection(section.id)));
    }
    // The appendix is prose: it is known not to be a page of links well before its last passage.
    const appendixRead = counted(appendix!.id);
    expect(linkListPrior(appendixRead.passages, appendixRead.count)).toBe(1);
    expect(appendixRead.read()).toBeGreaterThan(0);
    expect(appendixRead.read()).toBeLessThan(appendixRead.count / 2);
    // The table of contents is one, known once the passages left could not undo it: from its
    // first three quarters or so (all but a few of its passages are entries).
    const tocRead = counted(contents!.id);
    expect(linkListPrior(tocRead.passages, tocRead.count)).toBe(INDEX_PRIOR);
    expect(tocRead.read()).toBeGreaterThan(tocRead.count / 2);
    expect(tocRead.read()).toBeLessThan(tocRead.count);
  });

  it('ranks a table of contents entry below the page it points to, at its score × the prior', () => {
    const withPriors = searcher(true).search({ query: '迷路', limit: 10 });
    const without = searcher(false).search({ query: '迷路', limit: 10 });
    const entry = (r: typeof withPriors) => r.results.findIndex((h) => h.sectionId === contents!.id);
    // Without the page-of-links prior the entry is third; with it, every page passage comes first.
    expect(entry(without)).toBe(2);
    expect(entry(withPriors)).toBe(withPriors.results.length - 1);
    expect(withPriors.results.slice(0, entry(withPriors)).every((h) => h.sectionId === appendix!.id)).toBe(true);
    expect(withPriors.results[entry(withPriors)]!.score).toBeCloseTo(
      without.results[entry(without)]!.score * INDEX_PRIOR,
      10,
    );
    // The total is the same: the entry is still found.
    expect(withPriors.total).toBe(without.total);
  });
});

describe('a long page of links', () => {
  it('is told from part of its first 2,000 passages, not read whole', () => {
    // A generated site: one page of 3,000 links (a list of maintainers, an index of bindings).
    const site = join(dir, 'links-site');
    mkdirSync(site, { recursive: true });
    const entries = Array.from({ length: 3000 }, (_, i) => `<p><a href="other.html#e${i}">Entry number ${i}</a></p>`);
    writeFileSync(
      join(site, 'index.html'),
      `<!doctype html><html lang="en"><head><title>Every entry</title></head><body><h1>Every entry</h1>${entries.join('')}</body></html>`,
    );
    writeFileSync(
      join(site, 'other.html'),
      '<!doctype html><html lang="en"><head><title>Other</title></head><body><h1>Other</h1><p>Prose.</p></body></html>',
    );
    const linksFile = join(dir, 'links.folio');
    buildPack(site, linksFile);
    const links = openPack(linksFile);
    try {
      const section = links.sections().find((s) => s.title === 'Every entry')!;
      expect(section.passageCount).toBeGreaterThan(3000);
      let read = 0;
      const priors = new SectionPriors({
        passagesByIds: (ids) => links.passagesByIds(ids),
        sectionTitle: (id) => links.sectionTitle(id) ?? '',
        sectionPassages: (id) => {
          const { count, passages } = links.sectionContents(id);
          return {
            count,
            passages: {
              *[Symbol.iterator]() {
                for (const p of passages) {
                  read++;
                  yield p;
                }
              },
            },
          };
        },
      });
      const entry = links.passagesOfSection(section.id)[2500]!;
      expect(entry.text).toBe('Entry number 2499');
      expect(priors.of(entry)).toBe(INDEX_PRIOR);
      // Of those 2,000 (a heading, then entries), 1,500 entries settle it: the 499 left could
      // not bring the share of entries below three quarters.
      expect(read).toBe(1501);
    } finally {
      links.close();
    }
  });
});

describe('acronym definitions', () => {
  it('finds an acronym spelt out right before it is used', () => {
    expect(definesAcronym('30.3. Write-Ahead Logging (WAL)', 'WAL')).toBe(true);
    expect(definesAcronym('a multiversion model (Multiversion Concurrency Control, MVCC).', 'MVCC')).toBe(true);
    expect(definesAcronym('Multi-Version Concurrency Control (MVCC)', 'MVCC')).toBe(true);
  });

  it('finds an acronym spelt out right after it', () => {
    expect(definesAcronym('an overview of TOAST (The Oversized-Attribute Storage Technique).', 'TOAST')).toBe(true);
    // Generalized gives g and could give i too: the spelling is searched, not taken greedily.
    expect(definesAcronym('GIN stands for Generalized Inverted Index.', 'GIN')).toBe(true);
  });

  it('tells a title that spells an acronym out', () => {
    expect(titleSpellsAcronym('7.8. WITH Queries (Common Table Expressions)', 'CTE')).toBe(true);
    expect(titleSpellsAcronym('73.7. Heap-Only Tuples (HOT)', 'HOT')).toBe(true);
    // The acronym itself is not its own spelling.
    expect(titleSpellsAcronym('Chapter 65. Generic WAL Records', 'WAL')).toBe(false);
    expect(titleSpellsAcronym('30.5. WAL Configuration', 'WAL')).toBe(false);
  });

  it('does not take a bare use, an acronym list line or a compound for a definition', () => {
    expect(definesAcronym('MVCC', 'MVCC')).toBe(false);
    expect(definesAcronym('TRUNCATE is not MVCC-safe.', 'MVCC')).toBe(false);
    expect(definesAcronym('The WAL files are removed when no longer needed.', 'WAL')).toBe(false);
    expect(definesAcronym('MVCC, Introduction', 'MVCC')).toBe(false);
    // Words that happen to start with its letters, not introduced as its spelling.
    expect(definesAcronym('It keeps WAL when a log is archived.', 'WAL')).toBe(false);
    expect(definesAcronym('with a log WAL', 'WAL')).toBe(false);
  });
});
