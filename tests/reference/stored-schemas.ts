/**
 * The zod schemas the pack reader used for its manifest and caption tracks, kept as the reference
 * the written-out checks (main/archive/manifest-schema.ts, caption-tracks-schema.ts) are held to.
 */
import * as z from 'zod/mini';

const text = (max: number) => z.string().check(z.maxLength(max));
const nullableText = (max: number) => z.nullable(z.string().check(z.maxLength(max)));

export const referenceManifestSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  title: text(500),
  description: text(5000),
  languages: z.array(text(35)),
  source: text(5000),
  licence: text(5000),
  variants: z.array(z.array(text(200))),
  version: text(100),
  kiosk: z.optional(z.object({ featured: z.array(text(200)).check(z.maxLength(100)) })),
});

export const referenceCaptionTracksSchema = z
  .array(
    z.object({
      mediaId: z.string().check(z.regex(/^m[0-9a-f]{12}$/u)),
      kind: z.enum(['captions', 'subtitles']),
      lang: nullableText(35),
      label: nullableText(200),
    }),
  )
  .check(z.minLength(1), z.maxLength(100));
