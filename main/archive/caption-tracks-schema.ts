/**
 * A media row's `captions` column (the caption tracks of a film or recording), checked when it is
 * read: the row checksum says it was not damaged, not that whoever made the pack wrote it well.
 */
import type { CaptionTrack } from '../model/archive';
import { checkedArray, checkedText, isRecord, StoredValueError } from './stored-value';

/** Ids as the builder writes them (media-files.ts): `m` and 12 hex digits. */
const MEDIA_ID = /^m[0-9a-f]{12}$/u;

/** A text of at most `max` characters, or null. */
function nullableText(value: unknown, field: string, max: number): string | null {
  return value === null ? null : checkedText(value, field, max);
}

function track(value: unknown, field: string): CaptionTrack {
  if (!isRecord(value)) throw new StoredValueError(`${field} is not an object`);
  const { mediaId, kind } = value;
  if (typeof mediaId !== 'string' || !MEDIA_ID.test(mediaId)) throw new StoredValueError(`${field} has no media id`);
  if (kind !== 'captions' && kind !== 'subtitles') throw new StoredValueError(`${field} has no kind`);
  return { mediaId, kind, lang: nullableText(value.lang, field, 35), label: nullableText(value.label, field, 200) };
}

/** The tracks the column names (1 to 100 of them), or null when it is not a list of tracks. */
export function parseCaptionTracks(json: string): CaptionTrack[] | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  try {
    return checkedArray(value, 'captions', track, 1, 100);
  } catch (error) {
    if (error instanceof StoredValueError) return null;
    throw error;
  }
}
