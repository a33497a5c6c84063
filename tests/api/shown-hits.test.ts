/**
 * What a search sends a reader (main/api/shown-hit.ts): each hit's snippet, not its passage's whole
 * text, through the one handler table that IPC and HTTP share. A page of a saved site can be one
 * passage of 100 KB (the Linux docs have one of 101 KB), which a phone on a hotspot would fetch on every
 * keystroke to show a line of it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchiveContext, type ArchiveContext } from '../../main/api/archive-context';
import type { ApiResponses } from '../../main/api/contract';
import { dispatch } from '../../main/api/dispatch';
import { buildPack } from '../../main/archive/writer/build-pack';
import { writeCuratedSource } from '../helpers/curated-source';
import { tempDir } from '../helpers/temp';

const dir = tempDir('folio-shown-hits-');
/** One paragraph of about 100 KB, the searched word once, near its end. */
const LONG = `${Array.from({ length: 2000 }, (_, i) => `Line ${i} of the register lists a cargo and its quay.`).join(' ')} The lighthouse keeper signed it.`;
const SHORT = 'The lighthouse stood on the northern breakwater.';
let archive: ArchiveContext;

beforeAll(() => {
  const source = writeCuratedSource(
    join(dir, 'source'),
    { id: 'shown-hits', title: 'A register' },
    { '010-register.md': `# The register\n\n${LONG}\n\n${SHORT}\n` },
  );
  const pack = join(dir, 'register.folio');
  buildPack(source, pack);
  archive = openArchiveContext({ archivePath: pack, dataDir: join(dir, 'data') });
});
afterAll(() => archive.close());

describe('a search answer over IPC and HTTP', () => {
  it('sends each hit its snippet and its text’s length, never the whole text', () => {
    const result = dispatch('search.query', { query: 'lighthouse' }, archive.context('p1'));
    if (!result.ok) throw new Error(result.error.message);
    const answer = result.value as ApiResponses['search.query'];
    expect(answer.results).toHaveLength(2);
    const long = answer.results.find((h) => h.textLength === LONG.length);
    const short = answer.results.find((h) => h.textLength === SHORT.length);
    expect(long).toBeDefined();
    expect(short?.snippet).toBe(SHORT);
    for (const hit of answer.results) expect(hit).not.toHaveProperty('text');
    // The long passage's snippet is its window around the word, which its highlight falls in.
    const [from, to] = long!.highlights[0]!;
    expect(long!.snippetStart).toBeLessThanOrEqual(from);
    expect(long!.snippetStart + long!.snippet.length).toBeGreaterThanOrEqual(to);
    expect(long!.snippet.slice(from - long!.snippetStart, to - long!.snippetStart)).toBe('lighthouse');
    expect(LONG.slice(long!.snippetStart, long!.snippetStart + long!.snippet.length)).toBe(long!.snippet);
    // What goes over the wire: a few hundred bytes a hit, against the 100 KB passage.
    expect(LONG.length).toBeGreaterThan(100_000);
    expect(JSON.stringify(answer).length).toBeLessThan(2_000);
  });
});
