/** The read-only view of an opened pack that the search core, the API and the CLI use. */
import type { IndexEngine } from '../search/types';
import type { KindCounts, PassageKind } from '../model/passage-kind';
import type { Manifest, Passage, Section } from '../model/archive';

export interface MediaBlob {
  mime: string;
  bytes: Buffer;
}

export interface PackReader {
  readonly path: string;
  readonly manifest: Manifest;
  readonly formatVersion: number;
  /** Every section in reading order: the whole table, read and checked once (35,000 rows on a large archive). */
  sections(): Section[];
  /** How many sections there are, without reading them. */
  sectionCount(): number;
  /** Up to `count` sections from reading-order position `from` on, read and checked as one span. */
  sectionsFrom(from: number, count: number): Section[];
  /** The sections of these ids, in reading order; unknown ids are skipped. */
  sectionsById(ids: readonly string[]): Section[];
  /** Section `ordinal` of the reading order, read alone; undefined past the last. */
  sectionAt(ordinal: number): Section | undefined;
  /** The section holding the passage at reading-order position `ordinal`, and the passage's place in it. */
  sectionHolding(ordinal: number): { section: Section; at: number } | undefined;
  /** A section by id, read alone. */
  section(sectionId: string): Section | undefined;
  /** The section's passages in reading order: all, or `count` of them from its `from`th (0 for its first). */
  passagesOfSection(sectionId: string, from?: number, count?: number): Passage[];
  passage(id: string): Passage | undefined;
  /** In the order of `ids`; unknown ids are skipped. */
  passagesByIds(ids: readonly string[]): Passage[];
  passageCount(): number;
  kindCounts(): KindCounts;
  /** Passages of `kinds` in reading order, `limit` of them from `offset`, and how many there are (the kinds index alone). */
  passagesOfKinds(kinds: readonly PassageKind[], offset: number, limit: number): { total: number; passages: Passage[] };
  /** The stored file of a media item, or undefined when it is not in the pack. */
  mediaBlob(mediaId: string): MediaBlob | undefined;
  /** The pack's search index, read on demand. */
  searchEngine(): IndexEngine;
  close(): void;
}
