import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_METHODS, requestSchemas } from '../../main/api/contract';
import { dispatch } from '../../main/api/dispatch';
import { handlers, type ApiContext } from '../../main/api/handlers';
import { BookmarkStore } from '../../main/bookmarks/store';
import { fakePack, fakeSearcher, passages } from './fake-archive';

let dir: string;
let store: BookmarkStore;
let ctx: ApiContext;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-api-'));
  store = BookmarkStore.open(dir);
  ctx = { pack: fakePack(), searcher: fakeSearcher(), bookmarks: store, profileId: 'p1' };
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function ok<T>(result: { ok: boolean; value?: T; error?: unknown }): T {
  expect(result, JSON.stringify(result.error)).toMatchObject({ ok: true });
  return result.value as T;
}

describe('a damaged pack', () => {
  it('answers a search with "unavailable" and the pack\'s own message, not with no results', async () => {
    const { PackError } = await import('../../main/model/errors');
    const damaged = new PackError(
      'kw.folio: the pack\'s search index is damaged (incorrect header check); run "folio verify" on it or rebuild it',
    );
    const result = dispatch(
      'search.query',
      { query: 'war' },
      {
        ...ctx,
        searcher: {
          search: () => {
            throw damaged;
          },
        },
      },
    );
    expect(result).toEqual({ ok: false, error: { code: 'unavailable', message: damaged.message } });
  });
});

