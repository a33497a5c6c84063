/**
 * The content checksum (main/archive/checksum.ts) is stored in every pack and must stay what it
 * was: a pack rebuilt from the same source matches the last one byte for byte. The pack writer now
 * hands ContentHash the content's JSON it wrote for the passage's block, and the line around it is
 * written by hand; here it is checked against the checksum's definition (each passage the
 * JSON.stringify of one array), over passages with every optional field there and absent.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ContentHash, contentChecksum } from '../../main/archive/checksum';
import type { Manifest, Passage, Section } from '../../main/model/archive';
import { passageId } from '../../main/archive/passage-id';
import { TextBlockPacker } from '../../main/archive/writer/text-blocks';

const manifest: Manifest = {
  id: 'checksum-test',
  title: 'Checksum "test"',
  description: 'Lines\nand tabs\t',
  languages: ['en', 'ko'],
  source: 'https://example.org/',
  licence: 'CC-BY-4.0',
  version: '1',
  variants: [['colour', 'color']],
};

const sections: Section[] = [
  { id: 's0', ordinal: 0, title: 'One', titleIsMetadata: false, passageCount: 3, firstPassageId: null },
  { id: 's1', ordinal: 1, title: '둘', titleIsMetadata: true, depth: 2, passageCount: 2, firstPassageId: null },
];

function passage(ordinal: number, fields: Partial<Passage> & Pick<Passage, 'kind' | 'text'>): Passage {
  return {
    id: passageId(fields.kind, fields.text, 1),
    ordinal,
    sectionId: ordinal < 3 ? 's0' : 's1',
    title: null,
    level: null,
    media: null,
    repeatOf: null,
    provenance: { file: `page ${ordinal}.html`, lines: [ordinal + 1, ordinal + 4] },
    ...fields,
  };
}

const passages: Passage[] = [
  passage(0, { kind: 'heading', text: 'Intro', title: 'Intro', level: 1 }),
  passage(1, { kind: 'text', text: 'Plain "quoted" text\u2028 with a line separator' }),
  passage(2, {
    kind: 'text',
    text: 'let x = 1;',
    content: ['pre', 'let x = 1;'],
    lang: 'ko',
  }),
  passage(3, {
    kind: 'media',
    text: 'A figure',
    title: 'A figure',
    media: { id: 'm1', type: 'image', mime: 'image/png', source: 'a.png', present: true, bytes: 3 },
  }),
  passage(4, {
    kind: 'text',
    text: 'Plain "quoted" text\u2028 with a line separator',
    repeatOf: 'p1',
    lang: undefined,
  }),
];

/** The checksum as it is defined: each line the JSON of one array. */
function defined(): string {
  let text = '';
  const add = (value: unknown): void => void (text += `${JSON.stringify(value)}\n`);
  add([
    'manifest',
    manifest.id,
    manifest.title,
    manifest.description,
    manifest.languages,
    manifest.source,
    manifest.licence,
    manifest.version,
    manifest.variants,
  ]);
  for (const s of sections) add(['section', s.ordinal, s.id, s.title, s.titleIsMetadata, s.depth ?? 0]);
  for (const p of passages)
    add([
      'passage',
      p.ordinal,
      p.id,
      p.sectionId,
      p.kind,
      p.text,
      p.title,
      p.level,
      p.media?.id ?? null,
      p.repeatOf,
      p.provenance.file,
      p.provenance.lines,
      p.content ?? null,
      p.lang ?? null,
    ]);
  add(['media', 'm1', 'abc']);
  return createHash('sha256').update(text).digest('hex');
}

describe('content checksum', () => {
  const media = [{ id: 'm1', sha256: 'abc' }];

  it('is its definition, each passage hashed whole', () => {
    expect(contentChecksum(manifest, sections, passages, media)).toBe(defined());
  });

  it('is the same from the content JSON the block packer wrote', () => {
    const hash = new ContentHash(manifest, sections);
    const packer = new TextBlockPacker(() => {}, { threaded: false });
    try {
      for (const p of passages) hash.passage(p, packer.add(p));
    } finally {
      packer.close();
    }
    expect(hash.finish(media)).toBe(defined());
  });
});
