/**
 * Builds the embedded archive into a temporary pack and opens a searcher over it, as the app does
 * (the pack's own engine), or over a plain in-memory lunr index of the same passages (MemoryEngine):
 * the suite runs on both, so the ranking is the same whichever engine answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildPack } from '../../main/archive/writer/build-pack';
import { openPack } from '../../main/archive/pack';
import type { PackReader } from '../../main/archive/pack-reader-types';
import type { Passage } from '../../main/model/archive';
import { createAnalyzer } from '../../main/search/analyzer/index';
import { toIndexDocuments } from '../../main/search/documents';
import { buildLunrIndex } from '../reference/lunr-build';
import { MemoryEngine } from '../reference/memory-engine';
import { createSearcher, type Searcher } from '../../main/search/searcher/searcher';
import type { IndexEngine } from '../../main/search/types';

export const ARCHIVE_SOURCE = resolve(__dirname, '../../archive/korean-war');

export type EngineKind = 'pack' | 'memory';

export interface ArchiveSearch {
  pack: PackReader;
  searcher: Searcher;
  /** Internal errors the searcher reported (it never throws). */
  errors: unknown[];
  close(): void;
}

export function openEmbeddedSearch(engineKind: EngineKind = 'pack'): ArchiveSearch {
  const dir = mkdtempSync(join(tmpdir(), 'folio-relevance-'));
  const file = join(dir, 'korean-war.folio');
  buildPack(ARCHIVE_SOURCE, file);
  const pack = openPack(file);
  const sections = pack.sections();
  const titles = new Map(sections.map((s) => [s.id, s.title]));
  const analyzer = createAnalyzer(pack.manifest);
  let engine: IndexEngine;
  if (engineKind === 'pack') engine = pack.searchEngine();
  else {
    const passages: Passage[] = sections.flatMap((s) => pack.passagesOfSection(s.id));
    engine = new MemoryEngine(buildLunrIndex(toIndexDocuments(passages, sections), analyzer));
  }
  const errors: unknown[] = [];
  const searcher = createSearcher({
    engine,
    analyzer,
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
