import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { META } from '../../main/archive/pack-schema';
import { metaChecksum } from '../../main/archive/row-checks';
import { SEARCH_FORMAT } from '../../main/search/format/schema';
import { tempDir } from '../helpers/temp';

const root = join(__dirname, '..', '..');
// The command `npx folio` runs: package.json's bin.
const bin = join(
  root,
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: { folio: string } }).bin.folio,
);
const dir = tempDir();

function folio(...args: string[]) {
  return folioWith({}, ...args);
}

/** `folio` run with `env` added to the environment. */
function folioWith(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    cwd: dir,
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const pack = join(dir, 'kw.folio');

/** A copy of the pack, named `name`, with `sql` run on it. */
async function editedCopy(name: string, sql: string): Promise<string> {
  const { default: Database } = await import('better-sqlite3');
  const file = join(dir, name);
  copyFileSync(pack, file);
  const db = new Database(file);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
  return file;
}

describe('folio build, info, verify', () => {
  it('builds the embedded archive source into a pack', () => {
    const run = folio('build', join(root, 'archive', 'korean-war'), '-o', pack);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^built .*kw\.folio: \d+ passages in \d+ sections/u);
  });

  it('info describes the pack', () => {
    const run = folio('info', pack, '--json');
    expect(run.status).toBe(0);
    const info = JSON.parse(run.stdout) as { manifest: { id: string }; kinds: Record<string, number> };
    expect(info.manifest.id).toBe('korean-war-1945-1960');
    expect(info.kinds.caption).toBeGreaterThan(10);
  });

  it('verify passes a good pack', () => {
    const run = folio('verify', pack);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('FAIL');
  });

  it('reports a bad source folder in one line with exit 2', () => {
    const run = folio('build', join(dir, 'no-such-folder'), '-o', join(dir, 'x.folio'));
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^folio: .*not a folder/u);
  });
});

