/**
 * Input size has no hidden limits in the builder: a file of hundreds of thousands of passages is read
 * and assembled (a `push(...spread)` used to overflow the call stack past about 120,000), and a variant
 * table of 100,000 groups is built and applied in linear time (it used to be quadratic when forms
 * shared their first word: 20,000 groups took over 30 s).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../main/archive/source/read-source';
import { assemble } from '../../main/archive/writer/assemble';
import { createAnalyzer } from '../../main/search/analyzer/index';
import { writeCuratedSource } from '../helpers/curated-source';
import { tempDir } from '../helpers/temp';

const dir = tempDir();

describe('large sources', () => {
  it('reads and assembles a file of 250,000 passages', () => {
    const count = 250_000;
    const folder = writeCuratedSource(
      join(dir, 'many'),
      { id: 'many', title: 'Many' },
      { 'all.txt': Array.from({ length: count }, (_, i) => `Passage ${i} of many.`).join('\n\n') },
    );
    const source = readSource(folder);
    expect(source.blocks).toHaveLength(count);
    const archive = assemble(source);
    expect(archive.passages).toHaveLength(count);
    expect(archive.passages.at(-1)).toMatchObject({ ordinal: count - 1, text: `Passage ${count - 1} of many.` });
  });

  it('names 20,000 sections of one title in linear time', () => {
    const folder = writeCuratedSource(
      join(dir, 'sections'),
      { id: 'sections', title: 'Sections' },
      { 'all.md': Array.from({ length: 20_000 }, (_, i) => `# Notes\n\nParagraph ${i}.`).join('\n\n') },
    );
    const started = performance.now();
    const archive = assemble(readSource(folder));
    expect(archive.sections.map((s) => s.id).slice(0, 3)).toEqual(['notes', 'notes-2', 'notes-3']);
    expect(archive.sections.at(-1)?.id).toBe('notes-20000');
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe('a variant table of 100,000 groups', () => {
  it('is built and applied in linear time, even when every form starts with the same word', () => {
    const groups = Array.from({ length: 100_000 }, (_, i) => [`General Kim ${i}`, `Gen Kim ${i}`]);
    const started = performance.now();
    const analyzer = createAnalyzer({ variants: groups, languages: ['en'] });
    const text = Array.from({ length: 5_000 }, (_, i) => `Gen Kim ${i * 13} met General Kim ${i}.`).join(' ');
    const terms = analyzer.analyze(text, 'text').map((t) => t.term);
    // Quadratic, this was minutes; linear, a few seconds on a slow machine.
    expect(performance.now() - started).toBeLessThan(30_000);
    // Every "Gen Kim N" became the canonical "General Kim N".
    const [gen, general] = ['Gen', 'General'].map((w) => analyzer.analyze(w, 'text')[0]!.term);
    expect(terms.filter((t) => t === gen)).toHaveLength(0);
    expect(terms.filter((t) => t === general)).toHaveLength(10_000);
    expect(analyzer.variantPrefix('gen', 3)).toHaveLength(0);
  });
});
