/**
 * A media row's `captions` column (the caption tracks of a film or recording), validated when it is
 * read: the row checksum says it was not damaged, not that whoever made the pack wrote it well.
 */
import * as z from 'zod/mini';
import type { CaptionTrack } from '../model/archive';

const text = (max: number) => z.nullable(z.string().check(z.maxLength(max)));

/** Made when first needed: a one-shot `folio search` opens a pack but reads no film's tracks. */
const tracksSchema = () =>
  z
    .array(
      z.object({
        // Ids as the builder writes them (media-files.ts): `m` and 12 hex digits.
        mediaId: z.string().check(z.regex(/^m[0-9a-f]{12}$/u)),
        kind: z.enum(['captions', 'subtitles']),
        lang: text(35),
        label: text(200),
      }),
    )
    .check(z.minLength(1), z.maxLength(100));
let schema: ReturnType<typeof tracksSchema> | undefined;

/** The tracks the column names, or null when it is not a list of tracks. */
export function parseCaptionTracks(json: string): CaptionTrack[] | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = (schema ??= tracksSchema()).safeParse(value);
  return parsed.success ? parsed.data : null;
}
