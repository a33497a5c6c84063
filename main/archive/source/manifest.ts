/** The `folio.json` manifest of a curated archive source, validated with zod. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SourceError } from '../../model/errors';

export const sourceManifestSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[a-z0-9][a-z0-9-]*$/u, 'use lower-case letters, digits and hyphens'),
    title: z.string().min(1).max(500),
    description: z.string().max(5000),
    languages: z.array(z.string().min(2).max(35)).min(1),
    source: z.string().max(5000),
    licence: z.string().max(5000),
    version: z.string().max(100).default(''),
    content: z.string().min(1).default('content'),
    record: z.string().min(1).optional(),
    variants: z.array(z.array(z.string().min(1).max(200)).min(1)).default([]),
    /** Kiosk mode: passage ids for the attract screen. */
    kiosk: z
      .object({ featured: z.array(z.string().min(1).max(200)).max(100) })
      .strict()
      .optional(),
  })
  .strict();

export type SourceManifest = z.infer<typeof sourceManifestSchema>;

/** Reads and validates `<dir>/folio.json`; every problem becomes one readable SourceError. */
export function readSourceManifest(dir: string): SourceManifest {
  const path = join(dir, 'folio.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SourceError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = sourceManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SourceError(`${path}: ${issue?.path.join('.') || 'manifest'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
