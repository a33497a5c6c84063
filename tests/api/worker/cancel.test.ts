/**
 * As-you-type under load: a search overtaken by a newer one from the same client is cancelled while
 * it runs, not only dropped when it ends. The pack is made of real documents heavy enough for a slow
 * query: the READMEs of this project's own dependencies (pinned by package-lock.json).
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../../main/archive/writer/build-pack';
import { CoreHost } from '../../../main/api/worker/host';
import type { ApiMethod, ApiResult } from '../../../main/api/contract';

let dir: string;
let core: CoreHost;

/** An archive source of the largest dependency READMEs, up to about 1.5 MB of Markdown. */
function readmeArchive(folder: string): void {
  const modules = join(process.cwd(), 'node_modules');
  const readmes: { path: string; size: number }[] = [];
  for (const name of readdirSync(modules)) {
    const packages = name.startsWith('@') ? readdirSync(join(modules, name)).map((n) => join(name, n)) : [name];
    for (const p of packages) {
      const path = join(modules, p, 'README.md');
      if (existsSync(path)) readmes.push({ path, size: statSync(path).size });
    }
  }
  readmes.sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1));
  mkdirSync(join(folder, 'content'), { recursive: true });
  let total = 0;
  let n = 0;
  for (const { path, size } of readmes) {
    if (total + size > 1_500_000) continue;
    total += size;
    writeFileSync(join(folder, 'content', `${String(n++).padStart(3, '0')}.md`), readFileSync(path));
  }
  writeFileSync(
    join(folder, 'folio.json'),
    JSON.stringify({
      id: 'dependency-readmes',
      title: 'Dependency READMEs',
      description: 'The documentation of the packages Folio is built with.',
      languages: ['en'],
      source: 'node_modules/*/README.md',
      licence: 'Each package its own.',
      version: '1',
    }),
  );
}

const words = 'function module options string return value object default install version error config'.split(' ');
/** Forty fuzzy words: expanding and scoring them takes a while on any machine. */
const HEAVY = words.flatMap((w) => [`${w}~2`, `${w.slice(1)}~2`, `${w}s~2`]).join(' ');
const LIGHT = 'install';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-cancel-'));
  readmeArchive(join(dir, 'source'));
  buildPack(join(dir, 'source'), join(dir, 'readmes.folio'));
  core = new CoreHost();
}, 180_000);
afterAll(async () => {
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function timed(call: Promise<ApiResult<ApiMethod>>): Promise<{ result: ApiResult<ApiMethod>; at: number }> {
  const result = await call;
  return { result, at: performance.now() };
}

describe('as-you-type searches in the core worker', () => {
  it('cancels a running search when a newer one from the same client arrives; the newer answers promptly', async () => {
    await core.open(join(dir, 'readmes.folio'), join(dir, 'data'));
    // Warm both queries, then time the heavy one run to its end (no seq: nothing can cancel it).
    await core.call('search.query', { query: HEAVY }, 'p');
    expect(await core.call('search.query', { query: LIGHT }, 'p')).toMatchObject({ ok: true });
    const t0 = performance.now();
    const full = await core.call('search.query', { query: HEAVY }, 'p');
    const fullMs = performance.now() - t0;
    expect(full).toMatchObject({ ok: true });
    expect(fullMs).toBeGreaterThan(20);

    // The worker is idle once this answers: the heavy search starts as soon as it is sent.
    await core.call('archive.info', {}, 'p');
    const sent = performance.now();
    const older = timed(core.call('search.query', { query: HEAVY, seq: 1 }, 'p', 'tab'));
    await new Promise((resolve) => setTimeout(resolve, Math.min(10, fullMs / 10)));
    const newer = timed(core.call('search.query', { query: LIGHT, seq: 2 }, 'p', 'tab'));
    const [o, n] = await Promise.all([older, newer]);

    expect(o.result).toEqual({ ok: false, error: { code: 'superseded', message: 'Superseded by a newer search.' } });
    expect(n.result).toMatchObject({ ok: true, value: { seq: 2 } });
    expect((n.result as { value: { total: number } }).value.total).toBeGreaterThan(0);
    // Neither waited for the heavy search to run to its end.
    expect(o.at - sent).toBeLessThan(fullMs);
    expect(n.at - sent).toBeLessThan(fullMs);
  }, 60_000);

  it('never cancels another client’s search, nor one no newer search overtakes', async () => {
    const mine = core.call('search.query', { query: HEAVY, seq: 7 }, 'p', 'tab-a');
    const theirs = core.call('search.query', { query: LIGHT, seq: 8 }, 'p', 'tab-b');
    expect(await mine).toMatchObject({ ok: true, value: { seq: 7 } });
    expect(await theirs).toMatchObject({ ok: true, value: { seq: 8 } });
  }, 60_000);
});
