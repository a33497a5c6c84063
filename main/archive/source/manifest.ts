/** The `folio.json` manifest of a curated archive source, validated with zod. */
import { join } from 'node:path';
import * as z from 'zod';
import { SourceError } from '../../model/errors';
import { readSourceFile } from './source-file';

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

/** Reads and validates `<root>/folio.json` (root: a real path); every problem becomes one readable SourceError. */
export function readSourceManifest(root: string): SourceManifest {
  const path = join(root, 'folio.json');
  const text = readSourceFile(root, path, 'manifest', path).toString('utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SourceError(`${path}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const parsed = sourceManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SourceError(`${path}: ${issue?.path.join('.') || 'manifest'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