describe('handler table', () => {
  it('implements exactly the methods of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...API_METHODS].sort());
    expect(Object.keys(requestSchemas).sort()).toEqual([...API_METHODS].sort());
  });

  it('answers archive.info with title, sections and counts per kind', () => {
    const info = ok(dispatch('archive.info', {}, ctx)) as {
      archiveId: string;
      kindCounts: Record<string, number>;
      sections: unknown[];
    };
    expect(info.archiveId).toBe('test-archive');
    expect(info.kindCounts).toEqual({ text: 2, caption: 1, media: 1, heading: 2 });
    expect(info.sections).toHaveLength(2);
  });

  it('answers a section with its passages and neighbours', () => {
    const view = ok(dispatch('archive.section', { sectionId: 's2' }, ctx)) as {
      passages: unknown[];
      previous: { id: string };
      next: null;
    };
    expect(view.passages).toHaveLength(3);
    expect(view.previous.id).toBe('s1');
    expect(view.next).toBeNull();
  });

  it('answers a passage with its section, and not-found for an unknown id', () => {
    expect(ok(dispatch('archive.passage', { passageId: 't-inchon' }, ctx))).toMatchObject({ section: { id: 's2' } });
    expect(dispatch('archive.passage', { passageId: 'nope' }, ctx)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No passage "nope" in this archive.' },
    });
  });

  it('passes search options through and echoes seq', () => {
    const res = ok(dispatch('search.query', { query: 'war', kinds: ['text'], seq: 7 }, ctx)) as {
      seq: number;
      results: { passageId: string }[];
    };
    expect(res.seq).toBe(7);
    expect(res.results.map((r) => r.passageId)).toEqual(['t-inchon']);
  });

  it('sets, lists, edits and removes bookmarks; notes survive re-bookmarking', () => {
    ok(dispatch('bookmarks.set', { passageId: 't-pusan' }, ctx));
    ok(dispatch('bookmarks.set', { passageId: 'c-won', note: 'the banknote' }, ctx));
    ok(dispatch('bookmarks.set', { passageId: 'c-won' }, ctx));
    const list = ok(dispatch('bookmarks.list', {}, ctx)) as {
      passageId: string;
      note: string;
      passage: { section: string };
    }[];
    expect(list.map((b) => b.passageId)).toEqual(['t-pusan', 'c-won']);
    expect(list[1]!.note).toBe('the banknote');
    expect(list[0]!.passage.section).toBe('Introduction');
    expect(ok(dispatch('bookmarks.remove', { passageId: 't-pusan' }, ctx))).toEqual({ removed: true });
    expect(ok(dispatch('bookmarks.remove', { passageId: 't-pusan' }, ctx))).toEqual({ removed: false });
  });

  it('refuses to bookmark a passage that is not in the archive', () => {
    expect(dispatch('bookmarks.set', { passageId: 'ghost' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('keeps bookmarks of passages missing from a newer pack, marked orphaned, last', () => {
    ok(dispatch('bookmarks.set', { passageId: 'm-film', note: 'watch' }, ctx));
    ok(dispatch('bookmarks.set', { passageId: 't-pusan' }, ctx));
    const newer = { ...ctx, pack: fakePack(passages.filter((p) => p.id !== 'm-film')) };
    const list = ok(dispatch('bookmarks.list', {}, newer)) as {
      passageId: string;
      orphaned: boolean;
      passage: unknown;
      note: string;
    }[];
    expect(list).toHaveLength(2);
    expect(list[1]).toMatchObject({ passageId: 'm-film', orphaned: true, passage: null, note: 'watch' });
    // What the passage said when bookmarked survives its removal from the pack.
    const film = passages.find((p) => p.id === 'm-film')!;
    const saved = (list[1] as unknown as { savedExcerpt: string }).savedExcerpt;
    expect(saved.length).toBeGreaterThan(0);
    expect(film.text.startsWith(saved.replace(/…$/u, ''))).toBe(true);
    expect(list[0]).toMatchObject({ passageId: 't-pusan', orphaned: false });
    // The note of an orphan can still be edited.
    expect(ok(dispatch('bookmarks.set', { passageId: 'm-film', note: 'gone' }, newer))).toMatchObject({
      orphaned: true,
      note: 'gone',
    });
  });

  it('keeps profiles apart', () => {
    ok(dispatch('bookmarks.set', { passageId: 't-pusan' }, ctx));
    expect(ok(dispatch('bookmarks.list', {}, { ...ctx, profileId: 'p2' }))).toEqual([]);
  });

  it('exports JSON that imports back without duplicates, and Markdown', () => {
    ok(dispatch('bookmarks.set', { passageId: 't-pusan', note: 'first *note*' }, ctx));
    ok(dispatch('bookmarks.set', { passageId: 'c-won' }, ctx));
    const json = ok(dispatch('bookmarks.export', { format: 'json' }, ctx)) as {
      filename: string;
      mime: string;
      content: string;
    };
    expect(json.filename).toMatch(/^folio-bookmarks-test-archive-\d{4}-\d\d-\d\d\.json$/);
    expect(json.mime).toBe('application/json');
    const md = ok(dispatch('bookmarks.export', { format: 'markdown' }, ctx)) as { content: string; filename: string };
    expect(md.filename).toMatch(/\.md$/);
    expect(md.content).toContain('# Bookmarks: Test archive');
    expect(md.content).toContain('first \\*note\\*');

    // Same profile: nothing new.
    expect(ok(dispatch('bookmarks.import', { content: json.content }, ctx))).toEqual({
      added: 0,
      updated: 0,
      unchanged: 2,
      rejected: 0,
    });
    // Another profile: both added, then unchanged on a second import.
    const other = { ...ctx, profileId: 'p2' };
    expect(ok(dispatch('bookmarks.import', { content: json.content }, other))).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    expect(ok(dispatch('bookmarks.import', { content: json.content }, other))).toEqual({
      added: 0,
      updated: 0,
      unchanged: 2,
      rejected: 0,
    });
    expect(ok(dispatch('bookmarks.list', {}, other))).toHaveLength(2);
  });

  it('imports newer notes, rejects bad entries and other archives with clear messages', () => {
    ok(dispatch('bookmarks.set', { passageId: 't-pusan', note: 'old' }, ctx));
    const file = {
      format: 'folio-bookmarks',
      version: 1,
      archiveId: 'test-archive',
      bookmarks: [
        { passageId: 't-pusan', note: 'new', createdAt: '2020-01-01T00:00:00Z', updatedAt: '2999-01-01T00:00:00Z' },
        { passageId: 'no-such-passage', note: 'kept as orphan' },
        { note: 'no id' },
        'junk',
      ],
    };
    expect(ok(dispatch('bookmarks.import', { content: JSON.stringify(file) }, ctx))).toEqual({
      added: 1,
      updated: 1,
      unchanged: 0,
      rejected: 2,
    });
    const list = ok(dispatch('bookmarks.list', {}, ctx)) as { passageId: string; note: string; orphaned: boolean }[];
    expect(list.find((b) => b.passageId === 't-pusan')?.note).toBe('new');
    expect(list.find((b) => b.passageId === 'no-such-passage')?.orphaned).toBe(true);

    expect(dispatch('bookmarks.import', { content: '{not json' }, ctx)).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'The file is not valid JSON.' },
    });
    expect(dispatch('bookmarks.import', { content: '{"a":1}' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('not a Folio bookmarks export') },
    });
    expect(
      dispatch('bookmarks.import', { content: JSON.stringify({ ...file, archiveId: 'other' }) }, ctx),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('"other"') },
    });
  });

  it('remembers settings per profile and archive', () => {
    expect(ok(dispatch('settings.get', {}, ctx))).toEqual({ fontSize: 18, theme: 'system', readingPosition: null });
    expect(ok(dispatch('settings.set', { fontSize: 22, theme: 'dark' }, ctx))).toEqual({
      fontSize: 22,
      theme: 'dark',
      readingPosition: null,
    });
    ok(dispatch('settings.set', { readingPosition: 't-inchon' }, ctx));
    expect(ok(dispatch('settings.get', {}, ctx))).toEqual({ fontSize: 22, theme: 'dark', readingPosition: 't-inchon' });
    expect(ok(dispatch('settings.get', {}, { ...ctx, profileId: 'p2' }))).toMatchObject({ fontSize: 18 });
  });
});

