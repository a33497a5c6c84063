/**
 * What warms a newly opened archive's search: a word no archive holds. It reads the vocabulary and
 * runs the searcher's code once without scoring anything; the archive's title did the same but, its
 * words being common ("3.11.2 Documentation"), scored thousands of passages: 60 ms on the Python
 * documentation, and the first real query was no faster for it. The bench warms the same way.
 */
export const WARM_UP_QUERY = 'qzxqzvqj';
