/**
 * The handler context for an archive file: the pack and its search (main/archive/searchable-pack)
 * plus the bookmark store in the user's data folder (never inside the pack).
 */
import { openSearchablePack } from '../archive/searchable-pack';
import type { PackReader } from '../archive/pack-reader-types';
import { BookmarkStore, type StoreRecovery } from '../bookmarks/store';
import type { ApiContext, SearchPort } from './handlers';

export interface ArchiveContextOptions {
  archivePath: string;
  /** Folder for bookmarks.sqlite (the user's data folder). */
  dataDir: string;
  /** An already open store to reuse (switching packs keeps the same bookmarks file). */
  bookmarks?: BookmarkStore;
}

export interface ArchiveContext {
  pack: PackReader;
  searcher: SearchPort;
  bookmarks: BookmarkStore;
  /** Set when the bookmarks file was corrupt and moved aside. */
  recovery: StoreRecovery | null;
  /** The handler context for one profile. */
  context(profileId: string): ApiContext;
  /** Closes the pack, and the store when this call opened it. */
  close(): void;
}

/** Throws PackError (one-line message) for a missing or damaged pack. */
export function openArchiveContext(options: ArchiveContextOptions): ArchiveContext {
  const archive = openSearchablePack(options.archivePath);
  try {
    const ownStore = !options.bookmarks;
    const bookmarks = options.bookmarks ?? BookmarkStore.open(options.dataDir);
    const pack = archive.pack;
    const searcher: SearchPort = {
      search: (request, control) => archive.search(request, control),
      suggest: (query, control) => archive.suggest(query, control),
    };
    return {
      pack,
      searcher,
      bookmarks,
      recovery: bookmarks.recovery,
      context: (profileId) => ({ pack, searcher, bookmarks, profileId }),
      close: () => {
        archive.close();
        if (ownStore) bookmarks.close();
      },
    };
  } catch (error) {
    archive.close();
    throw error;
  }
}
