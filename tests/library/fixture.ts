/**
 * Two real packs for the library tests, built by the real builder from tests/fixtures: a small
 * archive (Cape Orin, 9 passages) and a larger one (the almanac, 40 passages) where "fog" and
 * "semaphore" are on many pages. Both hold one passage word for word (SHARED).
 */
import { join } from 'node:path';
import { buildPack } from '../../main/archive/writer/build-pack';

export const SMALL_ID = 'library-cape-orin';
export const LARGE_ID = 'library-almanac';
export const SHARED = 'The keeper wrote in the storm log that the fog bell rang through the night.';
export const STRONG = 'Semaphore arms on the semaphore mast spelled semaphore warnings.';

const fixtures = join(__dirname, '..', 'fixtures');

/** Builds both packs into `dir`: small.folio and large.folio. */
export function buildLibraryPacks(dir: string): { small: string; large: string } {
  const small = join(dir, 'small.folio');
  const large = join(dir, 'large.folio');
  buildPack(join(fixtures, 'library-cape-orin'), small);
  buildPack(join(fixtures, 'library-almanac'), large);
  return { small, large };
}
