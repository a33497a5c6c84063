/**
 * A library: several packs open at once, one bookmark store shared by all (bookmarks are keyed by
 * archive id), the first archive the default for calls that name none. The core worker holds one.
 */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { openArchiveContext, type ArchiveContext } from '../api/archive-context';
import type { ApiContext, LibraryPort } from '../api/handlers';
import { FolioError, PackError } from '../model/errors';
import type { LibraryEntry, LibrarySearchResponse } from '../model/library';
import type { SearchRequest } from '../model/search-result';
import { BookmarkStore } from '../bookmarks/store';
import { createAnalyzer } from '../search/analyzer/index';
import { PackEngine } from '../search/engine/pack-engine';
import type { IndexEngine } from '../search/types';
import { searchLibrary, type SearchMember } from './merged-search';

/** A pack to open. */
export interface LibrarySource {
  path: string;
  /** The archive built into Folio. */
  embedded?: boolean;
  /** A pack named on its own (`--archive`) must open; one found in a folder (`--library`) is skipped with a notice. */
  required?: boolean;
}

interface Member {
  archive: ArchiveContext;
  path: string;
  bytes: number;
  embedded: boolean;
  search: SearchMember;
}

export class Library {
  /** Said once to the reader: packs that were skipped, and why. */
  readonly notices: string[];
  private readonly byId: Map<string, Member>;
  private readonly port: LibraryPort;

  private constructor(
    private readonly members: Member[],
    readonly bookmarks: BookmarkStore,
    notices: string[],
  ) {
    this.notices = notices;
    this.byId = new Map(members.map((m) => [m.archive.pack.manifest.id, m]));
    this.port = {
      notices,
      entries: () => this.entries(),
      search: (request) => this.search(request),
    };
  }

  /**
   * Opens every source in order; the first that opens is the default. Throws a FolioError (one line)
   * when a required pack cannot be opened, and when nothing could be opened at all.
   */
  static open(sources: readonly LibrarySource[], dataDir: string, store?: BookmarkStore): Library {
    // A library that replaces another takes over its store (closePacks), so a reset notice outlives the switch.
    const bookmarks = store ?? BookmarkStore.open(dataDir);
    const members: Member[] = [];
    const notices: string[] = [];
    try {
      const seen = new Map<string, string>();
      for (const source of sources) {
        const path = resolve(source.path);
        let archive: ArchiveContext;
        try {
          archive = openArchiveContext({ archivePath: path, dataDir, bookmarks });
        } catch (error) {
          if (source.required || !(error instanceof FolioError)) throw error;
          notices.push(`${basename(path)} was not opened: ${error.message}`);
          continue;
        }
        const id = archive.pack.manifest.id;
        const first = seen.get(id);
        if (first !== undefined) {
          archive.pack.close();
          // The same pack given twice (or the embedded one named again) is no news.
          if (first !== path)
            notices.push(`${basename(path)} was not opened: ${basename(first)} has the same archive id "${id}".`);
          continue;
        }
        seen.set(id, path);
        members.push(member(archive, path, source.embedded ?? false));
      }
      if (members.length === 0) throw new PackError(notices[0] ?? 'No archive was given.');
      return new Library(members, bookmarks, notices);
    } catch (error) {
      for (const m of members) m.archive.pack.close();
      if (!store) bookmarks.close();
      throw error;
    }
  }

  get defaultArchive(): ArchiveContext {
    return this.members[0]!.archive;
  }

  /** The handler context for an archive (undefined: the default one); undefined when no such archive is open. */
  context(archiveId: string | undefined, profileId: string): ApiContext | undefined {
    const m = archiveId === undefined ? this.members[0] : this.byId.get(archiveId);
    return m ? { ...m.archive.context(profileId), library: this.port } : undefined;
  }

  archive(archiveId: string | undefined): ArchiveContext | undefined {
    return (archiveId === undefined ? this.members[0] : this.byId.get(archiveId))?.archive;
  }

  entries(): LibraryEntry[] {
    return this.members.map((m, i) => {
      const { manifest } = m.archive.pack;
      return {
        archiveId: manifest.id,
        title: manifest.title,
        description: manifest.description,
        languages: manifest.languages,
        version: manifest.version,
        passageCount: m.archive.pack.passageCount(),
        sectionCount: m.archive.pack.sectionCount(),
        bytes: m.bytes,
        fileName: basename(m.path),
        isDefault: i === 0,
        isEmbedded: m.embedded,
      };
    });
  }

  search(request: SearchRequest): LibrarySearchResponse {
    return searchLibrary(
      this.members.map((m) => m.search),
      request,
    );
  }

  /** The paths open, in order (to reopen the library with one more pack). */
  get sources(): LibrarySource[] {
    return this.members.map((m) => ({ path: m.path, embedded: m.embedded, required: true }));
  }

  /** Closes the packs only: for a library whose store a new one took over (open's `store`). */
  closePacks(): void {
    for (const m of this.members) m.archive.pack.close();
  }

  close(): void {
    this.closePacks();
    this.bookmarks.close();
  }
}

/** lunr's BM25 parameters and average body lengths of a pack's index (null for one that stores weights). */
function bm25Of(engine: IndexEngine): SearchMember['bm25'] {
  const tf = engine instanceof PackEngine ? engine.meta.tf : undefined;
  if (!(engine instanceof PackEngine) || !tf) return null;
  const average = (field: string): number => tf.avgFieldLength[engine.meta.fields.indexOf(field)] ?? 0;
  return { k1: tf.k1, b: tf.b, averageLength: { text: average('text'), caption: average('caption') } };
}

function member(archive: ArchiveContext, path: string, embedded: boolean): Member {
  const { pack } = archive;
  const engine = pack.searchEngine();
  const analyzer = createAnalyzer({ variants: pack.manifest.variants, languages: pack.manifest.languages });
  return {
    archive,
    path,
    bytes: statSync(path).size,
    embedded,
    search: {
      archiveId: pack.manifest.id,
      title: pack.manifest.title,
      search: (request) => archive.searcher.search(request),
      suggest: (query) => archive.searcher.suggest?.(query) ?? null,
      documentCount: engine.documentCount,
      // What the pack's stored idf was computed from, so the pack's own idf is reproduced exactly.
      documentsWithTerm: (term) =>
        engine instanceof PackEngine ? (engine.postings(term)?.documentsWithTerm ?? 0) : engine.documentFrequency(term),
      terms: (text, field) => analyzer.analyze(text, field).map((t) => t.term),
      bm25: bm25Of(engine),
    },
  };
}
