/**
 * A damaged pack is never answered: seeded damaged copies of the embedded pack (byte flips,
 * truncations, zeroed and swapped pages, runs of garbage) go through `info`, `search` and `verify`,
 * in process through the functions the CLI calls. Every answer must be the undamaged pack's answer or
 * a PackError of one line; verify may only pass a copy whose answers all came back right.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSearchablePack } from '../../main/archive/searchable-pack';
import { verifyPack } from '../../main/archive/verify';
import { buildPack } from '../../main/archive/writer/build-pack';
import { readPackInfo } from '../../main/cli/pack-info';
import { searchJson } from '../../main/cli/search-json';
import { PackError } from '../../main/model/errors';
import type { SearchRequest } from '../../main/model/search-result';
import { tempDir } from '../helpers/temp';
import { mulberry32 } from '../../bench/synthetic-corpus';

const root = join(__dirname, '..', '..');
const dir = tempDir();
const good = join(dir, 'good.folio');
buildPack(join(root, 'archive', 'korean-war'), good);
const goodBytes = readFileSync(good);
const PAGE = goodBytes.readUInt16BE(16);

/** Words, a required and a left-out word, a phrase, a prefix as typed, a typo, a kind filter, kind listings. */
const REQUESTS: SearchRequest[] = [
  { query: 'Pusan' },
  { query: 'Soviet -MiG' },
  { query: '"Heartbreak Ridge"' },
  { query: 'Inchon landing' },
  { query: 'armistce' },
  { query: 'Kim Il' },
  { query: 'Pus' },
  { query: 'war', kinds: ['caption'] },
  { query: 'photos' },
  { query: 'kind:media' },
  { query: '제주' },
  { query: 'war -Korea' },
];

type Outcome = { answer: string } | { error: string };

/** The answer as the CLI would print it (--json, without the time taken), or the error it would report. */
function outcome(run: () => unknown): Outcome {
  try {
    return { answer: JSON.stringify(run()) };
  } catch (error) {
    return { error: expectOneLinePackError(error) };
  }
}

function expectOneLinePackError(error: unknown): string {
  // Anything but a PackError would be "unexpected error" from the CLI: a bug, not a report.
  if (!(error instanceof PackError)) throw error;
  expect(error.message).not.toMatch(/[\r\n]/u);
  return error.message;
}

function info(path: string): Outcome {
  return outcome(() => ({ ...readPackInfo(path), path: '', bytes: 0 }));
}

function searches(path: string): Outcome[] {
  let archive: ReturnType<typeof openSearchablePack>;
  try {
    archive = openSearchablePack(path);
  } catch (error) {
    const message = expectOneLinePackError(error);
    return REQUESTS.map(() => ({ error: message }));
  }
  try {
    return REQUESTS.map((request) => outcome(() => ({ ...searchJson(archive.search(request)), tookMs: 0 })));
  } finally {
    archive.close();
  }
}

function verify(path: string): { ok: boolean } | { error: string } {
  try {
    const report = verifyPack(path);
    for (const check of report.checks) expect(check.detail).not.toMatch(/[\r\n]/u);
    return { ok: report.ok };
  } catch (error) {
    return { error: expectOneLinePackError(error) };
  }
}

const DAMAGES = ['flip', 'flips', 'truncate', 'zero page', 'swap pages', 'garbage run'] as const;

/** Damage number `n`: what was done, and the damaged bytes. */
function damaged(n: number): { what: string; bytes: Buffer } {
  // Seeded, so every run damages the same bytes.
  const next = mulberry32(n * 7919 + 1);
  const int = (below: number): number => Math.floor(next() * below);
  const bytes = Buffer.from(goodBytes);
  const pages = Math.floor(bytes.length / PAGE);
  const kind = DAMAGES[n % DAMAGES.length]!;
  switch (kind) {
    case 'flip': {
      const at = int(bytes.length);
      bytes[at] = bytes[at]! ^ (1 << int(8));
      return { what: `bit flip at ${at}`, bytes };
    }
    case 'flips': {
      const at = Array.from({ length: 2 + int(14) }, () => int(bytes.length));
      for (const i of at) bytes[i] = int(256);
      return { what: `${at.length} bytes changed`, bytes };
    }
    case 'truncate': {
      const length = int(bytes.length);
      return { what: `truncated to ${length}`, bytes: bytes.subarray(0, length) };
    }
    case 'zero page': {
      const page = 1 + int(pages - 1);
      bytes.fill(0, page * PAGE, (page + 1) * PAGE);
      return { what: `page ${page + 1} zeroed`, bytes };
    }
    case 'swap pages': {
      const a = 1 + int(pages - 1);
      const b = 1 + int(pages - 1);
      const pageA = Buffer.from(bytes.subarray(a * PAGE, (a + 1) * PAGE));
      bytes.copy(bytes, a * PAGE, b * PAGE, (b + 1) * PAGE);
      pageA.copy(bytes, b * PAGE);
      return { what: `pages ${a + 1} and ${b + 1} swapped`, bytes };
    }
    case 'garbage run': {
      const at = int(bytes.length);
      const length = 1 + int(256);
      for (let i = at; i < Math.min(bytes.length, at + length); i++) bytes[i] = int(256);
      return { what: `${length} random bytes at ${at}`, bytes };
    }
  }
}

