/** What a passage is: a paragraph, a photo caption, a film/video reference or a heading. Defined here once. */
export const PASSAGE_KINDS = ['text', 'caption', 'media', 'heading'] as const;
export type PassageKind = (typeof PASSAGE_KINDS)[number];

/** Passages per kind, as a home page or `folio info` shows them. */
export type KindCounts = Record<PassageKind, number>;

/** A count of zero for every kind: the start of any tally. */
export function emptyKindCounts(): KindCounts {
  return Object.fromEntries(PASSAGE_KINDS.map((kind) => [kind, 0])) as KindCounts;
}
