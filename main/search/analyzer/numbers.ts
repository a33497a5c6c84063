/**
 * Numbers, decades and ordinals.
 *
 * - Thousands separators are dropped: "120,000" and "120000" both give `120000`.
 * - Decades: "1950s", "1950's", "'50s", "50s" and "50's" all give `1950s` (a two-digit decade
 *   that starts a word is read as the 1900s).
 * - Ordinals keep the number: "38th" gives `38`, so "38th parallel" = "38 parallel".
 * - A plural "s" after a number that is not a decade is dropped: "B-29s" = "B-29".
 */

/** Digits with thousands separators: one token. */
export const GROUPED_NUMBER_SOURCE = String.raw`\p{N}{1,3}(?:,\p{N}{3})+(?!\p{N})`;

/** Folded digits: compatibility forms unified, separators removed. */
export function numberTerm(written: string): string {
  return written.normalize('NFKC').replace(/,/g, '');
}

const ORDINAL_RE = /^(?:st|nd|rd|th)$/i;

/** Whether a letter run after digits is an ordinal suffix. */
export function isOrdinalSuffix(letters: string): boolean {
  return ORDINAL_RE.test(letters);
}

/**
 * The decade term for digits followed by "s", or undefined when it is not a decade. Two digits
 * count only when they start the written word (`startsWord`), not in "B50s".
 */
export function decadeTerm(digits: string, startsWord: boolean): string | undefined {
  if (/^\d{3}0$/.test(digits)) return `${digits}s`;
  if (startsWord && /^\d0$/.test(digits)) return `19${digits}s`;
  return undefined;
}
