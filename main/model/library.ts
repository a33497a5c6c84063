/** The archives open together (a library), and what a search across all of them answers. */
import type { SearchHit, ShownHit } from './search-result';

/** One open archive, as the Library view lists it. */
export interface LibraryEntry {
  archiveId: string;
  title: string;
  description: string;
  /** BCP 47 tags, the main language first. */
  languages: string[];
  /** The manifest's date or version string. */
  version: string;
  passageCount: number;
  sectionCount: number;
  /** Size of the pack file in bytes. */
  bytes: number;
  /** The pack's file name (never its folder: a browser has no business knowing the server's paths). */
  fileName: string;
  /** The archive calls without an archive id go to (the first one opened). */
  isDefault: boolean;
  /** The archive built into Folio, always open. */
  isEmbedded: boolean;
}

/** A search hit from one archive of the library, with the score made comparable across archives. */
export interface LibrarySearchHit extends SearchHit {
  archiveId: string;
  archiveTitle: string;
  /** The score the archive's own search gave, before the merge rescaled it. */
  packScore: number;
}

export interface LibrarySearchResponse {
  query: string;
  /** Σ of every archive's total. */
  total: number;
  /** Set when any archive's total is an estimate (see SearchResponse.totalIsEstimate). */
  totalIsEstimate?: boolean;
  tookMs: number;
  results: LibrarySearchHit[];
  /** Matches per archive, in library order. */
  archives: { archiveId: string; total: number }[];
  /** The query with its misspelt words corrected (first page only; see SearchResponse.didYouMean). */
  didYouMean?: string;
}

/** A library hit as IPC and HTTP send it (see ShownHit). */
export type ShownLibraryHit = Omit<LibrarySearchHit, 'text'> & Pick<ShownHit, 'textLength' | 'titleLeads'>;

export interface ShownLibraryResponse extends Omit<LibrarySearchResponse, 'results'> {
  results: ShownLibraryHit[];
}
