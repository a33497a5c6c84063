/** Passage kinds in the order the home page counts them, and the kinds a search can be narrowed to. */
import type { PassageKind } from '../../main/model/passage-kind';

/** Headings come with every search, not as a filter of their own. */
export type FilterKind = Exclude<PassageKind, 'heading'>;

// A Record over the model's kinds: a new kind fails to compile until it has its place here (and its labels).
const ORDER = { text: 0, caption: 1, media: 2, heading: 3 } satisfies Record<PassageKind, number>;

export const KINDS = Object.keys(ORDER) as PassageKind[];
export const FILTER_KINDS = KINDS.filter((kind): kind is FilterKind => kind !== 'heading');
