/** The library's search across packs: scores made comparable with the library's idf (main/library/merged-search.ts). */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../main/archive/writer/build-pack';
import { Library } from '../../main/library/library';
import { packsInFolder } from '../../main/library/library-folder';
import { libraryArgs } from '../../main/library/library-args';
import { PackError, SetupError } from '../../main/model/errors';
import { tempDir } from '../helpers/temp';
import { buildLibraryPacks, LARGE_ID, SHARED, SMALL_ID, STRONG } from './fixture';

const dir = tempDir('folio-library-');
const { small, large } = buildLibraryPacks(dir);
let library: Library;

beforeAll(() => {
  library = Library.open(
    [
      { path: small, required: true },
      { path: large, required: true },
    ],
    join(dir, 'data'),
  );
});
afterAll(() => library.close());

describe('a library of two packs', () => {
  it('lists both, the first as the default, with what the Library view shows', () => {
    const entries = library.entries();
    expect(entries.map((e) => [e.archiveId, e.isDefault, e.passageCount, e.languages, e.version])).toEqual([
      [SMALL_ID, true, 9, ['en'], '1911'],
      [LARGE_ID, false, 40, ['en'], '1912'],
    ]);
    expect(entries[0]!.bytes).toBeGreaterThan(4096);
    expect(entries[0]!.fileName).toBe('small.folio');
  });

  it('ranks the same passage alike in both packs, though their own scores differ by half', () => {
    const response = library.search({ query: 'storm log night' });
    const [first, second] = response.results;
    // The two copies of the passage come first, one from each pack...
    expect([first!.text, second!.text]).toEqual([SHARED, SHARED]);
    expect(new Set([first!.archiveId, second!.archiveId])).toEqual(new Set([SMALL_ID, LARGE_ID]));
    // ...with the same score (but for lunr's rounding), where each pack's own statistics put them 50% apart.
    const raw = [first!.packScore, second!.packScore].sort((a, b) => a - b);
    const merged = [first!.score, second!.score].sort((a, b) => a - b);
    expect(raw[1]! / raw[0]!).toBeGreaterThan(1.5);
    expect(merged[1]! / merged[0]!).toBeLessThan(1.001);
    // Every other hit is far below them.
    expect(response.results[2]!.score).toBeLessThan(merged[0]! / 10);
  });

  it('keeps a strong match first although another pack has many weak ones', () => {
    const response = library.search({ query: 'semaphore', limit: 10 });
    expect(response.archives).toEqual([
      { archiveId: SMALL_ID, total: 1 },
      { archiveId: LARGE_ID, total: 23 },
    ]);
    expect(response.total).toBe(24);
    expect(response.results[0]).toMatchObject({ archiveId: SMALL_ID, text: STRONG });
    expect(
      response.results.slice(1).every((h) => h.archiveId === LARGE_ID && h.score < response.results[0]!.score),
    ).toBe(true);
  });

  it('scores a passage whose words are all in its body identically in both packs', () => {
    const copies = library.search({ query: 'fog bell' }).results.filter((h) => h.text === SHARED);
    expect(copies).toHaveLength(2);
    // Equal but for lunr's weights, which are rounded to 3 decimals.
    expect(Math.abs(copies[0]!.score / copies[1]!.score - 1)).toBeLessThan(0.001);
    expect(copies[0]!.packScore).not.toBeCloseTo(copies[1]!.packScore, 1);
  });

  it('pages through the merged ranking', () => {
    const all = library.search({ query: 'semaphore', limit: 25 }).results;
    const page = library.search({ query: 'semaphore', limit: 5, offset: 5 }).results;
    expect(page.map((h) => [h.archiveId, h.passageId])).toEqual(
      all.slice(5, 10).map((h) => [h.archiveId, h.passageId]),
    );
  });

  it('answers a query that only one pack can answer from that pack, labelled', () => {
    const response = library.search({ query: 'schooners' });
    expect(response.results.map((h) => [h.archiveId, h.archiveTitle])).toEqual([[SMALL_ID, 'Cape Orin Lighthouse']]);
  });
});

