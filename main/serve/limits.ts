/**
 * What one request to `folio serve` may cost, so that no client can stall the others: body sizes, and
 * how imports are cut into turns of the core worker.
 */

/** Every API call but an import: the largest real payload, a 10,000-character note, is under 60 KB even fully escaped. */
export const API_BODY_LIMIT = 64 * 1024;

/** `bookmarks.import`: the export of a reader at every cap (5,000 bookmarks, a million characters of notes) fits. */
export const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;

/** Bookmarks written per turn of the core worker during an import; other clients' calls run between turns. */
export const IMPORT_CHUNK_ENTRIES = 250;

/** A MiB or KiB figure for messages. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}
