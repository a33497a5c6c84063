/**
 * `folio serve --library DIR` over HTTP: every pack of the folder, each answered by its archive id,
 * media per archive, and a damaged pack skipped with a notice (on stderr and to the reader).
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildPack } from '../../main/archive/writer/build-pack';
import { startServer, type RunningServer } from '../../main/serve/server';
import { tempDir } from '../helpers/temp';
import { buildLibraryPacks, LARGE_ID, SMALL_ID } from '../library/fixture';

const dir = tempDir('folio-library-serve-');
const HARBOUR_ID = 'folio-test-fixture';
let server: RunningServer;
let stderr = '';

beforeAll(async () => {
  const shelf = join(dir, 'shelf');
  mkdirSync(shelf);
  const { small, large } = buildLibraryPacks(dir);
  copyFileSync(small, join(shelf, '1-small.folio'));
  copyFileSync(large, join(shelf, '2-large.folio'));
  writeFileSync(join(shelf, '3-damaged.folio'), 'not a pack');
  const harbour = join(dir, 'harbour.folio');
  buildPack(join(process.cwd(), 'tests', 'e2e', 'fixture'), harbour);
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Folio</title>');
  const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    server = await startServer({
      archivePath: harbour,
      libraryDirs: [shelf],
      dataDir: join(dir, 'data'),
      port: 0,
      rendererDir,
    });
  } finally {
    write.mockRestore();
  }
});
afterAll(async () => {
  await server?.close();
});

async function api(method: string, payload: object): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('folio serve with a library folder', () => {
  it('opens the archive given and every good pack of the folder, and says which one it skipped', async () => {
    expect(server.opened.library.map((e) => e.archiveId)).toEqual([HARBOUR_ID, SMALL_ID, LARGE_ID]);
    expect(stderr).toMatch(/^folio: 3-damaged\.folio was not opened: .+$/mu);
    const info = await api('archive.info', {});
    expect((info.body.value as { notices: string[] }).notices).toEqual([
      expect.stringMatching(/^3-damaged\.folio was not opened: /u),
    ]);
  });

  it('answers each archive by id over HTTP, and 404 for one that is not open', async () => {
    const list = await api('library.list', {});
    expect((list.body.value as { archiveId: string }[]).map((e) => e.archiveId)).toEqual([
      HARBOUR_ID,
      SMALL_ID,
      LARGE_ID,
    ]);
    const large = await api('archive.info', { archiveId: LARGE_ID });
    expect((large.body.value as { passageCount: number }).passageCount).toBe(40);
    const missing = await api('archive.info', { archiveId: 'nowhere' });
    expect(missing.status).toBe(404);
    const merged = await api('library.search', { query: 'semaphore' });
    expect((merged.body.value as { results: { archiveId: string }[] }).results[0]!.archiveId).toBe(SMALL_ID);
  });

  it('serves media by archive id, and never from another archive', async () => {
    const info = await api('archive.info', { archiveId: HARBOUR_ID });
    const sectionId = (info.body.value as { firstSectionId: string }).firstSectionId;
    const section = await api('archive.section', { archiveId: HARBOUR_ID, sectionId });
    const mediaId = (
      section.body.value as { passages: { media: { id: string; present: boolean } | null }[] }
    ).passages.find((p) => p.media?.present)!.media!.id;
    const named = await fetch(`${server.url}media/${HARBOUR_ID}/${mediaId}`);
    expect(named.status).toBe(200);
    expect(named.headers.get('content-type')).toBe('image/png');
    expect((await fetch(`${server.url}media/${mediaId}`)).status).toBe(200);
    expect((await fetch(`${server.url}media/${SMALL_ID}/${mediaId}`)).status).toBe(404);
    expect((await fetch(`${server.url}media/a/b/${mediaId}`)).status).toBe(400);
    expect((await fetch(`${server.url}media/${HARBOUR_ID}/..%2F..`)).status).toBe(400);
  });
});
