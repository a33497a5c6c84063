/**
 * Builds a real lunr.Index from index documents with Folio's analyzer.
 *
 * The analyzer is lunr's tokenizer here and lunr's pipelines (builder and search) are left empty:
 * every normalisation (folding, variants, designations, stemming, Hangul bigrams) happens in the
 * analyzer, which the searcher also runs on queries, so index terms and query terms always agree.
 * Each token carries `position: [start, length]` metadata (offsets into the field's text), kept
 * through `metadataWhitelist`, as lunr's own tokenizer does.
 */
import lunr from 'lunr';
import { FIELD_BOOSTS } from '../../main/search/fields';
import type { FolioAnalyzer } from '../../main/search/analyzer/index';
import { SEARCH_FIELDS, type Analyzer, type IndexDocument, type SearchField } from '../../main/search/types';

type Tokenizer = (obj?: unknown, metadata?: { fields?: string[] }) => lunr.Token[];

/** Options of buildLunrIndex. */
export interface LunrBuildOptions {
  /**
   * Index stop words (default true). Folio indexes them so that a query made only of stop words
   * still finds passages; leaving them out makes the index about a quarter smaller (27% of the
   * postings of the Python documentation) at the price of such queries finding nothing.
   */
  stopWords?: boolean;
}

/** A lunr tokenizer that runs `analyzer` on a field's text. */
export function analyzerTokenizer(analyzer: Analyzer, options: LunrBuildOptions = {}): Tokenizer {
  const detailed = (analyzer as Partial<FolioAnalyzer>).analyzeDetailed;
  // Without stop words: the detailed analysis says which tokens are stop words.
  const withoutStopWords = options.stopWords === false && typeof detailed === 'function' ? detailed : null;
  return (obj, metadata) => {
    // Index documents' fields are strings (IndexDocument).
    if (typeof obj !== 'string') return [];
    const field = (metadata?.fields?.[0] ?? 'text') as SearchField;
    const tokens = withoutStopWords ? withoutStopWords(obj).filter((t) => !t.stop) : analyzer.analyze(obj, field);
    return tokens.map(
      (t, index) => new lunr.Token(t.term, { ...metadata, position: [t.start, t.end - t.start], index }),
    );
  };
}

/** The lunr index of `docs` (ref `id`; fields title, text, caption, media with FIELD_BOOSTS). */
export function buildLunrIndex(docs: IndexDocument[], analyzer: Analyzer, options: LunrBuildOptions = {}): lunr.Index {
  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  (builder as unknown as { tokenizer: Tokenizer }).tokenizer = analyzerTokenizer(analyzer, options);
  builder.ref('id');
  for (const field of SEARCH_FIELDS) builder.field(field, { boost: FIELD_BOOSTS[field] });
  builder.metadataWhitelist = ['position'];
  for (const doc of docs) builder.add({ id: doc.id, ...doc.fields });
  return builder.build();
}
