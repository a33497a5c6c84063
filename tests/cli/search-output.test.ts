/**
 * What `folio search` tells a reader beyond the hits, on the embedded archive: the archive's own spelling
 * for a misspelt query, and "about" when the total is an estimate (and only then), in text and in JSON.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(__dirname, '..', '..', 'bin', 'folio.mjs');

function search(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, 'search', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('folio search, beyond the hits', () => {
  it('offers the archive’s spelling for a misspelt word, on one line', () => {
    const run = search('armistise');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toContain('did you mean "armistice"?');
  });

  it('says nothing of spelling when every word is the archive’s own', () => {
    const run = search('armistice');
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/did you mean/);
  });

  it('says "about" for an estimated total, in text and JSON, and not for an exact one', () => {
    // No passage holds 제주민중 in order, so the bigram matches stand and their count is an estimate.
    expect(search('제주민중').stdout.split('\n')[0]).toMatch(/^about \d+ results? for "제주민중"/);
    expect(JSON.parse(search('--json', '제주민중').stdout)).toMatchObject({ totalIsEstimate: true });
    expect(search('민중항쟁').stdout.split('\n')[0]).toMatch(/^\d+ results? for "민중항쟁"/);
    expect(JSON.parse(search('--json', '민중항쟁').stdout)).not.toHaveProperty('totalIsEstimate');
  });
});
