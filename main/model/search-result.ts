/** What a search asks and answers: the same shape over IPC, HTTP and `folio search --json`. */
import type { PassageKind } from './passage-kind';

/** What the reader asks. */
export interface SearchRequest {
  query: string;
  /** Restrict to these kinds; empty or absent means all. */
  kinds?: PassageKind[];
  limit?: number;
  offset?: number;
}

/** One passage-level result. `highlights` are [start, end) offsets into `text`. */
export interface SearchHit {
  passageId: string;
  kind: PassageKind;
  sectionId: string;
  section: string;
  /** Media title for media passages, heading text for headings, else the section title. */
  title: string;
  /** The passage's full text. */
  text: string;
  /** The best window of `text` around the matches; `snippetStart` is its offset into `text`. */
  snippet: string;
  snippetStart: number;
  highlights: [number, number][];
  /**
   * Set when the passage matched only through its section title, not its own text: the words of
   * `section` that matched, as [start, end) offsets into it.
   */
  sectionHighlights?: [number, number][];
  score: number;
}

export interface SearchResponse {
  query: string;
  total: number;
  /**
   * Set when `total` is an estimate ("about N"): a quoted phrase or a Japanese/Korean run was
   * checked on the leading candidates only, or no passage holds the run's characters in order.
   */
  totalIsEstimate?: boolean;
  /** Milliseconds the answer took: the search, and in an answer that may carry one, its did-you-mean too. */
  tookMs: number;
  results: SearchHit[];
  /**
   * The query with its misspelt words corrected from the archive's own vocabulary, when some word
   * of it is not in the archive (it found nothing, or only through typo tolerance).
   */
  didYouMean?: string;
}
