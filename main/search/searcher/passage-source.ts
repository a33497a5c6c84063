/** Where the searcher reads the passages it shows: a pack reader, or test fixtures. */
import type { Passage } from '../../model/archive';
import type { PassageKind } from '../../model/passage-kind';

export interface PassageSource {
  passagesByIds(ids: readonly string[]): Passage[];
  sectionTitle(sectionId: string): string;
  /** Optional: every passage of a section, in reading order (section-priors.ts tells a page of links by them). */
  sectionPassages?(sectionId: string): Passage[];
  /** Optional fast path: the kinds of passages, in the order of `ids` (undefined when unknown). */
  passageKinds?(ids: readonly string[]): (PassageKind | undefined)[];
  /** Optional: passages of `kinds` in reading order (a page from `offset`; none for limit 0), and how many there are. */
  passagesOfKinds?(
    kinds: readonly PassageKind[],
    offset: number,
    limit: number,
  ): { total: number; passages: Passage[] };
}
