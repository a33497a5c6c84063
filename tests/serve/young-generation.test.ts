/**
 * `folio serve`'s HTTP thread keeps its young generation once it is up (main/serve/young-generation.ts):
 * with V8's own sizing it grows whenever enough has survived, up to 32 MB of semi-spaces.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../main/archive/writer/build-pack';

let dir: string;
let pack: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-young-'));
  pack = join(dir, 'fixture.folio');
  buildPack(join(process.cwd(), 'tests', 'e2e', 'fixture'), pack);
  // A stand-in for the built reader: the server is not asked for it.
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Folio</title>');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (mode: 'bare' | 'served'): { before: number; after: number } =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'young-generation-child.ts'),
        mode,
        pack,
        join(dir, mode),
        join(dir, 'renderer'),
      ],
      { encoding: 'utf8' },
    ),
  ) as { before: number; after: number };

describe("the HTTP thread's young generation", () => {
  it('grows under surviving allocation in a plain process, and not once the server is up', () => {
    const bare = run('bare');
    expect(bare.after).toBeGreaterThan(bare.before);
    const served = run('served');
    expect(served.after).toBe(served.before);
  }, 60_000);
});
