/**
 * Checks of JSON values a pack stores (its manifest, a media row's caption tracks): written out
 * rather than with a schema library, which cost every one-shot `folio search` its set-up time.
 */

/** What is wrong with a stored value, as a short phrase naming the field. */
export class StoredValueError extends Error {}

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` when it is a string of `min` to `max` UTF-16 code units; else throws naming `field`. */
export function checkedText(value: unknown, field: string, max: number, min = 0): string {
  if (typeof value !== 'string') throw new StoredValueError(`${field} is not text`);
  if (value.length > max) throw new StoredValueError(`${field} is longer than ${max} characters`);
  if (value.length < min) throw new StoredValueError(`${field} is empty`);
  return value;
}

/** `value`'s elements, each checked by `element`, when it is an array of `min` to `max` of them. */
export function checkedArray<T>(
  value: unknown,
  field: string,
  element: (v: unknown, field: string) => T,
  min = 0,
  max = Number.POSITIVE_INFINITY,
): T[] {
  if (!Array.isArray(value)) throw new StoredValueError(`${field} is not a list`);
  if (value.length > max) throw new StoredValueError(`${field} has more than ${max} entries`);
  if (value.length < min) throw new StoredValueError(`${field} has fewer than ${min} entries`);
  return value.map((v: unknown, i) => element(v, `${field}[${i}]`));
}
