/** The manifest as stored in a pack, validated when a pack is opened (packs may come from anywhere). */
import { z } from 'zod';

export const manifestSchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().max(500),
  description: z.string().max(5000),
  languages: z.array(z.string().max(35)),
  source: z.string().max(5000),
  licence: z.string().max(5000),
  variants: z.array(z.array(z.string().max(200))),
  version: z.string().max(100),
});
