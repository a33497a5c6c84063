/** CoreHost with a library: the worker holds several packs, answers each by id, serves media per archive. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreHost, CoreOpenError } from '../../../main/api/worker/host';
import { buildPack } from '../../../main/archive/writer/build-pack';
import type { ArchiveInfo } from '../../../main/api/contract';
import { tempDir } from '../../helpers/temp';
import { buildLibraryPacks, LARGE_ID, SMALL_ID } from '../../library/fixture';

const dir = tempDir('folio-library-core-');
const { small, large } = buildLibraryPacks(dir);
const harbour = join(dir, 'harbour.folio');
buildPack(join(process.cwd(), 'tests', 'e2e', 'fixture'), harbour);
const HARBOUR_ID = 'folio-test-fixture';
let core: CoreHost;

beforeAll(() => {
  core = new CoreHost();
});
afterAll(async () => {
  await core?.close();
});

async function info(archiveId?: string): Promise<ArchiveInfo> {
  const result = await core.call('archive.info', archiveId ? { archiveId } : {}, 'p');
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ArchiveInfo;
}

describe('CoreHost with a library', () => {
  it('opens several packs, the first the default', async () => {
    const opened = await core.openLibrary({
      sources: [{ path: harbour }, { path: small }],
      embedded: false,
      dataDir: join(dir, 'data'),
    });
    expect(opened.info.archiveId).toBe(HARBOUR_ID);
    expect(opened.library.map((e) => e.archiveId)).toEqual([HARBOUR_ID, SMALL_ID]);
    expect((await info(SMALL_ID)).manifest.title).toBe('Cape Orin Lighthouse');
  });

  it('serves media by archive id, and only from that archive', async () => {
    const first = (await info(HARBOUR_ID)).firstSectionId!;
    const section = await core.call('archive.section', { archiveId: HARBOUR_ID, sectionId: first }, 'p');
    if (!section.ok) throw new Error(section.error.message);
    const mediaId = (section.value as { passages: { media: { id: string; present: boolean } | null }[] }).passages.find(
      (p) => p.media?.present,
    )!.media!.id;
    expect((await core.media(mediaId, HARBOUR_ID))?.mime).toBe('image/png');
    expect((await core.media(mediaId))?.mime).toBe('image/png');
    expect(await core.media(mediaId, SMALL_ID)).toBeUndefined();
    expect(await core.media(mediaId, 'nowhere')).toBeUndefined();
  });

  it('adds a pack in front, keeping the others ("Open archive…")', async () => {
    const opened = await core.openLibrary({
      sources: [{ path: large, required: true }],
      embedded: false,
      keepOpen: true,
      dataDir: join(dir, 'data'),
    });
    expect(opened.library.map((e) => e.archiveId)).toEqual([LARGE_ID, HARBOUR_ID, SMALL_ID]);
    expect((await info()).archiveId).toBe(LARGE_ID);
  });

  it('keeps the library when a required pack fails to open', async () => {
    const error = await core
      .openLibrary({ sources: [{ path: join(dir, 'gone.folio'), required: true }], embedded: false, dataDir: dir })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreOpenError);
    expect((error as Error).message).toMatch(/gone\.folio/u);
    expect((await info()).archiveId).toBe(LARGE_ID);
    const list = await core.call('library.list', {}, 'p');
    expect(list.ok && (list.value as unknown[]).length).toBe(3);
  });
});
