/**
 * `folio verify` reads a long section a span at a time (a one-section archive of a million passages
 * held them all at once): a real pack of one section longer than a span verifies, every check passing,
 * so no passage is skipped or read twice where two spans meet (the content checksum and the passage
 * index's count would say so).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPack } from '../../main/archive/pack';
import { verifyPack } from '../../main/archive/verify';
import { buildPack } from '../../main/archive/writer/build-pack';
import { writeCuratedSource } from '../helpers/curated-source';
import { tempDir } from '../helpers/temp';

// More than verify's span of 10,000, and not a multiple of it.
const ENTRIES = 10_050;

describe('verify on a section longer than its span', () => {
  it('passes every check', () => {
    const dir = tempDir('folio-verify-long-');
    const entries = Array.from({ length: ENTRIES }, (_, i) => `Entry ${i + 1}: a ship came in on tide ${i + 1}.`);
    const source = writeCuratedSource(
      join(dir, 'source'),
      { id: 'register', title: 'Harbour register' },
      { 'register.md': `# Register\n\n${entries.join('\n\n')}` },
    );
    const path = join(dir, 'register.folio');
    buildPack(source, path);
    const pack = openPack(path);
    try {
      expect(pack.sections().map((s) => s.passageCount)).toEqual([ENTRIES + 1]);
    } finally {
      pack.close();
    }
    const report = verifyPack(path);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
  }, 120_000);
});
