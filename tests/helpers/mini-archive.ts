/**
 * The tests' archive context over a pack built by the real builder from tests/fixtures/curated-mini:
 * the pack once per file, a fresh context (and data folder) for each test.
 */
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openArchiveContext, type ArchiveContext } from '../../main/api/archive-context';
import { buildPack } from '../../main/archive/writer/build-pack';
import { tempDir } from './temp';

/** Registers the per-test context; call the returned function inside a test to get it. */
export function miniArchive(prefix: string): () => ArchiveContext {
  const dir = tempDir(prefix);
  const pack = join(dir, 'mini.folio');
  buildPack(join(__dirname, '..', 'fixtures', 'curated-mini'), pack);
  let archive: ArchiveContext | undefined;
  let data = 0;
  beforeEach(() => {
    archive = openArchiveContext({ archivePath: pack, dataDir: join(dir, `data-${data++}`) });
  });
  afterEach(() => archive?.close());
  return () => {
    if (!archive) throw new Error('miniArchive: asked outside a test');
    return archive;
  };
}
