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
import { isLinkList, LINK_LIST_READ, type LinkListPassage } from '../../main/search/searcher/link-lists';
import type { PassageSource } from '../../main/search/searcher/passage-source';
import { GLOSSARY_PRIOR, INDEX_PRIOR, titlePrior } from '../../main/search/searcher/section-priors';
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
/** A searcher over the pack; without the stored lists of links, only titles can give a prior. */
const searcher = (linkLists: boolean) =>
  createSearcher({
    engine: pack.searchEngine(),
    analyzer: createAnalyzer(pack.manifest),
    passages: {
      passagesByIds: (ids) => pack.passagesByIds(ids),
      sectionTitle: (id) => pack.sectionTitle(id) ?? '',
      ...(linkLists ? { sectionIsLinkList: (id: string) => pack.sectionIsLinkList(id) ?? false } : {}),
    },
  });

/** A section's passages, counting those read. */
function counted(passages: readonly LinkListPassage[]) {
  const count = passages.length;
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
      // Numbering of each form, the first character telling whether any can be there.
      '1. Index',
      '12.3 Index',
      'A. Index',
      'b: Index',
      'part IV index',
      '第3章 索引',
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
      'chapter 9 glossary',
      '付録A 用語集',
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

  it('tells a page made of links (a table of contents) by its passages, and the pack keeps the answer', () => {
    expect(contents!.title).toBe('Debian リファレンス');
    expect(isLinkList(pack.passagesOfSection(contents!.id))).toBe(true);
    expect(isLinkList(pack.passagesOfSection(appendix!.id))).toBe(false);
    // Told when the pack was built, by the same rule: every section's row agrees with its passages.
    expect(pack.sectionIsLinkList(contents!.id)).toBe(true);
    expect(pack.sectionIsLinkList(appendix!.id)).toBe(false);
    for (const section of pack.sections()) {
      const first = pack.passagesOfSection(section.id).slice(0, LINK_LIST_READ);
      expect(pack.sectionIsLinkList(section.id), section.title).toBe(isLinkList(first));
    }
  });

  it('decides from part of a long page of prose, as the whole section would', () => {
    for (const section of pack.sections()) {
      const passages = pack.passagesOfSection(section.id);
      expect(isLinkList(counted(passages).passages, passages.length), section.title).toBe(isLinkList(passages));
    }
    // The appendix is prose: it is known not to be a page of links well before its last passage.
    const appendixRead = counted(pack.passagesOfSection(appendix!.id));
    expect(isLinkList(appendixRead.passages, appendixRead.count)).toBe(false);
    expect(appendixRead.read()).toBeGreaterThan(0);
    expect(appendixRead.read()).toBeLessThan(appendixRead.count / 2);
    // The table of contents is one, known once the passages left could not undo it: from its
    // first three quarters or so (all but a few of its passages are entries).
    const tocRead = counted(pack.passagesOfSection(contents!.id));
    expect(isLinkList(tocRead.passages, tocRead.count)).toBe(true);
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
  // A generated site: one page of 3,000 links (a list of maintainers, an index of bindings), one of
  // prose whose short lines hold links too, and a word on both.
  const site = join(dir, 'links-site');
  mkdirSync(site, { recursive: true });
  const entries = Array.from({ length: 3000 }, (_, i) => `<p><a href="other.html#e${i}">Entry number ${i}</a></p>`);
  entries[2499] = '<p><a href="other.html#zebra">Zebra crossings</a></p>';
  writeFileSync(
    join(site, 'index.html'),
    `<!doctype html><html lang="en"><head><title>Every entry</title></head><body><h1>Every entry</h1>${entries.join('')}</body></html>`,
  );
  const prose = Array.from(
    { length: 12 },
    (_, i) =>
      `<p>Paragraph ${i} of the page says what a crossing is, at the length of a real paragraph of prose, with a <a href="index.html">link</a> in it.</p>`,
  );
  writeFileSync(
    join(site, 'other.html'),
    `<!doctype html><html lang="en"><head><title>Other</title></head><body><h1>Other</h1>${prose.join('')}<p><a href="index.html">Zebra</a> crossings, again.</p></body></html>`,
  );
  const linksFile = join(dir, 'links.folio');
  buildPack(site, linksFile);

  it('is told when the pack is built, from part of its first 2,000 passages', () => {
    const links = openPack(linksFile);
    try {
      const [list, other] = ['Every entry', 'Other'].map((t) => links.sections().find((s) => s.title === t)!);
      expect(list!.passageCount).toBeGreaterThan(3000);
      expect(links.sectionIsLinkList(list!.id)).toBe(true);
      expect(links.sectionIsLinkList(other!.id)).toBe(false);
      // The rule reads no further than it must: of those 2,000 (a heading, then entries), 1,500
      // entries settle it, as the 499 left could not bring the share of entries below three quarters.
      const first = counted(links.passagesOfSection(list!.id).slice(0, LINK_LIST_READ));
      expect(isLinkList(first.passages, first.count)).toBe(true);
      expect(first.read()).toBe(1501);
    } finally {
      links.close();
    }
  });

  it('ranks an entry by the flag kept with its section, reading none of the section', () => {
    const links = openPack(linksFile);
    try {
      const list = links.sections().find((s) => s.title === 'Every entry')!;
      let read = 0;
      const source = (linkLists: PassageSource['sectionIsLinkList']): PassageSource => ({
        passagesByIds: (ids) => {
          read += ids.length;
          return links.passagesByIds(ids);
        },
        sectionTitle: (id) => links.sectionTitle(id) ?? '',
        sectionIsLinkList: linkLists,
      });
      const search = (linkLists: PassageSource['sectionIsLinkList']) =>
        createSearcher({
          engine: links.searchEngine(),
          analyzer: createAnalyzer(links.manifest),
          passages: source(linkLists),
        }).search({ query: 'zebra', limit: 10 });
      const asked: string[] = [];
      const kept = search((id) => {
        asked.push(id);
        return links.sectionIsLinkList(id) ?? false;
      });
      const keptRead = read;
      const none = search(() => false);
      const entry = (r: typeof kept) => r.results.find((h) => h.sectionId === list.id)!;
      expect(entry(kept).text).toBe('Zebra crossings');
      expect(entry(kept).score).toBeCloseTo(entry(none).score * INDEX_PRIOR, 10);
      expect(asked).toContain(list.id);
      // The hits' passages only, not the 3,000 of the list.
      expect(keptRead).toBeGreaterThan(0);
      expect(keptRead).toBeLessThan(20);
    } finally {
      links.close();
    }
  });
});

describe('candidates past the page', () => {
  // A generated site: an index whose short entries hold a word (lunr ranks them first) and a page of
  // prose that holds it too; the index's prior sends the page's passages up past its entries.
  const site = join(dir, 'index-site');
  mkdirSync(site, { recursive: true });
  const entries = Array.from({ length: 40 }, (_, i) => `<p>zebra, see crossing ${i}</p>`);
  writeFileSync(
    join(site, 'index.html'),
    `<!doctype html><html lang="en"><head><title>Index</title></head><body><h1>Index</h1>${entries.join('')}</body></html>`,
  );
  const prose = Array.from({ length: 12 }, (_, i) => `<p>The zebra crossing ${i} is here.</p>`);
  writeFileSync(
    join(site, 'crossings.html'),
    `<!doctype html><html lang="en"><head><title>Crossings</title></head><body><h1>Crossings</h1>${prose.join('')}</body></html>`,
  );
  const indexFile = join(dir, 'index-site.folio');
  buildPack(site, indexFile);

  it("take their section's prior without their passages being read, for the same page", () => {
    const built = openPack(indexFile);
    try {
      const index = built.sections().find((s) => s.title === 'Index')!;
      const search = (sections: boolean) => {
        const read = new Set<string>();
        const response = createSearcher({
          engine: built.searchEngine(),
          analyzer: createAnalyzer(built.manifest),
          passages: {
            passagesByIds: (ids) => {
              for (const id of ids) read.add(id);
              return built.passagesByIds(ids);
            },
            sectionTitle: (id) => built.sectionTitle(id) ?? '',
            sectionIsLinkList: (id) => built.sectionIsLinkList(id) ?? false,
            ...(sections ? { passageSections: (ids: readonly string[]) => built.passageSections(ids) } : {}),
          },
        }).search({ query: 'zebra', limit: 5 });
        return { response, read };
      };
      const withSections = search(true);
      const withoutSections = search(false);
      // The index's entries lead lunr's ranking, and its prior puts the page of prose first.
      expect(withSections.response.results.map((h) => h.sectionId)).not.toContain(index.id);
      expect(withSections.response).toEqual({ ...withoutSections.response, tookMs: withSections.response.tookMs });
      // Reading every candidate walked, against the first window and the page's hits only.
      const shown = withSections.response.results.map((h) => h.passageId);
      expect(withoutSections.read.size).toBeGreaterThan(5 + shown.length);
      expect(withSections.read.size).toBeLessThanOrEqual(5 + shown.length);
      for (const id of shown) expect(withSections.read).toContain(id);
    } finally {
      built.close();
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
