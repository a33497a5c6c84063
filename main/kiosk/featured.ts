/**
 * The attract screen's passages: those the manifest names (`kiosk.featured`), else captions and media that
 * have an image in the pack, else the first passage of each section. At most 12, found without reading
 * a whole section: captions and media through the kinds index, a page of them at a time, and no more than
 * a section's opening passages.
 */
import type { PackReader } from '../archive/pack-reader-types';
import type { Passage } from '../model/archive';

const MAX_FEATURED = 12;
const MAX_SECTIONS_SCANNED = 300;
/** Captions and media looked at for a picture, at most, and how many are read at once. */
const MAX_PICTURE_CANDIDATES = 2_000;
const CANDIDATE_PAGE = 100;
/** A section's passages looked at for its first that is not a heading. */
const OPENING = 20;

export function featuredPassages(pack: PackReader): Passage[] {
  const named = pack.manifest.kiosk?.featured ?? [];
  if (named.length) {
    const found = named.map((id) => pack.passage(id)).filter((p): p is Passage => p !== undefined);
    if (found.length) return found.slice(0, MAX_FEATURED);
  }
  const pictured: Passage[] = [];
  for (let offset = 0; pictured.length < MAX_FEATURED && offset < MAX_PICTURE_CANDIDATES; offset += CANDIDATE_PAGE) {
    const { total, passages } = pack.passagesOfKinds(['caption', 'media'], offset, CANDIDATE_PAGE);
    for (const p of passages) {
      if (pictured.length >= MAX_FEATURED) break;
      if (p.media?.type === 'image' && p.media.present && !p.repeatOf) pictured.push(p);
    }
    if (offset + CANDIDATE_PAGE >= total) break;
  }
  if (pictured.length) return pictured;
  const firsts: Passage[] = [];
  // The first sections alone, each read by position: never the whole table of a large archive.
  for (let ordinal = 0; ordinal < Math.min(MAX_SECTIONS_SCANNED, pack.sectionCount()); ordinal++) {
    const first = pack.passagesOfSection(pack.sectionAt(ordinal)!.id, 0, OPENING).find((p) => p.kind !== 'heading');
    if (first) firsts.push(first);
    if (firsts.length >= MAX_FEATURED) break;
  }
  return firsts;
}
