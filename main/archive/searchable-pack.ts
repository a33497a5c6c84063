/**
 * A pack opened for reading and searching: the pack reader plus a searcher over its index, with the
 * analyzer the manifest asks for. `folio search` and the API's archive context open packs here.
 */
import { PackError, SearchIndexError } from '../model/errors';
import type { SearchRequest, SearchResponse } from '../model/search-result';
import { createAnalyzer } from '../search/analyzer/index';
import { createSearcher } from '../search/searcher/searcher';
import { analyzerFingerprint } from './fingerprint';
import { openPack, type SqlitePackReader } from './pack';

export interface SearchablePack {
  pack: SqlitePackReader;
  /** Never throws for a query; throws PackError when the pack's data is damaged. */
  search(request: SearchRequest): SearchResponse;
  /** False when the pack was indexed by a different analyzer than this Folio's: rebuild it for best results. */
  indexMatchesAnalyzer: boolean;
  close(): void;
}

/** Throws PackError, with a one-line message, for anything that is not a usable pack. */
export function openSearchablePack(path: string): SearchablePack {
  const pack = openPack(path);
  const analyzer = createAnalyzer({ variants: pack.manifest.variants, languages: pack.manifest.languages });
  const searcher = createSearcher({
    engine: pack.searchEngine(),
    analyzer,
    passages: {
      passagesByIds: (ids) => pack.passagesByIds(ids),
      passageKinds: (ids) => pack.passageKinds(ids),
      passagesOfKinds: (kinds, offset, limit) => pack.passagesOfKinds(kinds, offset, limit),
      sectionTitle: (sectionId) => pack.sectionTitle(sectionId) ?? '',
    },
  });
  return {
    pack,
    search: (request) => {
      try {
        return searcher.search(request);
      } catch (error) {
        if (error instanceof SearchIndexError) {
          throw new PackError(
            `${path}: the pack's search index is damaged (${error.message.replace(/^search index: /, '')}); run "folio verify" on it or rebuild it`,
          );
        }
        throw error;
      }
    },
    // Computed on demand: analysing the probe text costs milliseconds that opening should not pay.
    get indexMatchesAnalyzer() {
      return pack.analyzerFingerprint === analyzerFingerprint(analyzer);
    },
    close: () => pack.close(),
  };
}
