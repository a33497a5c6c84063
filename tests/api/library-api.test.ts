/**
 * The API over a library of two real packs (built by the real builder): every method takes an archive
 * id, library.list and library.search answer for all, and bookmarks stay with their archive.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiMethod, ApiResponses, ApiResult } from '../../main/api/contract';
import { dispatchIn } from '../../main/api/dispatch';
import { Library } from '../../main/library/library';
import { tempDir } from '../helpers/temp';
import { buildLibraryPacks, LARGE_ID, SHARED, SMALL_ID } from '../library/fixture';

const dir = tempDir('folio-library-api-');
const { small, large } = buildLibraryPacks(dir);
let library: Library;
let runs = 0;

beforeEach(() => {
  library = Library.open([{ path: small }, { path: large }], join(dir, `data-${runs++}`));
});
afterEach(() => library.close());

function call<M extends ApiMethod>(method: M, payload: object, profileId = 'p1'): ApiResult<M> {
  return dispatchIn((archiveId) => library.context(archiveId, profileId), method, payload) as ApiResult<M>;
}

function ok<M extends ApiMethod>(method: M, payload: object, profileId = 'p1'): ApiResponses[M] {
  const result = call(method, payload, profileId);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** The id of the shared passage in an archive. */
function sharedId(archiveId: string): string {
  const hit = ok('search.query', { archiveId, query: '"fog bell"' }).results.find((h) => h.snippet === SHARED);
  if (!hit) throw new Error(`no shared passage in ${archiveId}`);
  return hit.passageId;
}

describe('the API over a library', () => {
  it('lists the open archives', () => {
    const list = ok('library.list', {});
    expect(list.map((e) => [e.archiveId, e.title, e.isDefault])).toEqual([
      [SMALL_ID, 'Cape Orin Lighthouse', true],
      [LARGE_ID, 'Northern Harbour Almanac', false],
    ]);
  });

  it('answers each archive by its id, and the first without one', () => {
    expect(ok('archive.info', {}).archiveId).toBe(SMALL_ID);
    expect(ok('archive.info', { archiveId: SMALL_ID }).passageCount).toBe(9);
    expect(ok('archive.info', { archiveId: LARGE_ID }).passageCount).toBe(40);
    const sectionId = ok('archive.sections', { archiveId: LARGE_ID })[1]!.id;
    expect(ok('archive.section', { archiveId: LARGE_ID, sectionId }).section.title).toBe('Harbour register 2');
    expect(call('archive.section', { sectionId }).ok).toBe(false);
    expect(ok('search.query', { archiveId: LARGE_ID, query: 'semaphore' }).total).toBe(23);
    expect(ok('search.query', { query: 'semaphore' }).total).toBe(1);
  });

  it('refuses an archive that is not open, and an archive id that is not a string', () => {
    expect(call('archive.info', { archiveId: 'nowhere' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No archive "nowhere" is open.' },
    });
    const bad = call('archive.info', { archiveId: 7 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(!bad.ok && bad.error.message).toMatch(/^Invalid request for archive\.info: archiveId: /u);
    // Other fields are still checked by the method's own schema.
    expect(call('search.query', { archiveId: LARGE_ID, query: 'x', limit: 0 })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });

  it('searches all archives with results labelled by archive', () => {
    const response = ok('library.search', { query: 'fog bell', limit: 5 });
    expect(response.results.slice(0, 2).map((h) => h.snippet)).toEqual([SHARED, SHARED]);
    expect(response.results.every((h) => !('text' in h) && h.textLength >= h.snippet.length)).toBe(true);
    expect(new Set(response.results.map((h) => h.archiveId))).toEqual(new Set([SMALL_ID, LARGE_ID]));
    expect(response.results.every((h) => h.archiveTitle.length > 0)).toBe(true);
    expect(response.archives.map((a) => a.archiveId)).toEqual([SMALL_ID, LARGE_ID]);
    expect(call('library.search', { query: 'x', offset: 5000 })).toMatchObject({ ok: false });
  });

  it('keeps bookmarks per archive, for the same passage id in two archives', () => {
    const inSmall = sharedId(SMALL_ID);
    const inLarge = sharedId(LARGE_ID);
    // Passage ids come from kind and text, so the shared passage has one id in both packs.
    expect(inSmall).toBe(inLarge);
    ok('bookmarks.set', { archiveId: LARGE_ID, passageId: inLarge, note: 'almanac copy' });
    expect(ok('bookmarks.list', { archiveId: LARGE_ID }).map((b) => [b.archiveId, b.note])).toEqual([
      [LARGE_ID, 'almanac copy'],
    ]);
    expect(ok('bookmarks.list', { archiveId: SMALL_ID })).toEqual([]);
    expect(ok('bookmarks.list', {})).toEqual([]);
    ok('bookmarks.set', { passageId: inSmall, note: 'lighthouse copy' });
    expect(ok('bookmarks.list', { archiveId: SMALL_ID }).map((b) => b.note)).toEqual(['lighthouse copy']);
    expect(ok('bookmarks.remove', { archiveId: LARGE_ID, passageId: inLarge })).toEqual({ removed: true });
    expect(ok('bookmarks.list', { archiveId: LARGE_ID })).toEqual([]);
    expect(ok('bookmarks.list', { archiveId: SMALL_ID })).toHaveLength(1);
    // And per profile, as before.
    expect(ok('bookmarks.list', { archiveId: SMALL_ID }, 'p2')).toEqual([]);
  });

  it('exports the bookmarks of the archive asked for', () => {
    ok('bookmarks.set', { archiveId: LARGE_ID, passageId: sharedId(LARGE_ID) });
    const file = ok('bookmarks.export', { archiveId: LARGE_ID, format: 'json' });
    expect(file.filename).toContain(LARGE_ID);
    expect(file.content).toContain('Northern Harbour Almanac');
  });
});
