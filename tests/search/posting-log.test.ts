/**
 * The indexer's posting log keeps full chunks in a temporary file (main/search/indexer/posting-log.ts):
 * every posting must come back, in order, however many chunks were spilled, and nothing may be left
 * in the temporary folder.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOG_CHUNK, PostingLog } from '../../main/search/indexer/posting-log';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
let scratch = '';
const saved = process.env['TMPDIR'];
beforeEach(() => {
  scratch = join(dir, `tmp-${Date.now()}`);
  mkdirSync(scratch);
  process.env['TMPDIR'] = scratch;
});
afterEach(() => {
  if (saved === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = saved;
});

/** The posting logged `i`th: values that differ in every column and chunk. */
const posting = (i: number): [number, number, number, number] => [i % 7919, i % 4, i >> 3, (i % 13) + 1];

describe('PostingLog', () => {
  it('gives back every posting in order across spilled chunks, and leaves no file', () => {
    const log = new PostingLog();
    const count = 2 * LOG_CHUNK + 12_345;
    for (let i = 0; i < count; i++) log.push(...posting(i));
    expect(log.length).toBe(count);
    for (const last of [false, true]) {
      let i = 0;
      let wrong = 0;
      log.forEach((termIndex, field, ordinal, termFrequency) => {
        const [t, f, o, tf] = posting(i++);
        if (termIndex !== t || field !== f || ordinal !== o || termFrequency !== tf) wrong++;
      }, last);
      expect(i).toBe(count);
      expect(wrong).toBe(0);
    }
    expect(readdirSync(scratch)).toEqual([]);
    expect(() => log.push(...posting(0))).toThrow(/after the log was read/);
  });

  it('holds exactly one full chunk, and is closed unread after a failed build', () => {
    const full = new PostingLog();
    for (let i = 0; i < LOG_CHUNK; i++) full.push(...posting(i));
    let seen = 0;
    full.forEach(() => seen++, true);
    expect(seen).toBe(LOG_CHUNK);

    const abandoned = new PostingLog();
    for (let i = 0; i < LOG_CHUNK + 1; i++) abandoned.push(...posting(i));
    abandoned.close();
    expect(readdirSync(scratch)).toEqual([]);
  });
});
