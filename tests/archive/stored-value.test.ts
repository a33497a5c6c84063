/**
 * The pack reader checks its manifest and caption tracks with written-out code (zod's set-up cost
 * every one-shot search about 2 ms): it must accept, reject and keep exactly what the zod schemas it
 * replaced did (tests/reference/stored-schemas.ts), on seeded variations of real values.
 */
import { describe, expect, it } from 'vitest';
import { parseCaptionTracks } from '../../main/archive/caption-tracks-schema';
import { parseManifest } from '../../main/archive/manifest-schema';
import { mulberry32 } from '../../bench/synthetic-corpus';
import { referenceCaptionTracksSchema, referenceManifestSchema } from '../reference/stored-schemas';

const manifest = {
  id: 'korean-war',
  title: 'Korean War June 25, 1950 – July 27, 1953',
  description: 'Photographs and passages',
  languages: ['en', 'ko'],
  source: 'https://example.org/page',
  licence: 'Public domain',
  variants: [
    ['Pusan', 'Busan'],
    ['Inchon', 'Incheon'],
  ],
  version: '2026-11-30',
  kiosk: { featured: ['p0123456789ab', 'p0123456789ac'] },
};
const tracks = [
  { mediaId: 'm0123456789ab', kind: 'captions', lang: 'en', label: 'English' },
  { mediaId: 'm0123456789ac', kind: 'subtitles', lang: null, label: null },
];

/** Strange values a damaged or hand-made pack could hold. */
const ODD: unknown[] = [
  undefined,
  null,
  0,
  1.5,
  true,
  '',
  'x',
  'y'.repeat(36),
  'z'.repeat(101),
  'w'.repeat(201),
  'v'.repeat(501),
  'u'.repeat(5001),
  [],
  ['a'],
  [['a', 'b']],
  [1],
  {},
  { featured: [] },
  { featured: ['a'], extra: 1 },
  { featured: Array<string>(101).fill('a') },
  'm0123456789ab',
  'mABCDEF012345',
  'captions',
  'subtitles',
];

/** `value` with one spot, chosen by `next`, replaced by an odd value (or a key added or removed). */
function vary(value: unknown, next: () => number): unknown {
  const odd = () => ODD[Math.floor(next() * ODD.length)];
  if (Array.isArray(value)) {
    const list: unknown[] = value;
    if (list.length === 0 || next() < 0.2) return next() < 0.5 ? [...list, odd()] : list.slice(1);
    const i = Math.floor(next() * list.length);
    return list.map((v, j) => (j === i ? (next() < 0.5 ? odd() : vary(v, next)) : v));
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    const key = next() < 0.1 ? 'unknownKey' : keys[Math.floor(next() * keys.length)]!;
    const copy: Record<string, unknown> = { ...value };
    const r = next();
    if (r < 0.15) delete copy[key];
    else if (r < 0.6) copy[key] = odd();
    else copy[key] = vary(copy[key], next);
    return copy;
  }
  return odd();
}

describe('stored values checked without zod', () => {
  it('takes a manifest as zod did', () => {
    const next = mulberry32(3);
    let accepted = 0;
    for (let n = 0; n < 4000; n++) {
      const value = n === 0 ? manifest : vary(n % 3 ? manifest : vary(manifest, next), next);
      const reference = referenceManifestSchema.safeParse(value);
      const parsed = parseManifest(value);
      const shown = JSON.stringify(value)?.slice(0, 300);
      if (reference.success) {
        expect(parsed, shown).toEqual({ manifest: reference.data });
        accepted++;
      } else expect('error' in parsed, shown).toBe(true);
    }
    expect(accepted).toBeGreaterThan(100);
  });

  it('takes caption tracks as zod did', () => {
    const next = mulberry32(5);
    let accepted = 0;
    for (let n = 0; n < 4000; n++) {
      const value = n === 0 ? tracks : vary(n % 3 ? tracks : vary(tracks, next), next);
      const json = JSON.stringify(value) ?? 'undefined';
      if (json === 'undefined') {
        expect(parseCaptionTracks(json)).toBeNull();
        continue;
      }
      // The column is JSON: the reference reads what it holds.
      const reference = referenceCaptionTracksSchema.safeParse(JSON.parse(json));
      if (reference.success) {
        expect(parseCaptionTracks(json), json).toEqual(reference.data);
        accepted++;
      } else expect(parseCaptionTracks(json), json).toBeNull();
    }
    expect(accepted).toBeGreaterThan(100);
    expect(parseCaptionTracks('not json')).toBeNull();
  });
});