describe('folio search', () => {
  it('prints exactly one JSON object with the documented fields', () => {
    const run = folio('search', '--archive', pack, '--json', 'Pusan');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!) as {
      query: string;
      total: number;
      tookMs: number;
      results: {
        passageId: string;
        kind: string;
        section: string;
        title: string;
        text: string;
        snippet: string;
        highlights: [number, number][];
        score: number;
      }[];
    };
    expect(out.query).toBe('Pusan');
    expect(out.total).toBeGreaterThan(0);
    expect(typeof out.tookMs).toBe('number');
    const first = out.results[0]!;
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining(['passageId', 'kind', 'section', 'title', 'text', 'snippet', 'highlights', 'score']),
    );
    expect(first.text).toContain('Pusan');
    for (const [start, end] of first.highlights) expect(first.text.slice(start, end).toLowerCase()).toContain('pusan');
  });

  it('searches the embedded archive when no --archive is given', () => {
    const run = folio('search', '--json', '--limit', '3', 'Inchon landing');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { results: { text: string }[] };
    expect(out.results.length).toBeGreaterThan(0);
    expect(out.results.length).toBeLessThanOrEqual(3);
  });

  it('--kind keeps only the kinds named', () => {
    const both = folio('search', '--archive', pack, '--json', '--kind', 'media,caption', 'Korean War');
    const kinds = new Set((JSON.parse(both.stdout) as { results: { kind: string }[] }).results.map((r) => r.kind));
    expect(kinds).toEqual(new Set(['media', 'caption']));
    const bad = folio('search', '--archive', pack, '--kind', 'films', 'war');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--kind/u);
  });

  it('--kind media keeps only media', () => {
    const run = folio('search', '--archive', pack, '--json', '--kind', 'media', 'war');
    const out = JSON.parse(run.stdout) as { results: { kind: string }[] };
    expect(out.results.length).toBeGreaterThan(0);
    expect(new Set(out.results.map((r) => r.kind))).toEqual(new Set(['media']));
  });

  const hostile: [string, string][] = [
    ['title:', 'title:'],
    ['~', '~'],
    ['+', '+'],
    ['*', '*'],
    ['"', '"'],
    [':', ':'],
    ['empty', ''],
    ['10,000 characters', 'x'.repeat(10_000)],
    ['emoji and Hangul', '🇰🇷 전쟁'],
    ['-', '-'],
    ['+-~*:^', '+-~*:^'],
    ['10,000 words', 'Pusan '.repeat(1_700)],
  ];
  it.each(hostile)('exits 0 with valid JSON for the hostile query: %s', (_label, query) => {
    const run = folio('search', '--archive', pack, '--json', '--', query);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
  });

  it('takes everything after the options as the query, "-" words included', () => {
    const query = (run: ReturnType<typeof folio>) => {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      return JSON.parse(run.stdout) as {
        query: string;
        tookMs: number;
        results: { passageId: string; text: string }[];
      };
    };
    const quoted = query(folio('search', '--archive', pack, '--json', 'Soviet -MiG'));
    const words = query(folio('search', '--archive', pack, '--json', 'Soviet', '-MiG'));
    expect(quoted.query).toBe('Soviet -MiG');
    expect(words).toEqual({ ...quoted, tookMs: words.tookMs });
    expect(quoted.results.length).toBeGreaterThan(0);
    expect(quoted.results.some((r) => /\bMiG/u.test(r.text))).toBe(false);
    // A query that starts with "-" follows `--`.
    expect(query(folio('search', '--archive', pack, '--json', '--', '-MiG', 'Soviet')).query).toBe('-MiG Soviet');
    // After the first word, option-like words are words.
    expect(query(folio('search', '--archive', pack, '--json', 'Pusan', '-n', '3', '--json')).query).toBe(
      'Pusan -n 3 --json',
    );
  });

  it('an unknown option is one line that suggests --', () => {
    for (const args of [
      ['search', '-MiG', 'Soviet'],
      ['search', '--archive', pack, '-army'],
      ['search', '-korea'],
    ]) {
      const run = folio(...args);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^folio: unknown option '-(MiG|army|korea)' \(.*folio search -- -MiG Soviet\)$/u);
    }
    const info = folio('info', '--what');
    expect(info.status).toBe(2);
    expect(info.stderr).toBe(`folio: unknown option '--what' (run "folio --help" for usage)\n`);
  });

  it('prints readable results with highlights when piped', () => {
    const run = folio('search', '--archive', pack, 'Inchon');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\[Inch'on\]|\[Inchon\]/u);
  });

  it('stops quietly when the reader closes the pipe early (folio search … | head -1)', async () => {
    const child = spawn(process.execPath, [bin, 'search', '--archive', pack, '-n', '1000', 'the'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe("folio search from V8's code cache", () => {
  const cache = join(root, 'out', 'cli', 'search.cjs.v8cache');
  const answer = (stdout: string) => {
    const out = JSON.parse(stdout) as { tookMs?: number };
    delete out.tookMs;
    return out;
  };

  it('keeps the compiled bundle after a search, and a damaged cache changes nothing but is replaced', () => {
    const first = folio('search', '--json', 'Pusan');
    expect(first.status).toBe(0);
    const stamp = readFileSync(cache).toString('latin1').split('\n')[0]!;
    expect(stamp).toMatch(/^\d+:[\d.]+$/u);
    const garbage = Buffer.from(`${stamp}\n${'damaged '.repeat(4000)}`, 'latin1');
    writeFileSync(cache, garbage);
    const second = folio('search', '--json', 'Pusan');
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(answer(second.stdout)).toEqual(answer(first.stdout));
    const replaced = readFileSync(cache);
    expect(replaced.equals(garbage)).toBe(false);
    // The whole search, not the top level that V8 compiled while it refused the damaged cache (a
    // fifth of it, and every search after compiled the rest again), and accepted as it is.
    rmSync(cache, { force: true });
    expect(folio('search', '--json', 'Pusan').status).toBe(0);
    expect(replaced.length).toBeGreaterThan(readFileSync(cache).length * 0.9);
    writeFileSync(cache, replaced);
    expect(folio('search', '--json', 'Pusan').status).toBe(0);
    expect(readFileSync(cache).equals(replaced)).toBe(true);
  });

  it('caches the whole search even when the run that writes the cache only failed', () => {
    rmSync(cache, { force: true });
    expect(folio('search', '--json', 'Pusan').status).toBe(0);
    const afterSearch = readFileSync(cache).length;
    rmSync(cache, { force: true });
    const failed = folio('search', '--json', '--archive', join(dir, 'missing.folio'), 'Pusan');
    expect(failed.status).toBe(2);
    const written = readFileSync(cache);
    // Only the failing run's functions were about half of it, and every search compiled the rest again.
    expect(written.length).toBeGreaterThan(afterSearch * 0.9);
    const search = folio('search', '--json', 'Pusan');
    expect(search.stderr).toBe('');
    expect(search.status).toBe(0);
    // Accepted as it is: not written again.
    expect(readFileSync(cache).equals(written)).toBe(true);
  });

  it('keeps a cache of its own for a run with other V8 flags, and the plain one stays accepted', () => {
    const flaggedCache = join(root, 'out', 'cli', 'search.cjs.flagged.v8cache');
    rmSync(flaggedCache, { force: true });
    expect(folio('search', '--json', 'Pusan').status).toBe(0);
    const plain = readFileSync(cache);
    // V8 refuses a cache made under other heap limits: this run used to replace the plain cache,
    // and the next plain run refused the replacement and compiled every function again.
    const flags = { NODE_OPTIONS: '--max-old-space-size=3000' };
    const flagged = folioWith(flags, 'search', '--json', 'Pusan');
    expect(flagged.stderr).toBe('');
    expect(flagged.status).toBe(0);
    expect(readFileSync(cache).equals(plain)).toBe(true);
    const own = readFileSync(flaggedCache);
    expect(own.length).toBeGreaterThan(plain.length * 0.9);
    expect(folioWith(flags, 'search', '--json', 'Pusan').status).toBe(0);
    expect(readFileSync(flaggedCache).equals(own)).toBe(true);
    const again = folio('search', '--json', 'Pusan');
    expect(answer(again.stdout)).toEqual(answer(flagged.stdout));
    expect(readFileSync(cache).equals(plain)).toBe(true);
  });

  it("loads none of Node's modules that a one-shot search does not use", () => {
    // Each cost a cold `folio search` 1–3 ms: networking (process.stdout on a pipe), perf_hooks (the
    // global `performance`), child processes, threads.
    const probe = join(dir, 'builtins-probe.cjs');
    writeFileSync(
      probe,
      "process.on('exit', () => require('node:fs').writeSync(2, JSON.stringify(process.moduleLoadList)));",
    );
    // A search first: one that rebundles loads esbuild's modules, and one that writes the cache, v8.
    const probed = { NODE_OPTIONS: `--require ${JSON.stringify(probe)}` };
    expect(folioWith(probed, 'search', '--json', 'Pusan').status).toBe(0);
    const run = folioWith(probed, 'search', '--json', 'Pusan');
    expect(run.status).toBe(0);
    const loaded = (JSON.parse(run.stderr) as string[])
      .filter((m) => m.startsWith('NativeModule ') && !m.includes('internal/'))
      .map((m) => m.slice('NativeModule '.length));
    expect(loaded).toContain('zlib');
    for (const unused of ['net', 'tty', 'perf_hooks', 'child_process', 'worker_threads', 'http', 'v8'])
      expect(loaded).not.toContain(unused);
  });
});

describe('folio search after an edit', () => {
  it('rebundles when a file the search bundle was made from is newer, and answers the same', () => {
    const bundle = join(root, 'out', 'cli', 'search.cjs');
    const before = folio('search', '--json', 'Pusan');
    expect(before.status).toBe(0);
    const built = statSync(bundle).mtimeMs;
    // One of the listed sources, edited a minute from now (its content is unchanged).
    const sources = JSON.parse(readFileSync(join(root, 'out', 'cli', 'sources.json'), 'utf8')) as { search: string[] };
    const source = join(
      root,
      sources.search.find((f) => f.startsWith('main/search/'))!,
    );
    const { atime, mtime } = statSync(source);
    utimesSync(source, atime, new Date(Date.now() + 60_000));
    try {
      const after = folio('search', '--json', 'Pusan');
      expect(after.stderr).toBe('');
      expect(after.status).toBe(0);
      expect(statSync(bundle).mtimeMs).toBeGreaterThan(built);
      const { tookMs: _before, ...expected } = JSON.parse(before.stdout) as { tookMs: number };
      const { tookMs: _after, ...answered } = JSON.parse(after.stdout) as { tookMs: number };
      expect(answered).toEqual(expected);
    } finally {
      utimesSync(source, atime, mtime);
    }
  });
});

describe('folio search on a pack indexed by another analyzer', () => {
  it('asks for a rebuild every time, the remembered fingerprint notwithstanding', async () => {
    const other = join(dir, 'other-analyzer.folio');
    copyFileSync(pack, other);
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(other);
    const meta = new Map(
      (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: unknown }[]).map((r) => [
        r.key,
        r.value,
      ]),
    );
    meta.set(META.analyzerVersion, '0123456789abcdef');
    db.prepare('UPDATE meta SET value = ? WHERE key = ?').run('0123456789abcdef', META.analyzerVersion);
    db.prepare('UPDATE meta SET value = ? WHERE key = ?').run(String(metaChecksum(meta, META.checksum)), META.checksum);
    db.close();
    const warning = 'folio: this pack was indexed by another version of Folio; rebuild it for the best results\n';
    for (let run = 0; run < 2; run++) {
      const stale = folio('search', '--archive', other, 'Pusan');
      expect(stale.status).toBe(0);
      expect(stale.stderr).toBe(warning);
      const current = folio('search', '--archive', pack, 'Pusan');
      expect(current.status).toBe(0);
      expect(current.stderr).toBe('');
    }
  });
});

describe('bad packs exit 2 with one line on stderr and no stack trace', () => {
  const cases: [string, () => string][] = [
    ['missing', () => join(dir, 'missing.folio')],
    [
      'not a pack',
      () => {
        const p = join(dir, 'junk.folio');
        writeFileSync(p, 'junk'.repeat(100));
        return p;
      },
    ],
    [
      'truncated',
      () => {
        const p = join(dir, 'cut.folio');
        copyFileSync(pack, p);
        truncateSync(p, Math.floor(statSync(pack).size / 3));
        return p;
      },
    ],
  ];
  for (const [name, make] of cases) {
    for (const command of ['search', 'info', 'verify'] as const) {
      it(`${command}: ${name}`, () => {
        const path = make();
        const run = command === 'search' ? folio('search', '--archive', path, 'Pusan') : folio(command, path);
        expect(run.status).toBe(2);
        const lines = run.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^folio: /u);
        expect(run.stderr).not.toMatch(/\n\s+at /u);
      });
    }
  }
});

describe("SQLite's native module not loading is reported as such, not as a damaged pack", () => {
  // FOLIO_SQLITE_BINDING names the binary better-sqlite3 loads (Electron's build in the app): here
  // one that is missing, and one that is no shared object, as a broken install leaves them.
  const bindings: [string, () => string][] = [
    ['missing', () => join(dir, 'gone', 'better_sqlite3.node')],
    [
      'not a shared object',
      () => {
        const p = join(dir, 'junk_sqlite3.node');
        writeFileSync(p, 'junk'.repeat(100));
        return p;
      },
    ],
  ];
  for (const [name, make] of bindings) {
    for (const command of ['search', 'info', 'verify'] as const) {
      it(`${command}: ${name}`, () => {
        const env = { FOLIO_SQLITE_BINDING: make() };
        const run =
          command === 'search' ? folioWith(env, 'search', '--archive', pack, 'Pusan') : folioWith(env, command, pack);
        expect(run.status).toBe(2);
        const lines = run.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^folio: SQLite's native module does not load \(.+\); reinstall .*npm install/u);
        expect(run.stderr).not.toMatch(/damaged|folio verify/u);
      });
    }
  }

  it('the same pack searches once the module loads', () => {
    const run = folio('search', '--archive', pack, 'Pusan');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Pusan');
  });
});

describe('a damaged search index is reported, never passed off as "no results"', () => {
  const damaged: [string, string][] = [
    ['field lengths that do not inflate', "UPDATE search_blobs SET data = x'0102' WHERE name = 'field_lengths'"],
    ['a missing chunk of document ids', "DELETE FROM search_blobs WHERE name = 'refs/0'"],
    [
      'postings that do not decode',
      "UPDATE search_terms SET data = x'ff' WHERE key = (SELECT max(key) FROM search_terms WHERE key <= 'pusan')",
    ],
  ];
  // A typo's correction reads the vocabulary, and only then: damage there shows on a misspelt word.
  const damagedVocabulary: [string, string][] = [
    [
      'a vocabulary shard that does not inflate',
      "UPDATE search_blobs SET data = x'0102' WHERE name GLOB 'vocab/[0-9]*'",
    ],
    ['a missing vocabulary index', "DELETE FROM search_blobs WHERE name = 'vocab'"],
  ];
  it('corrects the typo of the vocabulary cases on a sound pack', () => {
    const run = folio('search', '--archive', pack, 'Pusna');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/did you mean "Pusan"\?/u);
    expect(run.stdout).toMatch(/\[Pusan\]/u);
  });
  for (const [name, sql, query] of [
    ...damaged.map(([n, q]) => [n, q, 'Pusan'] as const),
    ...damagedVocabulary.map(([n, q]) => [n, q, 'Pusna'] as const),
  ]) {
    it(name, async () => {
      const bad = await editedCopy(`index-${name.replace(/\W+/g, '-')}.folio`, sql);
      const run = folio('search', '--archive', bad, query);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/search index is damaged .*folio verify/u);
    });
  }
});

describe('a pack whose search index an older Folio wrote (the vocabulary before its shards)', () => {
  it('search asks in one line for a rebuild, and verify names the format', async () => {
    const old = await editedCopy(
      'search-8.folio',
      "UPDATE search_meta SET value = 'folio-search-8' WHERE key = 'format'",
    );
    const run = folio('search', '--archive', old, 'Pusna');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `made by another version of Folio \\(folio-search-8; this Folio reads ${SEARCH_FORMAT}\\); rebuild`,
        'u',
      ),
    );
    const verify = folio('verify', old);
    expect(verify.status).not.toBe(0);
    expect(verify.stdout + verify.stderr).toMatch(/folio-search-8/u);
  });

  it('verify reports a vocabulary whose shards cannot be put back in order', async () => {
    const bad = await editedCopy('no-vocab-order.folio', "DELETE FROM search_blobs WHERE name = 'vocab/order'");
    const verify = folio('verify', bad);
    expect(verify.status).not.toBe(0);
    expect(verify.stdout + verify.stderr).toMatch(/vocabulary blob vocab\/order missing/u);
  });
});
