/**
 * The manifest as stored in a pack, checked when a pack is opened (packs may come from anywhere):
 * the shape of model/archive.ts's Manifest, each text within its length, unknown keys left out.
 * Written out rather than with zod: opening a pack sits on `folio search`'s start-up path, where
 * zod's set-up cost about 2 ms of every one-shot search.
 */
import type { Manifest, VariantGroup } from '../model/archive';
import { checkedArray, checkedText, isRecord, StoredValueError } from './stored-value';

/** The manifest in `value`, or the first thing wrong with it (a short phrase naming the field). */
export function parseManifest(value: unknown): { manifest: Manifest } | { error: string } {
  try {
    if (!isRecord(value)) throw new StoredValueError('the manifest is not an object');
    const manifest: Manifest = {
      id: checkedText(value.id, 'id', 100, 1),
      title: checkedText(value.title, 'title', 500),
      description: checkedText(value.description, 'description', 5000),
      languages: checkedArray(value.languages, 'languages', (v, at) => checkedText(v, at, 35)),
      source: checkedText(value.source, 'source', 5000),
      licence: checkedText(value.licence, 'licence', 5000),
      variants: checkedArray(value.variants, 'variants', (group, at): VariantGroup =>
        checkedArray(group, at, (v, within) => checkedText(v, within, 200)),
      ),
      version: checkedText(value.version, 'version', 100),
    };
    if (value.kiosk !== undefined) {
      if (!isRecord(value.kiosk)) throw new StoredValueError('kiosk is not an object');
      manifest.kiosk = {
        featured: checkedArray(value.kiosk.featured, 'kiosk.featured', (v, at) => checkedText(v, at, 200), 0, 100),
      };
    }
    return { manifest };
  } catch (error) {
    if (error instanceof StoredValueError) return { error: error.message };
    throw error;
  }
}
