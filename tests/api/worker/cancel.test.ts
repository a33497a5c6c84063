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

describe('as-you-type searches in the core worker', () => {
  // Whether the older search is overtaken before its first step or during a later one depends on the
  // machine's speed; the searcher's own test (tests/search/searcher.test.ts) shows it stops mid-run.
  it('answers a search overtaken by a newer one from the same client "superseded"; the newer answers', async () => {
    await core.open(join(dir, 'readmes.folio'), join(dir, 'data'));
    expect(await core.call('search.query', { query: HEAVY }, 'p')).toMatchObject({ ok: true });
    // Sent back to back: the newer's ticket is taken as it is sent, while the worker runs the older.
    const older = core.call('search.query', { query: HEAVY, seq: 1 }, 'p', 'tab');
    const newer = core.call('search.query', { query: LIGHT, seq: 2 }, 'p', 'tab');
    const [o, n] = await Promise.all([older, newer]);
    expect(o).toEqual({ ok: false, error: { code: 'superseded', message: 'Superseded by a newer search.' } });
    expect(n).toMatchObject({ ok: true, value: { seq: 2 } });
    expect((n as { value: { total: number } }).value.total).toBeGreaterThan(0);
  }, 60_000);

  it('never cancels another client’s search, nor one no newer search overtakes', async () => {
    const mine = core.call('search.query', { query: HEAVY, seq: 7 }, 'p', 'tab-a');
    const theirs = core.call('search.query', { query: LIGHT, seq: 8 }, 'p', 'tab-b');
    expect(await mine).toMatchObject({ ok: true, value: { seq: 7 } });
    expect(await theirs).toMatchObject({ ok: true, value: { seq: 8 } });
  }, 60_000);
});
