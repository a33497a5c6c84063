/**
 * The real documentation the corpus relevance suite searches: Debian's packages, fetched the way
 * the benchmark fetches them (bench/corpora.ts: `apt-get download`, `dpkg-deb -x`, never
 * installed) into a cache folder kept between runs (FOLIO_CORPUS_CACHE, which .ci/run sets; else
 * .cache/corpora in the checkout), and built into a pack once per run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEBIAN_REFERENCE_JA_SOURCE, POSTGRESQL_SOURCE, prepareCorpus, type CorpusSource } from '../../bench/corpora';
import { openPack, type SqlitePackReader } from '../../main/archive/pack';
import { buildPack } from '../../main/archive/writer/build-pack';
import { createAnalyzer } from '../../main/search/analyzer/index';
import { createSearcher, type Searcher } from '../../main/search/searcher/searcher';

/** The GIMP 2.10 user manual in Korean (DocBook HTML; a third of it still in English). */
export const GIMP_HELP_KO_SOURCE: CorpusSource = {
  packages: ['gimp-help-ko'],
  parts: [{ name: '', html: 'usr/share/gimp/2.0/help/ko' }],
};

export const CORPORA = {
  postgresql: POSTGRESQL_SOURCE,
  'gimp-help-ko': GIMP_HELP_KO_SOURCE,
  'debian-reference-ja': DEBIAN_REFERENCE_JA_SOURCE,
} as const;

export type CorpusName = keyof typeof CORPORA;

export const CORPUS_CACHE = resolve(process.env.FOLIO_CORPUS_CACHE ?? join(__dirname, '../../.cache/corpora'));

export interface CorpusSearch {
  pack: SqlitePackReader;
  searcher: Searcher;
  errors: unknown[];
  /** Seconds spent preparing the folder (0 when cached) and building the pack. */
  prepareSeconds: number;
  buildSeconds: number;
  close(): void;
}

/** The corpus's pack, built now, and a searcher over it as the app opens one; or why it cannot be had. */
export function openCorpus(name: CorpusName): CorpusSearch | { skipped: string } {
  let t = performance.now();
  const prepared = prepareCorpus(name, CORPORA[name], CORPUS_CACHE, () => {});
  if ('skipped' in prepared) return prepared;
  const prepareSeconds = (performance.now() - t) / 1000;
  const dir = mkdtempSync(join(tmpdir(), `folio-${name}-`));
  const file = join(dir, `${name}.folio`);
  t = performance.now();
  buildPack(prepared.dir, file);
  const buildSeconds = (performance.now() - t) / 1000;
  const pack = openPack(file);
  const errors: unknown[] = [];
  const searcher = createSearcher({
    engine: pack.searchEngine(),
    analyzer: createAnalyzer(pack.manifest),
    passages: {
      passagesByIds: (ids) => pack.passagesByIds(ids),
      sectionTitle: (id) => pack.sectionTitle(id) ?? '',
      sectionIsLinkList: (id) => pack.sectionIsLinkList(id) ?? false,
      passageKinds: (ids) => pack.passageKinds(ids),
    },
    onError: (error) => errors.push(error),
  });
  return {
    pack,
    searcher,
    errors,
    prepareSeconds,
    buildSeconds,
    close() {
      pack.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
