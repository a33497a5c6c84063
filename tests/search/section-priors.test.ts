/**
 * Document-level priors (issue 12): an index, a glossary or a page made of links ranks below the
 * pages it points to, its score multiplied by the prior on top of the ranking's own; and a passage
 * that spells out an acronym the query typed is lifted. Real pages: the Debian Reference's table
 * of contents and appendix A (tests/fixtures/debian-reference-ja).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPack } from '../../main/archive/pack';
import { buildPack } from '../../main/archive/writer/build-pack';
import { createAnalyzer } from '../../main/search/analyzer/index';
import { definesAcronym, titleSpellsAcronym } from '../../main/search/searcher/acronym-definitions';
import type { RankedMatch } from '../../main/search/searcher/rank';
import {
  GLOSSARY_PRIOR,
  INDEX_PRIOR,
  linkListPrior,
  titlePrior,
  withPriors as sectionPriors,
} from '../../main/search/searcher/section-priors';
import type { SectionPassages } from '../../main/search/searcher/passage-source';
import { createSearcher } from '../../main/search/searcher/searcher';
import type { Passage } from '../../main/model/archive';
import { mulberry32 } from '../../bench/synthetic-corpus';

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
      ...(readSections ? { sectionPassages: (id: string) => pack.passagesOfSection(id) } : {}),
    },
  });

describe('section priors', () => {
  it('tells an index, a glossary or an acronym list by its title, numbering aside', () => {
    for (const title of ['Index', 'Index – A', 'General Index', '索引', '색인', 'Python Module Index'])
      expect(titlePrior(title), title).toBe(INDEX_PRIOR);
    for (const title of ['Appendix M. Glossary', 'Appendix L. Acronyms', 'Glossary', '용어집', '用語集'])
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

  it('reads a section only until its answer is certain, and answers as reading it whole does', () => {
    // Read whole: a count the reader cannot know, so no passage is left unread.
    const whole = (passages: readonly Passage[]) => ({
      length: Number.POSITIVE_INFINITY,
      [Symbol.iterator]: () => passages[Symbol.iterator](),
    });
    const counted = (shapes: SectionPassages) => {
      let read = 0;
      const prior = linkListPrior({
        length: shapes.length,
        *[Symbol.iterator]() {
          for (const shape of shapes) {
            read++;
            yield shape;
          }
        },
      });
      return { prior, read };
    };
    let skipped = 0;
    for (const section of pack.sections()) {
      const passages = pack.passagesOfSection(section.id);
      const shapes = pack.sectionPassageShapes(section.id);
      expect(shapes.length).toBe(passages.length);
      expect([...shapes]).toEqual(
        passages.map((p) => ({
          kind: p.kind,
          text: p.text,
          ...(p.content ? { content: p.content } : {}),
          repeatOf: p.repeatOf,
        })),
      );
      const { prior, read } = counted(shapes);
      expect(prior, section.title).toBe(linkListPrior(whole(passages)));
      skipped += passages.length - read;
    }
    // The appendix is prose: told from its first passages.
    expect(counted(pack.sectionPassageShapes(appendix!.id)).read).toBeLessThan(
      pack.sectionPassageShapes(appendix!.id).length / 2,
    );
    expect(skipped).toBeGreaterThan(0);
  });

  it('stops early only when the rest cannot change the answer (seeded mixes of real passages)', () => {
    const contentsPassages = pack.passagesOfSection(contents!.id);
    // An entry of the table of contents: eight of them make a page of links.
    const entry = contentsPassages.find((p) => linkListPrior(Array<Passage>(8).fill(p)) === INDEX_PRIOR)!;
    const heading = contentsPassages.find((p) => p.kind === 'heading')!;
    const prose = pack.passagesOfSection(appendix!.id).find((p) => p.kind !== 'heading' && p.text.length > 200)!;
    expect(linkListPrior(Array<Passage>(7).fill(entry))).toBe(1);
    expect(linkListPrior(Array<Passage>(8).fill(prose))).toBe(1);
    const next = mulberry32(12);
    for (let n = 0; n < 2000; n++) {
      const length = Math.floor(next() * 40);
      const share = next();
      const passages = Array.from({ length }, () => (next() < 0.1 ? heading : next() < share ? entry : prose));
      // The rule, read whole: at least 8 passages besides headings, three quarters of them entries.
      const body = passages.filter((p) => p !== heading).length;
      const entries = passages.filter((p) => p === entry).length;
      const expected = body >= 8 && entries >= 0.75 * body ? INDEX_PRIOR : 1;
      expect(
        linkListPrior(passages),
        passages.map((p) => (p === entry ? 'e' : p === heading ? 'h' : 'p')).join(''),
      ).toBe(expected);
    }
  });

  it('gives the exact page with priors, whichever windows it reads (seeded rankings of real passages)', () => {
    const all = pack.sections().flatMap((section) => pack.passagesOfSection(section.id));
    const next = mulberry32(21);
    for (let n = 0; n < 500; n++) {
      const count = 1 + Math.floor(next() * 300);
      const k = 1 + Math.floor(next() * 30);
      const prior = new Map<string, number>();
      const ranked: RankedMatch[] = Array.from({ length: count }, (_, at) => {
        const p = all[Math.floor(next() * all.length)]!;
        if (!prior.has(p.id)) prior.set(p.id, [INDEX_PRIOR, GLOSSARY_PRIOR, 1, 1][Math.floor(next() * 4)]!);
        // Few distinct scores: ties, broken by engine order.
        return { match: { ref: p.id, score: 0, matched: new Map() }, score: Math.floor(next() * 20) / 4, at };
      }).sort((a, b) => b.score - a.score || a.at - b.at);
      const byId = new Map(all.map((p) => [p.id, p]));
      const page = sectionPriors(
        k,
        (window) => ({ top: ranked.slice(0, window), total: count }),
        (top) => new Map(top.map((r) => [r.match.ref, byId.get(r.match.ref)!])),
        (p) => prior.get(p.id)!,
        1,
      );
      const expected = ranked
        .map((r) => ({ ...r, score: r.score * prior.get(r.match.ref)! }))
        .sort((a, b) => b.score - a.score || a.at - b.at)
        .slice(0, k);
      expect(page.total).toBe(count);
      expect(page.top.map((r) => [r.at, r.score])).toEqual(expected.map((r) => [r.at, r.score]));
    }
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
