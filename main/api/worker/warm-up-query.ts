/**
 * What warms a newly opened archive's search: two letters no archive's words begin with. It runs the
 * searcher's code once (a prefix lookup) without scoring anything; the archive's title did the same
 * but, its words being common ("3.11.2 Documentation"), scored thousands of passages: 60 ms on the
 * Python documentation, and the first real query was no faster for it. Not a longer unknown word:
 * that is a typo, whose correction reads the vocabulary's shards of nearby lengths (a few ms on a
 * million passages), work that grows with the archive and that opening must not do; a typo pays it
 * when it comes. The bench warms the same way.
 */
export const WARM_UP_QUERY = 'qz';
