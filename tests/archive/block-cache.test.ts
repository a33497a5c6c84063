/**
 * The reader keeps only a few MB of decompressed text blocks (pack.ts, BLOCK_CACHE_BYTES): a pack
 * holding more than that is read whole, then again in the other order and out of order, each block
 * decompressed again after it was evicted, and every passage reads the same each time, with the
 * text it was built from.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPack } from '../../main/archive/pack';
import { buildPack } from '../../main/archive/writer/build-pack';
import { writeCuratedSource } from '../helpers/curated-source';
import { tempDir } from '../helpers/temp';

const dir = tempDir();

const WORDS = ['ridge', 'river', 'valley', 'supply', 'convoy', 'harbour', 'winter', 'signal', 'column', 'bridge'];

/** Paragraph `p` of section `s`: its marker first, then words that vary from paragraph to paragraph. */
function paragraph(s: number, p: number): string {
  let seed = s * 7919 + p * 104729 + 1;
  const words = [`marker${s}x${p}`];
  for (let i = 0; i < 120; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    words.push(WORDS[seed % WORDS.length]! + String(seed % 1000));
  }
  return words.join(' ') + '.';
}

describe('text blocks past the reader cache', () => {
  it('read the same passages however often their blocks are evicted and decompressed again', () => {
    // About 3.5 MB of text: more than the blocks the reader keeps.
    const sections = 40;
    const paragraphs = 70;
    const content: Record<string, string> = {};
    for (let s = 0; s < sections; s++) {
      const body = Array.from({ length: paragraphs }, (_, p) => paragraph(s, p)).join('\n\n');
      content[`s${String(s).padStart(2, '0')}.md`] = `# Section ${s}\n\n${body}\n`;
    }
    const folder = writeCuratedSource(join(dir, 'blocks'), { id: 'blocks', title: 'Blocks' }, content);
    const out = join(dir, 'blocks.folio');
    buildPack(folder, out);
    const pack = openPack(out);
    try {
      const first = new Map<string, string>();
      for (const section of pack.sections())
        for (const passage of pack.passagesOfSection(section.id)) first.set(passage.id, passage.text);
      const texts = [...first.values()];
      expect(texts.join('\n').length).toBeGreaterThan(3_000_000);
      // Every paragraph was read, with its own text.
      for (let s = 0; s < sections; s++)
        for (const p of [0, paragraphs >> 1, paragraphs - 1])
          expect(texts.filter((t) => t === paragraph(s, p))).toHaveLength(1);

      // The other way round, then a stride that jumps across the whole pack.
      const ids = [...first.keys()];
      for (const id of [...ids].reverse()) expect(pack.passage(id)?.text).toBe(first.get(id));
      const stride = 997;
      const jumbled = ids.map((_, i) => ids[(i * stride) % ids.length]!);
      expect(new Set(jumbled).size).toBe(ids.length);
      expect(pack.passagesByIds(jumbled).map((p) => p.text)).toEqual(jumbled.map((id) => first.get(id)));
    } finally {
      pack.close();
    }
  });
});
