/** CoreHost: the handler table in a worker thread (what Electron and folio serve both use). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../../main/archive/writer/build-pack';
import { CoreHost, CoreOpenError } from '../../../main/api/worker/host';

let dir: string;
let pack: string;
let core: CoreHost;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-core-'));
  pack = join(dir, 'fixture.folio');
  buildPack(join(process.cwd(), 'tests', 'e2e', 'fixture'), pack);
  core = new CoreHost();
});
afterAll(async () => {
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('CoreHost', () => {
  it('answers "no archive" before one is opened, then opens one', async () => {
    expect(await core.call('archive.info', {}, 'p')).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'No archive is open.' },
    });
    const opened = await core.open(pack, join(dir, 'data'));
    expect(opened.info.manifest.title).toBe('Harbour Town Records');
    expect(opened.recovery).toBeNull();
  });

  it('validates in the worker like everywhere else', async () => {
    expect(await core.call('nope', {}, 'p')).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await core.call('search.query', { query: 1 }, 'p')).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await core.call('search.query', { query: 'ferry' }, 'p')).toMatchObject({ ok: true });
  });

  it('answers only the newest of a burst of searches from one client; other clients are untouched', async () => {
    const burst = Array.from({ length: 12 }, (_, seq) =>
      core.call('search.query', { query: 'harbour', seq }, 'p', 'tab-a'),
    );
    const other = core.call('search.query', { query: 'harbour', seq: 0 }, 'p', 'tab-b');
    const results = await Promise.all(burst);
    expect(results[11]).toMatchObject({ ok: true, value: { seq: 11 } });
    expect(
      results.filter((r) => !r.ok).every((r) => !r.ok && r.error.message === 'Superseded by a newer search.'),
    ).toBe(true);
    expect(results.filter((r) => !r.ok).length).toBeGreaterThan(0);
    expect(await other).toMatchObject({ ok: true, value: { seq: 0 } });
  });

  it('offers "did you mean" for an as-you-type search as for any other', async () => {
    // An as-you-type search (with seq) goes through the cancellable searcher; it must keep the suggester.
    for (const request of [{ query: 'harbuor' }, { query: 'harbuor', seq: 1 }]) {
      expect(await core.call('search.query', request, 'p', 'tab-c')).toMatchObject({
        ok: true,
        value: { didYouMean: 'harbour' },
      });
    }
  });

  it('answers as JSON bytes (for folio serve) exactly what it answers as data, errors with their code', async () => {
    const decode = (json: Uint8Array): unknown => JSON.parse(Buffer.from(json).toString('utf8'));
    for (const [method, payload] of [
      ['search.query', { query: 'harbour ferry', limit: 5 }],
      ['archive.info', {}],
      ['search.query', { query: 1 }],
    ] as const) {
      const data = await core.call(method, payload, 'p');
      const answer = await core.callJson(method, payload, 'p');
      // tookMs is the search's own time, different on each run.
      const strip = (r: unknown): unknown => JSON.parse(JSON.stringify(r, (k, v: unknown) => (k === 'tookMs' ? 0 : v)));
      expect(strip(decode(answer.json))).toEqual(strip(data));
      expect(answer.error).toBe(data.ok ? null : data.error.code);
    }
    const burst = Array.from({ length: 6 }, (_, seq) =>
      core.callJson('search.query', { query: 'harbour', seq }, 'p', 'tab-json'),
    );
    const answers = await Promise.all(burst);
    expect(decode(answers[5]!.json)).toMatchObject({ ok: true, value: { seq: 5 } });
    for (const superseded of answers.filter((a) => a.error !== null))
      expect(decode(superseded.json)).toEqual({
        ok: false,
        error: { code: 'superseded', message: 'Superseded by a newer search.' },
      });
  });

  it('serves media bytes by id, and nothing for unknown ids', async () => {
    const info = await core.call('archive.info', {}, 'p');
    if (!info.ok) throw new Error(info.error.message);
    const sectionId = (info.value as { firstSectionId: string }).firstSectionId;
    const section = await core.call('archive.section', { sectionId }, 'p');
    if (!section.ok) throw new Error(section.error.message);
    const caption = (section.value as { passages: { media: { id: string; present: boolean } | null }[] }).passages.find(
      (p) => p.media?.present,
    );
    const blob = await core.media(caption!.media!.id);
    expect(blob?.mime).toBe('image/png');
    expect(blob?.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(await core.media('m000000000000')).toBeUndefined();
  });

  it('keeps the open archive when switching to a bad pack fails', async () => {
    const error = await core.open(join(dir, 'missing.folio'), join(dir, 'data')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreOpenError);
    expect((error as Error).message).toMatch(/missing\.folio/);
    expect((error as Error).message).not.toContain('\n');
    expect(await core.call('archive.info', {}, 'p')).toMatchObject({ ok: true });
  });
});