const COPIES = 300;

describe('a damaged pack is never answered', () => {
  const goodInfo = info(good);
  const goodSearches = searches(good);

  it('the undamaged pack answers everything, and verifies', () => {
    expect(goodInfo).toHaveProperty('answer');
    for (const s of goodSearches) expect(s).toHaveProperty('answer');
    expect(verify(good)).toEqual({ ok: true });
    // The queries find something, so that a damaged copy answering "nothing" would be caught.
    for (const s of goodSearches) expect(JSON.parse((s as { answer: string }).answer)).not.toMatchObject({ total: 0 });
  });

  it(`${COPIES} seeded damaged copies: each answer is the right one or a one-line error`, () => {
    const tally = { right: 0, refused: 0, verifyFailed: 0, untouched: 0 };
    const wrong: string[] = [];
    for (let n = 0; n < COPIES; n++) {
      const { what, bytes } = damaged(n);
      const path = join(dir, `damaged-${n}.folio`);
      writeFileSync(path, bytes);
      const outcomes: [string, Outcome, Outcome][] = [['info', info(path), goodInfo]];
      searches(path).forEach((s, i) => outcomes.push([`search ${JSON.stringify(REQUESTS[i])}`, s, goodSearches[i]!]));
      const verified = verify(path);
      let allRight = true;
      for (const [name, got, expected] of outcomes) {
        if ('error' in got) tally.refused++;
        else if (got.answer === (expected as { answer: string }).answer) tally.right++;
        else {
          allRight = false;
          wrong.push(`copy ${n} (${what}): ${name} answered wrongly: ${got.answer.slice(0, 200)}`);
        }
        if ('error' in got) allRight = false;
      }
      if ('ok' in verified && verified.ok && !allRight)
        wrong.push(`copy ${n} (${what}): verify passed a pack that is not answered right`);
      if (!('ok' in verified && verified.ok)) tally.verifyFailed++;
      if (bytes.equals(goodBytes)) tally.untouched++;
    }
    expect(wrong).toEqual([]);
    // The damage did something: most copies fail verification, and many answers were refused.
    expect(tally.verifyFailed).toBeGreaterThan(COPIES / 2);
    expect(tally.refused).toBeGreaterThan(COPIES);
  });

  it('through the real command: exit 2 and one line on stderr, or the right answer', () => {
    const bin = join(root, 'bin', 'folio.mjs');
    const folio = (...args: string[]) =>
      spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir, timeout: 120_000 });
    const expectedInfo = JSON.parse(folio('info', '--json', good).stdout) as Record<string, unknown>;
    const expectedSearch = JSON.parse(folio('search', '--json', '--archive', good, 'Pusan').stdout) as Record<
      string,
      unknown
    >;
    let refused = 0;
    // Copies whose damage the in-process run saw refused, and one of each kind of damage.
    for (const n of [0, 1, 2, 3, 4, 5, 9, 15]) {
      const path = join(dir, `damaged-${n}.folio`);
      const runs = [
        folio('info', '--json', path),
        folio('search', '--json', '--archive', path, 'Pusan'),
        folio('verify', path),
      ];
      for (const [i, run] of runs.entries()) {
        if (run.status === 0) {
          if (i === 0)
            expect({ ...JSON.parse(run.stdout), path: '', bytes: 0 }).toEqual({ ...expectedInfo, path: '', bytes: 0 });
          if (i === 1) expect({ ...JSON.parse(run.stdout), tookMs: 0 }).toEqual({ ...expectedSearch, tookMs: 0 });
          continue;
        }
        refused++;
        expect(run.status).toBe(2);
        const lines = run.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^folio: /u);
        expect(lines[0]).not.toMatch(/unexpected error/u);
      }
    }
    expect(refused).toBeGreaterThan(0);
  });
});
