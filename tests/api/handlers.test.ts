/**
 * The handler table over real parts: packs built from tests/fixtures/curated-mini by the real
 * builder, opened with their real searcher, and a real bookmark store in a temporary folder.
 */
import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toApiError } from '../../main/api/api-error';
import { openArchiveContext, type ArchiveContext } from '../../main/api/archive-context';
import { API_METHODS, requestSchemas, type ApiResponses } from '../../main/api/contract';
import { dispatch } from '../../main/api/dispatch';
import { handlers, type ApiContext } from '../../main/api/handlers';
import { buildPack } from '../../main/archive/writer/build-pack';
import type { Passage } from '../../main/model/archive';
import type { PassageKind } from '../../main/model/passage-kind';
import { tempDir } from '../helpers/temp';

const dir = tempDir('folio-api-');
const fixture = join(__dirname, '..', 'fixtures', 'curated-mini');
const pack = join(dir, 'mini.folio');
buildPack(fixture, pack);

/** A newer edition of the same archive: the film is gone (and with it the record the text is checked against). */
const newerPack = join(dir, 'mini-newer.folio');
{
  const source = join(dir, 'newer-source');
  cpSync(fixture, source, { recursive: true });
  const content = join(source, 'content', '010-start.md');
  const withoutFilm = readFileSync(content, 'utf8').replace(/::: media video[^]*?\n:::\n/u, '');
  if (withoutFilm === readFileSync(content, 'utf8')) throw new Error('the fixture no longer has the film to remove');
  writeFileSync(content, withoutFilm);
  const manifest = JSON.parse(readFileSync(join(source, 'folio.json'), 'utf8')) as Record<string, unknown>;
  delete manifest.record;
  writeFileSync(join(source, 'folio.json'), JSON.stringify(manifest));
  buildPack(source, newerPack);
}

let dataDir: string;
let archive: ArchiveContext;
let ctx: ApiContext;
let dataDirs = 0;

beforeEach(() => {
  dataDir = join(dir, `data-${dataDirs++}`);
  archive = openArchiveContext({ archivePath: pack, dataDir });
  ctx = archive.context('p1');
});
afterEach(() => archive.close());

function ok<T>(result: { ok: boolean; value?: T; error?: unknown }): T {
  expect(result, JSON.stringify(result.error)).toMatchObject({ ok: true });
  return result.value as T;
}

function allPassages(context: ApiContext): Passage[] {
  return context.pack.sections().flatMap((s) => context.pack.passagesOfSection(s.id));
}

/** The id of the first passage of `kind` whose text starts with `start`. */
function idOf(kind: PassageKind, start: string): string {
  const passage = allPassages(ctx).find((p) => p.kind === kind && p.text.startsWith(start));
  if (!passage) throw new Error(`no ${kind} passage starting "${start}" in the fixture`);
  return passage.id;
}

const pusan = (): string => idOf('text', 'The port of Pusan');
const crane = (): string => idOf('caption', 'A crane on the quay');
const film = (): string => idOf('media', 'Harbour film');
const trade = (): string => idOf('text', 'Trade grew');

