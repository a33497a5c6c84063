/** Where the searcher reads the passages it shows: a pack reader, or test fixtures. */
import type { Passage } from '../../model/archive';
import type { PassageKind } from '../../model/passage-kind';

/** What telling a page of links reads of a section's passages. */
export type SectionPassage = Pick<Passage, 'kind' | 'text' | 'content' | 'repeatOf'>;

export interface PassageSource {
  passagesByIds(ids: readonly string[]): Passage[];
  sectionTitle(sectionId: string): string;
  /**
   * Optional: a section's passages in reading order, read as iterated, and how many there are
   * (section-priors.ts tells a page of links by them, often from a part of the section).
   */
  sectionPassages?(sectionId: string): { count: number; passages: Iterable<SectionPassage> };
  /** Optional fast path: the kinds of passages, in the order of `ids` (undefined when unknown). */
  passageKinds?(ids: readonly string[]): (PassageKind | undefined)[];
  /** Optional: passages of `kinds` in reading order (a page from `offset`; none for limit 0), and how many there are. */
  passagesOfKinds?(
    kinds: readonly PassageKind[],
    offset: number,
    limit: number,
  ): { total: number; passages: Passage[] };
}
