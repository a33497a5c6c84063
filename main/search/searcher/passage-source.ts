/** Where the searcher reads the passages it shows: a pack reader, or test fixtures. */
import type { Passage } from '../../model/archive';
import type { PassageKind } from '../../model/passage-kind';

/** What telling a page of links needs of a passage (section-priors.ts). */
export type PassageShape = Pick<Passage, 'kind' | 'text' | 'content' | 'repeatOf'>;

/** A section's passages (or what section-priors.ts needs of them), in reading order, and how many there are. */
export interface SectionPassages extends Iterable<PassageShape> {
  readonly length: number;
}

export interface PassageSource {
  passagesByIds(ids: readonly string[]): Passage[];
  sectionTitle(sectionId: string): string;
  /**
   * Optional: every passage of a section, in reading order (section-priors.ts tells a page of links by
   * them). An array, or passages read as they are iterated (it may stop early) with their count.
   */
  sectionPassages?(sectionId: string): SectionPassages;
  /** Optional fast path: the kinds of passages, in the order of `ids` (undefined when unknown). */
  passageKinds?(ids: readonly string[]): (PassageKind | undefined)[];
  /** Optional: passages of `kinds` in reading order (a page from `offset`; none for limit 0), and how many there are. */
  passagesOfKinds?(
    kinds: readonly PassageKind[],
    offset: number,
    limit: number,
  ): { total: number; passages: Passage[] };
}
