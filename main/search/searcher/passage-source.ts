/** Where the searcher reads the passages it shows: a pack reader, or test fixtures. */
import type { Passage } from '../../model/archive';
import type { PassageKind } from '../../model/passage-kind';

export interface PassageSource {
  passagesByIds(ids: readonly string[]): Passage[];
  sectionTitle(sectionId: string): string;
  /**
   * Optional: whether a section is a page made mostly of links (link-lists.ts), as the pack stores
   * it beside the section's title; without it, only titles give a section a prior (section-priors.ts).
   */
  sectionIsLinkList?(sectionId: string): boolean;
  /**
   * Optional: the section of each passage, in the order of `ids` (undefined when unknown), found
   * without reading its text. A candidate past the page takes its section's prior from it
   * (section-priors.ts), so its text block stays compressed.
   */
  passageSections?(ids: readonly string[]): (string | undefined)[];
  /** Optional fast path: the kinds of passages, in the order of `ids` (undefined when unknown). */
  passageKinds?(ids: readonly string[]): (PassageKind | undefined)[];
  /** Optional: passages of `kinds` in reading order (a page from `offset`; none for limit 0), and how many there are. */
  passagesOfKinds?(
    kinds: readonly PassageKind[],
    offset: number,
    limit: number,
  ): { total: number; passages: Passage[] };
}
