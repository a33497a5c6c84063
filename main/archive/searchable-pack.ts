/**
 * A pack opened for reading and searching: the pack reader plus a searcher over its index, with the
 * analyzer the manifest asks for. `folio search` and the API's archive context open packs here.
 */
import { SearchIndexError } from '../model/errors';
import type { SearchRequest, SearchResponse } from '../model/search-result';
import { createAnalyzer } from '../search/analyzer/index';
import { createSearcher, type SearchControl } from '../search/searcher/searcher';
import { withSectionTitleMatches } from '../search/explain/section-title-match';
import { didYouMean } from '../search/suggest/did-you-mean';
import { analyzerFingerprint } from './fingerprint';
import { damagedSearchIndex, openPack, type SqlitePackReader } from './pack';

export interface SearchablePack {
  pack: SqlitePackReader;
  /**
   * Never throws for a query; throws PackDamagedError when the pack's data is damaged, and
   * SearchCancelledError when `control` gives the search up.
   */
  search(request: SearchRequest, control?: SearchControl): SearchResponse;
  /**
   * The query with its misspelt words corrected from the archive's vocabulary, or null (did-you-mean).
   * Throws as `search` does: PackDamagedError, and SearchCancelledError when `control` gives it up.
   */
  suggest(query: string, control?: SearchControl): string | null;
  /** False when the pack was indexed by a different analyzer than this Folio's: rebuild it for best results. */
  indexMatchesAnalyzer: boolean;
  close(): void;
}

/** Throws PackError, with a one-line message, for anything that is not a usable pack. */
export function openSearchablePack(path: string): SearchablePack {
  const pack = openPack(path);
  const analyzer = createAnalyzer({ variants: pack.manifest.variants, languages: pack.manifest.languages });
  const engine = pack.searchEngine();
  const searcher = createSearcher({
    engine,
    analyzer,
    // Every id the searcher asks for comes from the pack's own index: one the pack lacks is damage,
    // and leaving it out would be a wrong answer (fewer results, or a kind filter letting it through).
    passages: {
      passagesByIds: (ids) => {
        const found = pack.passagesByIds(ids);
        if (found.length !== new Set(ids).size) throw pack.damaged('the search index names passages the pack lacks');
        return found;
      },
      passageSections: (ids) => {
        const sections = pack.passageSections(ids);
        if (sections.includes(undefined)) throw pack.damaged('the search index names passages the pack lacks');
        return sections;
      },
      passageKinds: (ids) => {
        const kinds = pack.passageKinds(ids);
        if (kinds.includes(undefined)) throw pack.damaged('the search index names passages the pack lacks');
        return kinds;
      },
      passagesOfKinds: (kinds, offset, limit) => pack.passagesOfKinds(kinds, offset, limit),
      sectionTitle: (sectionId) => pack.sectionTitle(sectionId) ?? '',
      sectionIsLinkList: (sectionId) => pack.sectionIsLinkList(sectionId) ?? false,
    },
  });
  return {
    pack,
    search: (request, control) => {
      try {
        return withSectionTitleMatches(searcher.search(request, control), analyzer);
      } catch (error) {
        if (error instanceof SearchIndexError) throw damagedSearchIndex(path, error);
        throw error;
      }
    },
    suggest: (query, control) => {
      try {
        return didYouMean(
          query,
          { engine, analyzer, textsOf: (id) => passageTexts(pack, id), variants: pack.manifest.variants.length > 0 },
          control,
        );
      } catch (error) {
        if (error instanceof SearchIndexError) throw damagedSearchIndex(path, error);
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

/** The texts a passage was indexed from: its text (with a media title), its own title and its section's. */
function passageTexts(pack: SqlitePackReader, passageId: string): string[] {
  const p = pack.passage(passageId);
  if (!p) return [];
  return [p.text, p.title ?? '', pack.sectionTitle(p.sectionId) ?? ''].filter(Boolean);
}