describe('dispatch validation', () => {
  it.each([
    [undefined, 'Unknown API method undefined.'],
    [42, 'Unknown API method number.'],
    ['archive.delete', 'Unknown API method "archive.delete".'],
    ['__proto__', 'Unknown API method "__proto__".'],
    ['constructor', 'Unknown API method "constructor".'],
  ])('rejects the method %j', (method, message) => {
    expect(dispatch(method, {}, ctx)).toEqual({ ok: false, error: { code: 'bad-request', message } });
  });

  it.each([
    ['archive.section', {}, 'Invalid request for archive.section: sectionId:'],
    ['archive.section', { sectionId: 5 }, 'sectionId:'],
    ['archive.info', { extra: 1 }, 'Invalid request for archive.info'],
    ['search.query', { query: 'x'.repeat(10_001) }, 'query:'],
    ['search.query', { query: 'x', kinds: ['video'] }, 'kinds.0:'],
    ['search.query', { query: 'x', limit: 0 }, 'limit:'],
    ['bookmarks.set', { passageId: '' }, 'passageId:'],
    ['bookmarks.set', { passageId: 'x', note: 'n'.repeat(10_001) }, 'note:'],
    ['bookmarks.export', { format: 'pdf' }, 'format:'],
    ['settings.set', { fontSize: 100 }, 'fontSize:'],
    ['settings.set', { theme: 'blue' }, 'theme:'],
    ['search.query', 'a string', 'Invalid request for search.query'],
    ['search.query', [1, 2], 'Invalid request for search.query'],
  ])('rejects %s %j with a clear message', (method, payload, fragment) => {
    const result = dispatch(method, payload, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-request');
    expect(result.error.message).toContain(fragment);
    expect(result.error.message).not.toMatch(/\n|\bat .*\.ts:\d+/);
  });

  it('treats a missing payload as an empty object', () => {
    expect(dispatch('archive.info', undefined, ctx).ok).toBe(true);
  });

  it('reports handler failures as one line without a stack', () => {
    const broken = {
      ...ctx,
      searcher: {
        search: () => {
          throw new Error('boom\n    at secret.ts:1:1');
        },
      },
    };
    expect(dispatch('search.query', { query: 'x' }, broken)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Internal error: boom' },
    });
  });

  it('accepts any query text, including odd syntax', () => {
    for (const query of ['title:', '~', '+', '"', '😀', '*', '-', '^', 'x'.repeat(10_000), '']) {
      expect(dispatch('search.query', { query }, ctx).ok).toBe(true);
    }
  });
});
