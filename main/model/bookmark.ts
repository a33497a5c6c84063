/** Bookmarks and reader settings as the API hands them out; the store keeps them per profile and archive. */
import type { PassageKind } from './passage-kind';
import type { UiLanguage } from './ui-language';

export interface Bookmark {
  archiveId: string;
  passageId: string;
  note: string;
  /** What the passage said when it was bookmarked, so an orphaned bookmark still shows what it was. */
  savedExcerpt: string;
  createdAt: string;
  updatedAt: string;
  /** Null when the passage no longer exists in this pack: the bookmark is orphaned, never dropped. */
  passage: { kind: PassageKind; excerpt: string; sectionId: string; section: string } | null;
  orphaned: boolean;
}

export interface Settings {
  fontSize: number;
  theme: 'light' | 'dark' | 'system';
  readingPosition: string | null;
  /** The interface language the reader chose; null follows the configured or system default. */
  language: UiLanguage | null;
}

/** What an import did, entry by entry. */
export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
}
