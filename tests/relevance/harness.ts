/** Builds the embedded archive into a temporary pack and opens a searcher over it, as the app does. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildPack } from '../../main/archive/build';
import { openPack } from '../../main/archive/pack';
import type { PackReader } from '../../main/archive/pack-reader-types';
import { createAnalyzer } from '../../main/search/analyzer/index';
import { createSearcher, type Searcher } from '../../main/search/searcher';

export const ARCHIVE_SOURCE = resolve(__dirname, '../../archive/korean-war');

export interface ArchiveSearch {
  pack: PackReader;
  searcher: Searcher;
  errors: unknown[];
  close(): void;
}

export function openEmbeddedSearch(): ArchiveSearch {
  const dir = mkdtempSync(join(tmpdir(), 'folio-relevance-'));
  const file = join(dir, 'korean-war.folio');
  buildPack(ARCHIVE_SOURCE, file);
  const pack = openPack(file);
  const titles = new Map(pack.sections().map((s) => [s.id, s.title]));
  const errors: unknown[] = [];
  const searcher = createSearcher({
    engine: pack.searchEngine(),
    analyzer: createAnalyzer(pack.manifest),
    passages: { passagesByIds: (ids) => pack.passagesByIds(ids), sectionTitle: (id) => titles.get(id) ?? '' },
    onError: (error) => errors.push(error),
  });
  return {
    pack,
    searcher,
    errors,
    close() {
      pack.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
