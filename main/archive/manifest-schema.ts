/**
 * The manifest as stored in a pack, validated when a pack is opened (packs may come from anywhere).
 * zod's tree-shakable "mini" build: opening a pack sits on `folio search`'s start-up path, where the
 * full zod would add 800 KB of code to compile.
 */
import * as z from 'zod/mini';

const text = (max: number) => z.string().check(z.maxLength(max));

export const manifestSchema = z.object({
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
