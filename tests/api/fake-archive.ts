/** A small in-memory PackReader and searcher for handler tests (no pack file needed). */
import type { PackReader } from '../../main/archive/pack-reader-types';
import type { KindCounts, PassageKind } from '../../main/model/passage-kind';
import type { Manifest, Passage, Section } from '../../main/model/archive';
import type { SearchPort } from '../../main/api/handlers';
import type { SearchHit } from '../../main/model/search-result';

export const manifest: Manifest = {
  id: 'test-archive',
  title: 'Test archive',
  description: 'A tiny archive for tests.',
  languages: ['en'],
  source: 'tests',
  licence: 'CC0',
  variants: [],
  version: '1',
};

function passage(id: string, ordinal: number, sectionId: string, kind: PassageKind, text: string): Passage {
  return {
    id,
    ordinal,
    sectionId,
    kind,
    text,
    title: kind === 'heading' ? text : kind === 'media' ? (text.split('.')[0] ?? text) : null,
    level: kind === 'heading' ? 2 : null,
    media:
      kind === 'caption' || kind === 'media'
        ? {
            id: `m-${id}`,
            type: kind === 'media' ? 'video' : 'image',
            mime: null,
            source: null,
            present: false,
            bytes: 0,
          }
        : null,
    repeatOf: null,
    provenance: { file: 'x.md', lines: [ordinal + 1, ordinal + 1] },
  };
}

export const passages: Passage[] = [
  passage('h-intro', 0, 's1', 'heading', 'Introduction'),
  passage('t-pusan', 1, 's1', 'text', 'The perimeter around Pusan held in 1950.'),
  passage('c-won', 2, 's1', 'caption', '1947 Korean Won banknote'),
  passage('h-war', 3, 's2', 'heading', 'The war'),
  passage('t-inchon', 4, 's2', 'text', 'The landing at Inchon changed the course of the war.'),
  passage('m-film', 5, 's2', 'media', 'Into the Fire. A film based on a true story.'),
];

export const sections: Section[] = [
  { id: 's1', ordinal: 0, title: 'Introduction', titleIsMetadata: false, passageCount: 3, firstPassageId: 'h-intro' },
  { id: 's2', ordinal: 1, title: 'The war', titleIsMetadata: false, passageCount: 3, firstPassageId: 'h-war' },
];

export function fakePack(list: Passage[] = passages): PackReader {
  const byId = new Map(list.map((p) => [p.id, p]));
  return {
    path: '/fake/test.folio',
    manifest,
    formatVersion: 1,
    sections: () => sections,
    passagesOfSection: (id) => list.filter((p) => p.sectionId === id),
    passage: (id) => byId.get(id),
    passagesByIds: (ids) => ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    passageCount: () => list.length,
    kindCounts: () => {
      const counts: KindCounts = { text: 0, caption: 0, media: 0, heading: 0 };
      for (const p of list) counts[p.kind] += 1;
      return counts;
    },
    mediaBlob: () => undefined,
    searchEngine: () => {
      throw new Error('not used');
    },
    close: () => undefined,
  };
}

/** Substring search: enough to test the handler's plumbing. */
export function fakeSearcher(list: Passage[] = passages): SearchPort {
  return {
    search: (req) => {
      const q = req.query.trim().toLowerCase();
      const hits: SearchHit[] = !q
        ? []
        : list
            .filter((p) => (!req.kinds?.length || req.kinds.includes(p.kind)) && p.text.toLowerCase().includes(q))
            .map((p) => {
              const at = p.text.toLowerCase().indexOf(q);
              return {
                passageId: p.id,
                kind: p.kind,
                sectionId: p.sectionId,
                section: sections.find((s) => s.id === p.sectionId)?.title ?? '',
                title: p.title ?? '',
                text: p.text,
                snippet: p.text,
                snippetStart: 0,
                highlights: [[at, at + q.length]],
                score: 1,
              };
            });
      return {
        query: req.query,
        total: hits.length,
        tookMs: 0,
        results: hits.slice(req.offset ?? 0, (req.offset ?? 0) + (req.limit ?? 20)),
      };
    },
  };
}
