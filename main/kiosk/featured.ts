/**
 * The attract screen's passages: those the manifest names (`kiosk.featured`), else captions and media that
 * have an image in the pack, else the first passage of each section. At most 12, found without reading
 * more than a few hundred sections of a large pack.
 */
import type { PackReader } from '../archive/pack-reader-types';
import type { Passage } from '../model/archive';

const MAX_FEATURED = 12;
const MAX_SECTIONS_SCANNED = 300;

export function featuredPassages(pack: PackReader): Passage[] {
  const named = pack.manifest.kiosk?.featured ?? [];
  if (named.length) {
    const found = named.map((id) => pack.passage(id)).filter((p): p is Passage => p !== undefined);
    if (found.length) return found.slice(0, MAX_FEATURED);
  }
  const pictured: Passage[] = [];
  const firsts: Passage[] = [];
  // The first sections alone, each read by position: never the whole table of a large archive.
  for (let ordinal = 0; ordinal < Math.min(MAX_SECTIONS_SCANNED, pack.sectionCount()); ordinal++) {
    const passages = pack.passagesOfSection(pack.sectionAt(ordinal)!.id);
    const first = passages.find((p) => p.kind !== 'heading');
    if (first && firsts.length < MAX_FEATURED) firsts.push(first);
    for (const p of passages) {
      if (pictured.length >= MAX_FEATURED) break;
      if (p.kind !== 'heading' && p.media?.type === 'image' && p.media.present && !p.repeatOf) pictured.push(p);
    }
    if (pictured.length >= MAX_FEATURED) break;
  }
  return pictured.length ? pictured : firsts;
}