describe('"did you mean" over a library', () => {
  it('corrects a misspelt word from whichever archive holds the right one', () => {
    // "lighthouse" is only in the small pack, "harbour" and "lantern" only in the large one.
    expect(library.search({ query: 'lihgthouse' }).didYouMean).toBe('lighthouse');
    expect(library.search({ query: 'harbuor' }).didYouMean).toBe('harbour');
    expect(library.search({ query: 'keeper lantren' }).didYouMean).toBe('keeper lantern');
  });

  it("never corrects a word another archive holds: one archive's name is not another's typo", () => {
    // The small pack alone would offer "Black" for the almanac's port of Brask.
    const alone = Library.open([{ path: small, required: true }], join(dir, 'data-small'));
    try {
      expect(alone.search({ query: 'Brask' }).didYouMean).toBe('Black');
    } finally {
      alone.close();
    }
    const response = library.search({ query: 'Brask' });
    expect(response.total).toBe(3);
    expect(response.didYouMean).toBeUndefined();
  });

  it('makes no suggestion for words every archive spells so, nor past the first page', () => {
    expect(library.search({ query: 'semaphore' }).didYouMean).toBeUndefined();
    expect(library.search({ query: 'lihgthouse', offset: 30 }).didYouMean).toBeUndefined();
  });
});

describe('a library with the embedded archive', () => {
  it('keeps the answers of the archive that has the rare word above many passages that have only a common one', () => {
    // The almanac says "harbour" in 36 passages; the Korean War archive names Pusan, and its harbour, in a few.
    const korea = join(dir, 'korean-war.folio');
    buildPack(join(process.cwd(), 'archive', 'korean-war'), korea);
    const three = Library.open([{ path: large }, { path: korea }], join(dir, 'data-three'));
    try {
      const response = three.search({ query: 'Pusan harbour', limit: 10 });
      const fromKorea = response.results.filter((h) => h.archiveId !== LARGE_ID);
      expect(fromKorea.length).toBeGreaterThanOrEqual(3);
      expect(response.results.slice(0, 3).every((h) => h.archiveId !== LARGE_ID)).toBe(true);
      expect(response.results[0]!.text).toContain('Pusan');
      // The almanac holds "harbour" in nearly every passage and field, so lunr gives it a tiny idf there: the
      // merge must not inflate those passages when it re-weights them to the library's idf.
      const almanac = response.results.find((h) => h.archiveId === LARGE_ID);
      expect(almanac?.score).toBeLessThan(response.results[0]!.score / 2);
    } finally {
      three.close();
    }
  });
});

describe('opening a library', () => {
  it('skips a damaged pack found in a folder, with a notice, and opens the rest', () => {
    const folder = join(dir, 'shelf');
    mkdirSync(folder);
    copyFileSync(small, join(folder, 'a.folio'));
    copyFileSync(large, join(folder, 'b.folio'));
    writeFileSync(join(folder, 'c.folio'), 'not a pack');
    writeFileSync(join(folder, 'notes.txt'), 'not a pack either');
    const paths = packsInFolder(folder);
    expect(paths.map((p) => p.slice(folder.length + 1))).toEqual(['a.folio', 'b.folio', 'c.folio']);
    const shelf = Library.open(
      paths.map((path) => ({ path })),
      join(dir, 'data-shelf'),
    );
    try {
      expect(shelf.entries().map((e) => e.archiveId)).toEqual([SMALL_ID, LARGE_ID]);
      expect(shelf.notices).toHaveLength(1);
      expect(shelf.notices[0]).toMatch(/^c\.folio was not opened: /u);
    } finally {
      shelf.close();
    }
  });

  it('opens a pack given twice once, and says so when two files claim one archive id', () => {
    const copy = join(dir, 'small-copy.folio');
    copyFileSync(small, copy);
    const twice = Library.open([{ path: small }, { path: small }, { path: copy }], join(dir, 'data-twice'));
    try {
      expect(twice.entries()).toHaveLength(1);
      expect(twice.notices).toEqual([
        `small-copy.folio was not opened: small.folio has the same archive id "${SMALL_ID}".`,
      ]);
    } finally {
      twice.close();
    }
  });

  it('fails in one line when a pack named on its own cannot be opened', () => {
    const attempt = (): Library =>
      Library.open([{ path: small }, { path: join(dir, 'gone.folio'), required: true }], dir);
    expect(attempt).toThrow(PackError);
    expect(attempt).toThrow(/gone\.folio/u);
  });

  it('says plainly when --library names no folder', () => {
    expect(() => packsInFolder(join(dir, 'nowhere'))).toThrow(SetupError);
    expect(() => packsInFolder(small)).toThrow(/is a file, not a folder/u);
  });

  it('reads every --archive and --library of a command line, in order', () => {
    expect(
      libraryArgs(['electron', '.', '--archive', 'a.folio', '--library=shelf', '--archive=b.folio', '--kiosk']),
    ).toEqual({ archives: ['a.folio', 'b.folio'], libraries: ['shelf'] });
    expect(libraryArgs(['electron', '.', '--archive'])).toEqual({ archives: [], libraries: [] });
  });
});
