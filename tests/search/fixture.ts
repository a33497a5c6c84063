/** A small hand-made archive for unit tests of the search core (not the embedded archive). */
import type { Passage, Section } from '../../main/model/archive';
import type { PassageKind } from '../../main/model/passage-kind';
import { createAnalyzer } from '../../main/search/analyzer/index';
import { toIndexDocuments } from '../../main/search/documents';
import { buildLunrIndex } from '../reference/lunr-build';
import { MemoryEngine } from '../reference/memory-engine';
import { createSearcher, type PassageSource } from '../../main/search/searcher/searcher';

export const FIXTURE_VARIANTS = [
  ['Pusan', 'Busan', '부산'],
  ['Yun Po-sun', 'Yun Bo-seon', 'Yun Posun'],
  ['Chang Myon', 'Jang Myeon'],
  ['Kaesong', 'Gaeseong'],
  ['Kim Il-sung', 'Kim Il Sung', 'Kim Ilsung', 'Kim II-song'],
];

const RAW: [PassageKind, string, string | null][] = [
  ['heading', 'Korean War June 25, 1950 – July 27, 1953', 'Korean War June 25, 1950 – July 27, 1953'],
  ['caption', 'Crowd at Seoul Station the day after the Japanese surrender', null],
  ['text', 'The American occupation started on Sept 8, 1945 with a landing at Inchon.', null],
  ['caption', "Voter in Korea's first national election, 1948. The UN set up the election.", null],
  ['media', 'Korean War in Color', 'Korean War in Color'],
  [
    'media',
    'Video on the Jeju uprising and Sunchon Rebellion (1948-1949)- 제주 4·3 민중항쟁 (April 3, 1948), on Jeju Island.',
    'Video on the Jeju uprising and Sunchon Rebellion (1948-1949)- 제주 4·3 민중항쟁 (April 3, 1948), on Jeju Island.',
  ],
  ['text', 'General Ivan M Chistiakov led the 25 Division which occupied Korea north of the 38th parallel.', null],
  ['text', "A joint U.S.-Soviet commission on Korea met in 1946 (P'yongyang) and 1947 (Seoul).", null],
  [
    'text',
    'By 1950 North Korea had a 120,000 man army while the South had about 60,000. Kim Il sung was handpicked by Stalin.',
    null,
  ],
  ['text', 'one tank division with formidable T34 tanks, one air force division with Yak fighters.', null],
  ['media', 'Weapons of Victory 19 - Yakovlev Yak 9 fighter', 'Weapons of Victory 19 - Yakovlev Yak 9 fighter'],
  ['caption', 'Mig-15  Soviet Korean War fighter', null],
  ['text', 'South Korean and U.N. troops at what became known as the Pusan Perimeter, up and around Taegu.', null],
  ['text', "The now famous Inch'on landing seemed a harebrained idea. Negotiations began on 10 June at Kaesong.", null],
  ['text', 'including the infamous Heartbreak Ridge, Punch Bowl, and Porkchop Hill. An armistice was agreed on.', null],
  [
    'text',
    'Back in the United States, McCarthyism is at its height. Many Americans believe these young men have been brainwashed.',
    null,
  ],
  [
    'text',
    'The Soviets did provide MiG pilots. The cannon-equipped MiG 15s Soviet jet proved effective at destroying the slow moving U.S. B-29s. 16 Soviet pilots became aces, with Evgeni Pepelyaev having the most with 23 kills.',
    null,
  ],
  ['heading', "The Forgettable '50s", "The Forgettable '50s"],
  [
    'text',
    'After four months of interim government led by Ho Chong, Yun Po-sun was elected the next president. The real power resided in the prime minister, Chang Myon.',
    null,
  ],
  [
    'text',
    "President Syngman Rhee refused to sign. A ROK soldier. The Democratic People's Republic of Korea (DPRK).",
    null,
  ],
  ['text', 'Running armies and the running of the war.', null],
  [
    'media',
    'Into the Fire Korean movie The film is based on a true story. Watch trailer .',
    'Into the Fire Korean movie',
  ],
];

export function fixturePassages(): { passages: Passage[]; sections: Section[] } {
  const sections: Section[] = [
    {
      id: 'war',
      ordinal: 0,
      title: 'The Korean War',
      titleIsMetadata: true,
      passageCount: RAW.length,
      firstPassageId: 'p0',
    },
  ];
  const passages: Passage[] = RAW.map(([kind, text, title], i) => ({
    id: `p${i}`,
    ordinal: i,
    sectionId: 'war',
    kind,
    text,
    title,
    level: kind === 'heading' ? 2 : null,
    media: null,
    repeatOf: null,
    provenance: { file: 'fixture', lines: [i + 1, i + 1] },
  }));
  return { passages, sections };
}

export function fixtureSearcher() {
  const { passages, sections } = fixturePassages();
  const analyzer = createAnalyzer({ variants: FIXTURE_VARIANTS, languages: ['en', 'ko'] });
  const index = buildLunrIndex(toIndexDocuments(passages, sections), analyzer);
  const engine = new MemoryEngine(index);
  const byId = new Map(passages.map((p) => [p.id, p]));
  const source: PassageSource = {
    passagesByIds: (ids) => ids.map((id) => byId.get(id)).filter((p): p is Passage => !!p),
    sectionTitle: (id) => sections.find((s) => s.id === id)?.title ?? '',
    passagesOfKinds: (kinds, offset, limit) => {
      const all = passages.filter((p) => kinds.includes(p.kind));
      return { total: all.length, passages: all.slice(offset, offset + limit) };
    },
  };
  return { searcher: createSearcher({ engine, analyzer, passages: source }), engine, analyzer, index, passages };
}

/**
 * A searcher over plain text passages in one section, for a case the fixture archive doesn't hold.
 * Ids are `idPrefix` plus the passage's place in `texts`.
 */
export function textSearcher(
  texts: readonly string[],
  { idPrefix, languages, sectionTitle }: { idPrefix: string; languages: string[]; sectionTitle: string },
) {
  const passages: Passage[] = texts.map((text, i) => ({
    id: `${idPrefix}${i}`,
    ordinal: i,
    sectionId: 's',
    kind: 'text',
    text,
    title: null,
    level: null,
    media: null,
    repeatOf: null,
    provenance: { file: 'f', lines: [1, 1] },
  }));
  const sections: Section[] = [
    {
      id: 's',
      ordinal: 0,
      title: sectionTitle,
      titleIsMetadata: true,
      passageCount: passages.length,
      firstPassageId: `${idPrefix}0`,
    },
  ];
  const analyzer = createAnalyzer({ variants: [], languages });
  return createSearcher({
    engine: new MemoryEngine(buildLunrIndex(toIndexDocuments(passages, sections), analyzer)),
    analyzer,
    passages: { passagesByIds: (ids) => passages.filter((p) => ids.includes(p.id)), sectionTitle: () => sectionTitle },
  });
}
