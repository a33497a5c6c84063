/**
 * A long section is read a span at a time (archive.section with `from` and `count`), so that one reader
 * opening a section of 25,000 passages neither holds up the others nor fills the server's memory; and
 * archive.passage says where in its section a passage is, for the reader to ask for the span around it;
 * a random passage is read from a span too.
 * A real pack of one section of 2,500 paragraphs and one short one.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSAGES_PER_REQUEST } from '../../main/api/contract';
import { dispatch } from '../../main/api/dispatch';
import { randomPassage } from '../../main/api/random-passage';
import { buildPack } from '../../main/archive/writer/build-pack';
import { writeCuratedSource } from '../helpers/curated-source';
import { packCalls } from '../helpers/dispatch-ok';

const ENTRIES = 2_500;

const { ok, ctx, archive } = packCalls('folio-section-spans-', (dir) => {
  const register = Array.from({ length: ENTRIES }, (_, i) => `Entry ${i + 1}: a ship came in on tide ${i + 1}.`);
  const source = writeCuratedSource(
    join(dir, 'source'),
    { id: 'register', title: 'Harbour register' },
    {
      'register.md': `# Register\n\n${register.join('\n\n')}\n\n# Notes\n\nThe register was kept by the harbour master.`,
    },
  );
  const pack = join(dir, 'register.folio');
  buildPack(source, pack);
  return pack;
});

describe('archive.section by span', () => {
  it('gives the passages asked for, in order, and says where they start', () => {
    const whole = ok('archive.section', { sectionId: 'register' });
    expect(whole.from).toBe(0);
    expect(whole.passages).toHaveLength(whole.section.passageCount);
    expect(whole.section.passageCount).toBeGreaterThan(ENTRIES);
    const span = ok('archive.section', { sectionId: 'register', from: 1200, count: 300 });
    expect(span.from).toBe(1200);
    expect(span.section).toEqual(whole.section);
    expect(span.next?.title).toBe('Notes');
    expect(span.passages.map((p) => p.id)).toEqual(whole.passages.slice(1200, 1500).map((p) => p.id));
    expect(span.passages[0]!.text).toBe(whole.passages[1200]!.text);
  });

  it('is shorter at the end of the section, and empty past it', () => {
    const count = ok('archive.section', { sectionId: 'register' }).section.passageCount;
    const tail = ok('archive.section', { sectionId: 'register', from: count - 5, count: 100 });
    expect(tail.passages).toHaveLength(5);
    expect(tail.passages.at(-1)!.text).toContain(`Entry ${ENTRIES}:`);
    const past = ok('archive.section', { sectionId: 'register', from: count + 10, count: 10 });
    expect(past.passages).toEqual([]);
    expect(past.from).toBe(count);
  });

  it(`refuses a span of more than ${PASSAGES_PER_REQUEST} passages, in one line`, () => {
    const result = dispatch(
      'archive.section',
      { sectionId: 'register', from: 0, count: PASSAGES_PER_REQUEST + 1 },
      ctx(),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/^Invalid request for archive\.section: count:/u);
    expect(result.error.message).not.toContain('\n');
    expect(dispatch('archive.section', { sectionId: 'register', from: -1, count: 5 }, ctx()).ok).toBe(false);
  });
});

describe('archive.passage', () => {
  it('says where in its section the passage is', () => {
    const whole = ok('archive.section', { sectionId: 'register' });
    for (const at of [0, 1, 1999, whole.passages.length - 1]) {
      const found = ok('archive.passage', { passageId: whole.passages[at]!.id });
      expect(found.at).toBe(at);
      expect(found.section.id).toBe('register');
    }
    const notes = ok('archive.section', { sectionId: 'notes' });
    expect(ok('archive.passage', { passageId: notes.passages.at(-1)!.id }).at).toBe(notes.passages.length - 1);
  });
});

describe('a random passage in a long section', () => {
  it('is the passage chosen, read from its span rather than with its whole section', () => {
    const whole = ok('archive.section', { sectionId: 'register' });
    const total = archive().pack.passageCount();
    for (const at of [1, 777, 2345, whole.passages.length - 1])
      expect(randomPassage(archive().pack, () => at / total)?.id).toBe(whole.passages[at]!.id);
  });
});
