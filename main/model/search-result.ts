/**
 * What a search asks and answers. The searcher's hits carry each passage's whole text; what IPC and HTTP
 * send is the ShownHit, the snippet and the text's length (`folio search --json` prints the text too).
 */
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

/**
 * A hit as IPC and HTTP send it: its snippet, not its whole text. A hit may be a whole page or listing
 * (one of the Linux docs' is 101 KB), and a phone on a hotspot shows only the snippet.
 */
export interface ShownHit extends Omit<SearchHit, 'text'> {
  /** The passage's length: whether the text goes on after the snippet. */
  textLength: number;
  /** Whether the text opens with `title` (a media passage's opens with the film's or picture's title). */
  titleLeads: boolean;
}

export interface ShownSearchResponse extends Omit<SearchResponse, 'results'> {
  results: ShownHit[];
}
