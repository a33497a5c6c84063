/**
 * Opening an archive reads nothing in proportion to its size: archive.info counts the sections and
 * names the first, and the contents come with archive.sections, when a view shows them. Shown on a
 * real pack of 3,000 sections whose last row is damaged: the archive opens, reads and searches, and
 * the damage is reported, in one line, by whatever reads that row.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ApiResponses } from '../../main/api/contract';
import { dispatch } from '../../main/api/dispatch';
import { buildPack } from '../../main/archive/writer/build-pack';
import { writeCuratedSource } from '../helpers/curated-source';
import { packCalls } from '../helpers/dispatch-ok';

const SECTIONS = 3_000;

const { ok, ctx } = packCalls('folio-contents-', (dir) => {
  const source = writeCuratedSource(
    join(dir, 'source'),
    { id: 'many-sections', title: 'Many sections' },
    {
      'all.md': Array.from(
        { length: SECTIONS },
        (_, i) => `# Logbook ${i + 1}\n\nThe lamp was lit at dusk on day ${i + 1}.`,
      ).join('\n\n'),
    },
  );
  const pack = join(dir, 'many.folio');
  buildPack(source, pack);
  const db = new Database(pack);
  db.prepare("UPDATE sections SET title = 'Logbook forged' WHERE ordinal = ?").run(SECTIONS - 1);
  db.close();
  return pack;
});

function failure(method: keyof ApiResponses, request: object): string {
  const result = dispatch(method, request, ctx());
  if (result.ok) throw new Error(`${method} answered although the row it reads is damaged`);
  return result.error.message;
}

describe('an archive of 3,000 sections, its last one damaged', () => {
  it('opens, counts its sections and starts reading without reading the contents', () => {
    const info = ok('archive.info', {});
    expect(info.sectionCount).toBe(SECTIONS);
    const first = ok('archive.section', { sectionId: info.firstSectionId! });
    expect(first.section.title).toBe('Logbook 1');
    expect(first.previous).toBeNull();
    expect(first.next?.title).toBe('Logbook 2');
    expect(ok('search.query', { query: 'lamp dusk' }).total).toBe(SECTIONS);
  });

  it('reports the damage, in one line, to whatever reads the damaged row', () => {
    const contents = failure('archive.sections', {});
    expect(contents).toMatch(/many\.folio: the pack is damaged \(section 2999 fails its checksum\)/u);
    expect(contents).not.toContain('\n');
    // About's list of the curator's titles reads the whole table too: the same line, never a shorter list.
    expect(failure('archive.curatedSections', { from: 0, count: 200 })).toBe(contents);
    expect(ok('archive.section', { sectionId: 'logbook-2998' }).next?.title).toBe('Logbook 2999');
    // The last section, and the one before it (whose "next" it is), are never shown as if they were fine.
    for (const sectionId of ['logbook-2999', 'logbook-3000'])
      expect(failure('archive.section', { sectionId })).toMatch(/many\.folio: the pack is damaged \(section 2999 /u);
  });
});

describe('the contents a page at a time, or by the ids a page links to', () => {
  it('reads a span of sections in reading order, shorter at the end, empty past it', () => {
    const page = ok('archive.sections', { from: 200, count: 200 });
    expect(page.map((s) => s.title)).toEqual(Array.from({ length: 200 }, (_, i) => `Logbook ${201 + i}`));
    expect(page.map((s) => s.ordinal)).toEqual(Array.from({ length: 200 }, (_, i) => 200 + i));
    expect(ok('archive.sections', { from: 2_990, count: 9 })).toHaveLength(9);
    expect(ok('archive.sections', { from: SECTIONS, count: 10 })).toEqual([]);
  });

  it('reports the damaged row only to the span that holds it', () => {
    const message = failure('archive.sections', { from: 2_900, count: 200 });
    expect(message).toMatch(/many\.folio: the pack is damaged \(section 2999 fails its checksum\)/u);
    expect(message).not.toContain('\n');
  });

  it('reads the sections of some ids in reading order, skipping unknown ones', () => {
    const sections = ok('archive.sections', { ids: ['logbook-40', 'no-such-section', 'logbook-7', 'logbook-40'] });
    expect(sections.map((s) => s.title)).toEqual(['Logbook 7', 'Logbook 40']);
  });

  it('refuses a page too long, a count of nought, and ids mixed with a span, in one line each', () => {
    for (const request of [
      { from: 0, count: 1_001 },
      { from: 0, count: 0 },
      { from: -1, count: 5 },
      { ids: ['logbook-1'], from: 0 },
    ]) {
      const result = dispatch('archive.sections', request, ctx());
      expect(result.ok, JSON.stringify(request)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('bad-request');
        expect(result.error.message).not.toContain('\n');
      }
    }
  });
});
