/**
 * A large build compresses its text blocks in a worker thread (main/archive/writer/block-compressor.ts)
 * while the builder goes on: the blocks must come out as the builder's own thread makes them, byte
 * for byte and in order, whatever the worker's timing, or a rebuilt pack would differ from the last.
 * Here the same passages are packed both ways, enough of them that the builder runs ahead of the
 * worker and waits for it (more blocks than it lets out at once).
 */
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/synthetic-corpus';
import type { Passage } from '../../main/model/archive';
import { passageId } from '../../main/archive/passage-id';
import { TextBlockPacker, type TextBlock } from '../../main/archive/writer/text-blocks';

/** Passages of seeded words, some long, some in Korean, a few the same text again. */
function passages(count: number): Passage[] {
  const random = mulberry32(20);
  const words = ['kernel', 'borrow', 'checker', 'device', 'tree', '커널', '장치', 'interrupt', 'ü', '"quoted"'];
  const seen = new Map<string, number>();
  return Array.from({ length: count }, (_, ordinal) => {
    const length = 20 + Math.floor(random() ** 3 * 2000);
    const text =
      ordinal % 97 === 0
        ? 'The same paragraph again.'
        : Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ');
    const occurrence = (seen.get(text) ?? 0) + 1;
    seen.set(text, occurrence);
    return {
      id: passageId('text', text, occurrence),
      ordinal,
      sectionId: `s${Math.floor(ordinal / 50)}`,
      kind: 'text',
      text,
      title: null,
      level: null,
      media: null,
      repeatOf: null,
      provenance: { file: `page-${Math.floor(ordinal / 50)}.html`, lines: [ordinal + 1, ordinal + 1] },
    };
  });
}

function pack(all: readonly Passage[], threaded: boolean): TextBlock[] {
  const blocks: TextBlock[] = [];
  const packer = new TextBlockPacker((block) => blocks.push(block), { threaded });
  try {
    for (const p of all) packer.add(p);
    packer.finish();
  } finally {
    packer.close();
  }
  return blocks;
}

describe('text blocks compressed in a worker thread', () => {
  it('are the blocks the builder makes itself, byte for byte and in order', () => {
    const all = passages(6000);
    const here = pack(all, false);
    const threaded = pack(all, true);
    expect(here.length).toBeGreaterThan(64);
    expect(threaded.map((b) => [b.id, b.firstPassage, b.passageCount])).toEqual(
      here.map((b) => [b.id, b.firstPassage, b.passageCount]),
    );
    threaded.forEach((block, i) => expect(block.data.equals(here[i]!.data), `block ${i}`).toBe(true));
    // And they hold the passages: the last block, the last passage's text.
    const last = brotliDecompressSync(threaded.at(-1)!.data).toString('utf8');
    expect(last).toContain(JSON.stringify(all.at(-1)!.text));
    expect(threaded.reduce((n, b) => n + b.passageCount, 0)).toBe(all.length);
  });
});