describe('a damaged pack', () => {
  it('answers a search with "unavailable" and the pack\'s own message, not with no results', () => {
    const damaged = join(dir, 'damaged-index.folio');
    copyFileSync(pack, damaged);
    const db = new Database(damaged);
    db.exec(
      "UPDATE search_terms SET data = x'ff' WHERE key = (SELECT max(key) FROM search_terms WHERE key <= 'pusan')",
    );
    db.close();
    const opened = openArchiveContext({ archivePath: damaged, dataDir, bookmarks: archive.bookmarks });
    try {
      const result = dispatch('search.query', { query: 'Pusan' }, opened.context('p1'));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('unavailable');
      expect(result.error.message).toMatch(/damaged-index\.folio: the pack's search index is damaged .*folio verify/u);
      expect(result.error.message).not.toContain('\n');
    } finally {
      opened.close();
    }
  });
});

describe('handler table', () => {
  it('implements exactly the methods of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...API_METHODS].sort());
    expect(Object.keys(requestSchemas).sort()).toEqual([...API_METHODS].sort());
  });

  it('answers archive.info with title, counts per kind and of sections, and where reading starts', () => {
    const info = ok(dispatch('archive.info', {}, ctx)) as ApiResponses['archive.info'];
    expect(info.archiveId).toBe('curated-mini');
    expect(info.manifest.title).toBe('A small curated archive');
    expect(info.kindCounts).toEqual({ text: 3, caption: 2, media: 1, heading: 2 });
    expect(info.sectionCount).toBe(3);
    expect('sections' in info).toBe(false);
    const sections = ok(dispatch('archive.sections', {}, ctx)) as ApiResponses['archive.sections'];
    expect(sections.map((s) => s.ordinal)).toEqual([0, 1, 2]);
    expect(info.firstSectionId).toBe(sections[0]!.id);
    expect(sections.at(-1)!.id).toBe('later-years');
  });

  it("lists the sections whose titles are the curator's, a span at a time, and how many there are", () => {
    const all = ok(dispatch('archive.sections', {}, ctx)) as ApiResponses['archive.sections'];
    const titled = all.filter((s) => s.titleIsMetadata);
    expect(titled.length).toBeGreaterThan(0);
    const every = ok(dispatch('archive.curatedSections', {}, ctx)) as ApiResponses['archive.curatedSections'];
    expect(every).toEqual({ sections: titled, total: titled.length });
    const span = ok(dispatch('archive.curatedSections', { from: 1, count: 1 }, ctx));
    expect(span).toEqual({ sections: titled.slice(1, 2), total: titled.length });
    expect(ok(dispatch('archive.curatedSections', { from: titled.length, count: 5 }, ctx))).toEqual({
      sections: [],
      total: titled.length,
    });
  });

  it('answers a section with its passages and neighbours', () => {
    const last = ok(dispatch('archive.section', { sectionId: 'later-years' }, ctx)) as {
      passages: { text: string }[];
      previous: { id: string };
      next: null;
    };
    expect(last.passages.map((p) => p.text)).toEqual(['Later years', 'Trade grew after the war.']);
    expect(last.previous.id).toBe('repeated-paragraph');
    expect(last.next).toBeNull();
    const first = ok(dispatch('archive.section', { sectionId: 'harbour-days' }, ctx)) as {
      passages: unknown[];
      previous: null;
      next: { id: string };
    };
    expect(first.passages).toHaveLength(5);
    expect(first.previous).toBeNull();
    expect(first.next.id).toBe('repeated-paragraph');
  });

  it('answers a passage with its section, and not-found for an unknown id', () => {
    expect(ok(dispatch('archive.passage', { passageId: trade() }, ctx))).toMatchObject({
      passage: { text: 'Trade grew after the war.' },
      section: { id: 'later-years' },
    });
    expect(dispatch('archive.passage', { passageId: 'nope' }, ctx)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No passage "nope" in this archive.' },
    });
  });

  it('passes search options through and echoes seq', () => {
    const all = ok(dispatch('search.query', { query: 'harbour' }, ctx)) as { results: { kind: string }[] };
    expect(new Set(all.results.map((r) => r.kind)).size).toBeGreaterThan(1);
    const res = ok(dispatch('search.query', { query: 'harbour', kinds: ['media'], seq: 7 }, ctx)) as {
      seq: number;
      results: { passageId: string }[];
    };
    expect(res.seq).toBe(7);
    expect(res.results.map((r) => r.passageId)).toEqual([film()]);
  });

  it('sets, lists, edits and removes bookmarks; notes survive re-bookmarking', () => {
    ok(dispatch('bookmarks.set', { passageId: crane(), note: 'the crane' }, ctx));
    ok(dispatch('bookmarks.set', { passageId: pusan() }, ctx));
    ok(dispatch('bookmarks.set', { passageId: crane() }, ctx));
    const list = ok(dispatch('bookmarks.list', {}, ctx)) as {
      passageId: string;
      note: string;
      passage: { section: string };
    }[];
    // Reading order, not the order they were saved in.
    expect(list.map((b) => b.passageId)).toEqual([pusan(), crane()]);
    expect(list[1]!.note).toBe('the crane');
    expect(list[0]!.passage.section).toBe('Harbour days');
    expect(ok(dispatch('bookmarks.remove', { passageId: pusan() }, ctx))).toEqual({ removed: true });
    expect(ok(dispatch('bookmarks.remove', { passageId: pusan() }, ctx))).toEqual({ removed: false });
  });

  it('refuses to bookmark a passage that is not in the archive', () => {
    for (const passageId of ['ghost', 'p000000000000']) {
      expect(dispatch('bookmarks.set', { passageId }, ctx)).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
    }
  });

  it('keeps bookmarks of passages missing from a newer pack, marked orphaned, last', () => {
    const filmText = allPassages(ctx).find((p) => p.id === film())!.text;
    ok(dispatch('bookmarks.set', { passageId: film(), note: 'watch' }, ctx));
    ok(dispatch('bookmarks.set', { passageId: pusan() }, ctx));
    const newer = openArchiveContext({ archivePath: newerPack, dataDir, bookmarks: archive.bookmarks });
    try {
      const newerCtx = newer.context('p1');
      const list = ok(dispatch('bookmarks.list', {}, newerCtx)) as {
        passageId: string;
        orphaned: boolean;
        passage: unknown;
        note: string;
        savedExcerpt: string;
      }[];
      expect(list).toHaveLength(2);
      expect(list[1]).toMatchObject({ passageId: film(), orphaned: true, passage: null, note: 'watch' });
      // What the passage said when bookmarked survives its removal from the pack.
      const saved = list[1]!.savedExcerpt;
      expect(saved.length).toBeGreaterThan(0);
      expect(filmText.startsWith(saved.replace(/…$/u, ''))).toBe(true);
      // Ids come from kind and text: the rebuilt pack keeps the other bookmark valid.
      expect(list[0]).toMatchObject({ passageId: pusan(), orphaned: false });
      // The note of an orphan can still be edited.
      expect(ok(dispatch('bookmarks.set', { passageId: film(), note: 'gone' }, newerCtx))).toMatchObject({
        orphaned: true,
        note: 'gone',
      });
    } finally {
      newer.close();
    }
  });

  it('keeps profiles apart', () => {
    ok(dispatch('bookmarks.set', { passageId: pusan() }, ctx));
    expect(ok(dispatch('bookmarks.list', {}, { ...ctx, profileId: 'p2' }))).toEqual([]);
  });

  it('exports JSON that imports back without duplicates, and Markdown', () => {
    ok(dispatch('bookmarks.set', { passageId: pusan(), note: 'first *note*' }, ctx));
    ok(dispatch('bookmarks.set', { passageId: crane() }, ctx));
    const json = ok(dispatch('bookmarks.export', { format: 'json' }, ctx)) as {
      filename: string;
      mime: string;
      content: string;
    };
    expect(json.filename).toMatch(/^folio-bookmarks-curated-mini-\d{4}-\d\d-\d\d\.json$/);
    expect(json.mime).toBe('application/json');
    const md = ok(dispatch('bookmarks.export', { format: 'markdown' }, ctx)) as { content: string; filename: string };
    expect(md.filename).toMatch(/\.md$/);
    expect(md.content).toContain('# Bookmarks: A small curated archive');
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
    ok(dispatch('bookmarks.set', { passageId: pusan(), note: 'old' }, ctx));
    const file = {
      format: 'folio-bookmarks',
      version: 1,
      archiveId: 'curated-mini',
      bookmarks: [
        { passageId: pusan(), note: 'new', createdAt: '2020-01-01T00:00:00Z', updatedAt: '2999-01-01T00:00:00Z' },
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
    expect(list.find((b) => b.passageId === pusan())?.note).toBe('new');
    expect(list.find((b) => b.passageId === 'no-such-passage')?.orphaned).toBe(true);

    expect(dispatch('bookmarks.import', { content: '{not json' }, ctx)).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'The file is not valid JSON.' },
    });
    const notOurs = dispatch('bookmarks.import', { content: '{"a":1}' }, ctx);
    expect(notOurs).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    if (!notOurs.ok) expect(notOurs.error.message).toContain('not a Folio bookmarks export');
    const otherArchive = dispatch(
      'bookmarks.import',
      { content: JSON.stringify({ ...file, archiveId: 'other' }) },
      ctx,
    );
    expect(otherArchive.ok).toBe(false);
    if (!otherArchive.ok) expect(otherArchive.error.message).toContain('"other"');
  });

  it('remembers settings per profile and archive', () => {
    expect(ok(dispatch('settings.get', {}, ctx))).toEqual({
      fontSize: 18,
      theme: 'system',
      readingPosition: null,
      language: null,
    });
    expect(ok(dispatch('settings.set', { fontSize: 22, theme: 'dark', language: 'ko' }, ctx))).toEqual({
      fontSize: 22,
      theme: 'dark',
      readingPosition: null,
      language: 'ko',
    });
    expect(dispatch('settings.set', { language: 'fr' }, ctx).ok).toBe(false);
    ok(dispatch('settings.set', { readingPosition: trade() }, ctx));
    expect(ok(dispatch('settings.get', {}, ctx))).toEqual({
      fontSize: 22,
      theme: 'dark',
      readingPosition: trade(),
      language: 'ko',
    });
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
    // A real unexpected failure: the bookmark store's connection is gone.
    archive.bookmarks.close();
    const result = dispatch('bookmarks.list', {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (result.ok) return;
    expect(result.error.message).toMatch(/^Internal error: \S/u);
    expect(result.error.message).not.toMatch(/\n|\bat .*\.[jt]s:\d+/);
    // Whatever a bug's message holds, only its first line leaves.
    expect(toApiError(new Error('boom\n    at secret.ts:1:1'))).toEqual({
      code: 'internal',
      message: 'Internal error: boom',
    });
  });

  it('accepts any query text, including odd syntax', () => {
    for (const query of ['title:', '~', '+', '"', '😀', '*', '-', '^', 'x'.repeat(10_000), '']) {
      expect(dispatch('search.query', { query }, ctx).ok).toBe(true);
    }
  });
});
