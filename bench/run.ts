/**
 * `npm run bench [-- --json] [-- --corpus NAME[,NAME…]] [-- --repeats N] [-- --no-engines] [-- --size-only]` (`-- --help`)
 *
 * For each corpus (bench/corpora.ts fetches the Debian ones into bench/.work), in one run:
 * - Folio against Kiwix, on the same folder: build wall and peak RSS (the builder against
 *   zimwriterfs), pack against ZIM size, cold whole-process search (`folio search --json` and
 *   `kiwix-search`, alternated with a bare `node -e 0` that is subtracted from Folio's and a bare
 *   `true` that is subtracted from kiwix-search's, each taking out what the harness adds), the search
 *   as the app runs it (open, first query, then p50/p95 per kind of query: single and several terms,
 *   prefixes typed letter by letter, typos, quoted phrases), and search RSS: the peak RSS of a
 *   `folio serve --archive` process (archive worker thread included) asked the same set over HTTP;
 * - the engines alone (korean-war and python; --no-engines skips them): Folio's pack engine, plain
 *   lunr, MiniSearch and FlexSearch on the same analysed clauses (bench/drivers.ts).
 * Every engine runs in a child process of its own. Prints tables, or with --json one JSON object per
 * corpus, and writes bench/RESULTS.md. --size-only builds the pack and the ZIM and reports only their
 * sizes and build times, with the pack's bytes per table and index (SQLite's dbstat), and leaves
 * RESULTS.md alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEBIAN_REFERENCE_JA_SOURCE,
  LARGE_SOURCE,
  POSTGRESQL_SOURCE,
  prepareCorpus,
  PYTHON_SOURCE,
  type CorpusSource,
} from './corpora';
import { squarePng } from './png';
import { QUERY_KINDS, querySet, type BenchQuery, type QueryKind } from './queries';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const args = process.argv.slice(2);
const HELP = `npm run bench -- [options]
  --corpus NAME[,NAME…]  only these corpora: korean-war, python, large, postgresql, debian-reference-ja
  --size-only            build the pack and the ZIM only: sizes, their ratio, build times, the pack's bytes per table
  --repeats N            each measured phase N times, medians reported (default 3)
  --no-engines           skip plain lunr, MiniSearch and FlexSearch
  --json                 one JSON object per corpus on stdout instead of tables
Debian corpora are fetched with apt-get download into bench/.work/debs (a .deb placed there is used as is).`;
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
const JSON_OUT = args.includes('--json');
const ENGINES = !args.includes('--no-engines');
const SIZE_ONLY = args.includes('--size-only');
const only = args.includes('--corpus') ? new Set(args[args.indexOf('--corpus') + 1]?.split(',')) : undefined;
/** Each measured phase runs this many times; medians are reported. */
const REPEATS = args.includes('--repeats') ? Math.max(1, Number(args[args.indexOf('--repeats') + 1]) || 1) : 3;
const work = join(here, '.work');
mkdirSync(work, { recursive: true });

const log = (m: string): void => {
  process.stderr.write(`${m}\n`);
};

// ---- processes -----------------------------------------------------------------------------

/**
 * The worker, bundled to plain JavaScript with esbuild (as the app ships compiled code) so that the
 * TypeScript loader's own memory and start-up are not charged to any engine; tsx if esbuild is
 * unavailable.
 */
let workerCommand: string[] = ['--import', 'tsx', join(here, 'worker.ts')];
async function bundleWorker(): Promise<void> {
  try {
    const esbuild = await import('esbuild');
    // Written inside the project so that bare imports resolve from its node_modules; in bench/.work,
    // which git, lint and prettier ignore, so a running bench never breaks `npm test`.
    const outfile = join(work, 'worker.bundle.mjs');
    await esbuild.build({
      entryPoints: [join(here, 'worker.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      logLevel: 'silent',
      format: 'esm',
      packages: 'external',
    });
    workerCommand = [outfile];
    log('worker bundled with esbuild');
  } catch (e) {
    log(`esbuild unavailable (${(e as Error).message}); workers run under tsx`);
  }
}

/**
 * One worker process. `asShipped` runs it with the user's Node options, not the bench's larger heap:
 * a memory figure must come from the heap limits the app itself runs with.
 */
function worker<T>(argv: string[], timeoutMs = 1_800_000, asShipped = false): T {
  const r = spawnSync(process.execPath, [...workerCommand, ...argv], {
    cwd: root,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
    env: asShipped ? process.env : { ...process.env, NODE_OPTIONS: '--max-old-space-size=8192' },
  });
  if (r.status !== 0)
    throw new Error(
      `worker ${argv[0]} failed: ${(r.stderr || String(r.error)).trim().split('\n').slice(-3).join(' | ')}`,
    );
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T;
}

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

const TIME = existsSync('/usr/bin/time');

/**
 * A whole process, timed from outside, with its peak RSS and its minor page faults (GNU time) when
 * available: the pages of memory it touched first, each a fault the kernel serves (14-20 µs apiece on
 * the virtual machines these figures come from, well under 1 µs on a laptop's own kernel).
 */
function timeProcess(
  cmd: string,
  argv: string[],
): { ms: number; rssMb: number | null; faults: number | null; ok: boolean; stdout: string } {
  const t0 = performance.now();
  const r = TIME
    ? spawnSync('/usr/bin/time', ['-f', '%M %R', cmd, ...argv], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 })
    : spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  let rssMb: number | null = null;
  let faults: number | null = null;
  if (TIME) {
    const last = /^(\d+) (\d+)$/.exec(r.stderr.trim().split('\n').pop() ?? '');
    if (last) {
      rssMb = Math.round(Number(last[1]) / 1024);
      faults = Number(last[2]);
    }
  }
  if (r.status !== 0)
    log(`  ${cmd} ${argv.slice(0, 2).join(' ')}…: ${r.stderr.trim().split('\n').slice(-2, -1).join('')}`);
  return { ms, rssMb, faults, ok: r.status === 0, stdout: r.stdout };
}

// ---- statistics ----------------------------------------------------------------------------

function percentile(xs: number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)]!;
}

function median(xs: (number | null | undefined)[]): number | null {
  const v = xs.filter((x): x is number => typeof x === 'number').sort((a, b) => a - b);
  if (v.length === 0) return null;
  return v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
}

interface Timed {
  kind: string;
  ms: number;
}

/** p50 and p95 per kind of query, the median over repeats. */
type KindStats = Partial<Record<QueryKind, { p50: number | null; p95: number | null; n: number }>>;

function kindStats(runs: Timed[][]): KindStats {
  const out: KindStats = {};
  for (const kind of QUERY_KINDS) {
    const per = runs.map((times) => times.filter((t) => t.kind === kind).map((t) => t.ms));
    if (per.every((xs) => xs.length === 0)) continue;
    out[kind] = {
      p50: median(per.map((xs) => percentile(xs, 0.5))),
      p95: median(per.map((xs) => percentile(xs, 0.95))),
      n: per[0]!.length,
    };
  }
  return out;
}

// ---- Kiwix ---------------------------------------------------------------------------------

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** For the curated archive (Markdown): one HTML page per section, made from the pack's passages. */
function pagesFolder(corpus: string, docsFile: string): string {
  const dir = join(work, `${corpus}-html`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { pages } = JSON.parse(readFileSync(docsFile, 'utf8')) as {
    pages: { title: string; passages: { kind: string; text: string }[] }[];
  };
  const links: string[] = [];
  pages.forEach((p, i) => {
    const body = p.passages
      .map((x) => (x.kind === 'heading' ? `<h2>${escapeHtml(x.text)}</h2>` : `<p>${escapeHtml(x.text)}</p>`))
      .join('\n');
    writeFileSync(
      join(dir, `s${i}.html`),
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(p.title)}</title></head><body><h1>${escapeHtml(p.title)}</h1>\n${body}</body></html>`,
    );
    links.push(`<li><a href="s${i}.html">${escapeHtml(p.title)}</a></li>`);
  });
  writeFileSync(
    join(dir, 'index.html'),
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${corpus}</title></head><body><ul>${links.join('')}</ul></body></html>`,
  );
  return dir;
}

interface KiwixBuild {
  zim: string;
  build_ms: number;
  build_rss_mb: number | null;
  bytes: number;
}

function zimwriterfs(corpus: string, dir: string, welcome = 'index.html'): KiwixBuild {
  const zim = join(work, `${corpus}.zim`);
  rmSync(zim, { force: true });
  writeFileSync(join(dir, 'folio-bench-illustration.png'), squarePng());
  const build = timeProcess('zimwriterfs', [
    `--welcome=${welcome}`,
    '--illustration=folio-bench-illustration.png',
    '--language=eng',
    `--title=${corpus}`,
    '--description=Folio benchmark corpus',
    '--creator=Folio bench',
    '--publisher=Folio bench',
    `--name=${corpus}`,
    dir,
    zim,
  ]);
  rmSync(join(dir, 'folio-bench-illustration.png'), { force: true });
  if (!build.ok || !existsSync(zim)) throw new Error('zimwriterfs failed');
  return { zim, build_ms: build.ms, build_rss_mb: build.rssMb, bytes: statSync(zim).size };
}

// ---- one corpus ----------------------------------------------------------------------------

interface CorpusSpec {
  name: string;
  /** A curated source folder, or the Debian packages to make a folder of pages from. */
  source: string | CorpusSource;
  /** Whether the in-memory engines are compared too (not on the large corpus: gigabytes each). */
  engines: boolean;
}

const CORPORA: CorpusSpec[] = [
  { name: 'korean-war', source: join(root, 'archive', 'korean-war'), engines: true },
  { name: 'python', source: PYTHON_SOURCE, engines: true },
  { name: 'large', source: LARGE_SOURCE, engines: false },
  // Issue 12's sizes and languages: DocBook HTML, and Japanese.
  { name: 'postgresql', source: POSTGRESQL_SOURCE, engines: true },
  { name: 'debian-reference-ja', source: DEBIAN_REFERENCE_JA_SOURCE, engines: true },
];

interface EngineResult {
  build_ms: number | null;
  pack_bytes: number | null;
  open_first_ms: number | null;
  query_p50_ms: number | null;
  query_p95_ms: number | null;
  prefix_p95_ms: number | null;
  rss_mb: number | null;
  note?: string;
}

interface WorkerTimings {
  open_first_ms: number;
  times: { kind: string; ms: number; hits: number }[];
  rss_mb: number;
  build_ms?: number;
}

interface SearcherTimings {
  open_first_ms: number;
  first_hits: number;
  times: { kind: string; ms: number; hits: number }[];
  rss_mb: number;
}

interface ServeSearchTimings {
  times: { kind: string; ms: number; hits: number }[];
  /** The same answers' tookMs: their time in the archive worker. */
  worker_times: { kind: string; ms: number; hits: number }[];
  /** Null where /proc is missing (not Linux). */
  rss_mb: number | null;
}

interface CorpusReport {
  corpus: string;
  pages: number | null;
  passages: number;
  textBytes: number | null;
  folio: {
    build_ms: number;
    build_rss_mb: number | null;
    pack_bytes: number;
    index_bytes: number | null;
    /** Bytes per table and index (dbstat), largest first. */
    tables: Record<string, number> | null;
    /** Whole `folio search --json` processes and bare `node -e 0`, alternated: medians. */
    cold_ms: number | null;
    node_e0_ms: number | null;
    cold_rss_mb: number | null;
    /** Minor page faults of those processes and of `node -e 0`: medians. */
    cold_faults: number | null;
    node_e0_faults: number | null;
    /** In process, as the app: open + first query, per-kind percentiles. */
    open_first_ms: number | null;
    /** In the app's archive worker, the embedded archive open first: switching to the pack + first query. */
    app_open_first_ms: number | null;
    app_open_first_cpu_ms: number | null;
    /** Minor page faults of the process meanwhile (both threads): memory touched for the first time. */
    app_open_first_faults: number | null;
    kinds: KindStats;
    /**
     * Search RSS: the peak RSS of a `folio serve --archive <pack>` process (every thread: the HTTP
     * server and the archive worker) while it answers the set over HTTP; the highest over the repeats.
     */
    rss_mb: number | null;
    /** The same set's HTTP round trips to `folio serve`. */
    serve_kinds: KindStats;
    /** Those answers' own tookMs (search and suggestion in the archive worker): the rest is transport. */
    serve_worker_kinds: KindStats;
    /** Peak RSS of the in-thread searcher runs (no worker thread): what the bench reported before. */
    searcher_rss_mb: number | null;
  };
  kiwix: {
    note?: string;
    build_ms?: number;
    build_rss_mb?: number | null;
    zim_bytes?: number;
    cold_ms?: number | null;
    /** A bare `true` under the same harness, alternated: what the harness adds to any process (median). */
    harness_ms?: number | null;
    cold_rss_mb?: number | null;
    cold_faults?: number | null;
    kinds?: KindStats;
  };
  engines: Record<string, EngineResult>;
}

function fromTimings(t: WorkerTimings, build_ms: number | null, pack_bytes: number | null): EngineResult {
  const all = t.times.map((x) => x.ms);
  const prefix = t.times.filter((x) => x.kind === 'prefix').map((x) => x.ms);
  return {
    build_ms,
    pack_bytes,
    open_first_ms: t.open_first_ms,
    query_p50_ms: percentile(all, 0.5),
    query_p95_ms: percentile(all, 0.95),
    prefix_p95_ms: percentile(prefix, 0.95),
    rss_mb: t.rss_mb,
  };
}

function repeated(once: () => EngineResult): EngineResult {
  const runs: EngineResult[] = [];
  for (let i = 0; i < REPEATS; i++) runs.push(once());
  return {
    ...runs[0]!,
    open_first_ms: median(runs.map((r) => r.open_first_ms)),
    query_p50_ms: median(runs.map((r) => r.query_p50_ms)),
    query_p95_ms: median(runs.map((r) => r.query_p95_ms)),
    prefix_p95_ms: median(runs.map((r) => r.prefix_p95_ms)),
    rss_mb: median(runs.map((r) => r.rss_mb)),
  };
}

function attempt<T>(label: string, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    log(`  ${label}: ${(e as Error).message}`);
    return undefined;
  }
}

/** Two queries of each kind: the whole-process comparison's set (10 queries). */
function coldSet(queries: BenchQuery[]): BenchQuery[] {
  return QUERY_KINDS.flatMap((kind) => queries.filter((q) => q.kind === kind).slice(0, 2));
}

function runCorpus(spec: CorpusSpec): CorpusReport | null {
  let src: string;
  let pages: number | null = null;
  if (typeof spec.source === 'string') {
    if (!existsSync(spec.source)) {
      log(`${spec.name}: ${spec.source} not found; skipped`);
      return null;
    }
    src = spec.source;
  } else {
    const prepared = prepareCorpus(spec.name, spec.source, work, log);
    if ('skipped' in prepared) {
      log(`${spec.name}: skipped: ${prepared.skipped}`);
      return null;
    }
    src = prepared.dir;
    pages = prepared.pages;
  }
  const queries = querySet(spec.name);
  const pack = join(work, `${spec.name}.folio`);
  rmSync(pack, { force: true });

  // `folio build` as a user runs it, a whole process timed from outside with its peak RSS, on V8's
  // default heap limit (a raised limit lets the heap grow lazily and measures the limit, not the builder).
  log(`${spec.name}: folio build`);
  const folioCli = join(root, 'bin', 'folio.cjs');
  timeProcess(process.execPath, [folioCli, '--version']); // bundles the CLI if needed, outside the timing
  const build = timeProcess(process.execPath, [folioCli, 'build', src, '-o', pack]);
  if (!build.ok) {
    log(`  folio build failed`);
    return null;
  }
  const stats = attempt('pack stats', () =>
    worker<{ pack_bytes: number; index_bytes: number | null; tables: Record<string, number> | null; passages: number }>(
      ['pack-stats', pack],
    ),
  );
  if (!stats) return null;
  const built = { ...stats, build_ms: build.ms, rss_mb: build.rssMb };
  log(`  ${built.passages} passages in ${(built.build_ms / 1000).toFixed(1)} s, peak RSS ${built.rss_mb ?? '?'} MB`);

  // The pack's documents as JSON, for the in-memory engines and the curated archive's pages.
  const docsFile = join(work, `${spec.name}.docs.json`);
  const needDocs = spec.engines && ENGINES && !SIZE_ONLY ? true : typeof spec.source === 'string';
  const info = needDocs
    ? worker<{ passages: number; indexed: number; textBytes: number }>(['extract', pack, docsFile])
    : null;

  const kiwixOk = has('zimwriterfs') && (SIZE_ONLY || has('kiwix-search'));
  const report: CorpusReport = {
    corpus: spec.name,
    pages,
    passages: built.passages,
    textBytes: info?.textBytes ?? null,
    folio: {
      build_ms: built.build_ms,
      build_rss_mb: built.rss_mb,
      pack_bytes: built.pack_bytes,
      index_bytes: built.index_bytes,
      tables: built.tables,
      cold_ms: null,
      node_e0_ms: null,
      cold_rss_mb: null,
      cold_faults: null,
      node_e0_faults: null,
      open_first_ms: null,
      app_open_first_ms: null,
      app_open_first_cpu_ms: null,
      app_open_first_faults: null,
      kinds: {},
      rss_mb: null,
      serve_kinds: {},
      serve_worker_kinds: {},
      searcher_rss_mb: null,
    },
    kiwix: kiwixOk ? {} : { note: 'not installed (apt-get install -y kiwix-tools zim-tools)' },
    engines: {},
  };

  let zim: KiwixBuild | undefined;
  if (kiwixOk) {
    log(`  zimwriterfs`);
    zim = attempt('zimwriterfs', () =>
      typeof spec.source === 'string'
        ? zimwriterfs(spec.name, pagesFolder(spec.name, docsFile))
        : zimwriterfs(spec.name, src, spec.source.home),
    );
    if (zim)
      Object.assign(report.kiwix, { build_ms: zim.build_ms, build_rss_mb: zim.build_rss_mb, zim_bytes: zim.bytes });
    else report.kiwix.note = 'zimwriterfs failed';
  } else log(`  kiwix: ${report.kiwix.note}; skipped`);
  if (SIZE_ONLY) {
    rmSync(docsFile, { force: true });
    return report;
  }

  // Whole processes, in turn, so that all see the same machine load.
  log(`  cold whole-process search`);
  timeProcess(process.execPath, [folioCli, 'search', '--json', '--archive', pack, '--', 'warm']); // bundles if needed
  const cold: {
    folio: number[];
    bare: number[];
    kiwix: number[];
    harness: number[];
    folioRss: number[];
    kiwixRss: number[];
    folioFaults: number[];
    bareFaults: number[];
    kiwixFaults: number[];
  } = {
    folio: [],
    bare: [],
    kiwix: [],
    harness: [],
    folioRss: [],
    kiwixRss: [],
    folioFaults: [],
    bareFaults: [],
    kiwixFaults: [],
  };
  for (let round = 0; round < REPEATS; round++) {
    for (const q of coldSet(queries)) {
      const f = timeProcess(process.execPath, [folioCli, 'search', '--json', '--archive', pack, '--', q.text]);
      if (f.ok) cold.folio.push(f.ms);
      if (f.rssMb !== null) cold.folioRss.push(f.rssMb);
      if (f.ok && f.faults !== null) cold.folioFaults.push(f.faults);
      const b = timeProcess(process.execPath, ['-e', '0']);
      if (b.ok) cold.bare.push(b.ms);
      if (b.ok && b.faults !== null) cold.bareFaults.push(b.faults);
      if (zim) {
        const k = timeProcess('kiwix-search', [zim.zim, q.text]);
        cold.kiwix.push(k.ms);
        if (k.rssMb !== null) cold.kiwixRss.push(k.rssMb);
        if (k.ok && k.faults !== null) cold.kiwixFaults.push(k.faults);
        // What starting any process costs this harness (spawning from this large process, GNU time):
        // cancelled out of Folio's by `node -e 0`, and taken out of kiwix-search's by `true`.
        const h = timeProcess('true', []);
        if (h.ok) cold.harness.push(h.ms);
      }
    }
  }
  report.folio.cold_ms = median(cold.folio);
  report.folio.node_e0_ms = median(cold.bare);
  report.folio.cold_rss_mb = cold.folioRss.length ? Math.max(...cold.folioRss) : null;
  report.folio.cold_faults = median(cold.folioFaults);
  report.folio.node_e0_faults = median(cold.bareFaults);
  if (zim) {
    report.kiwix.cold_ms = median(cold.kiwix);
    report.kiwix.harness_ms = median(cold.harness);
    report.kiwix.cold_rss_mb = cold.kiwixRss.length ? Math.max(...cold.kiwixRss) : null;
    report.kiwix.cold_faults = median(cold.kiwixFaults);
  }

  log(`  in process, as the app`);
  const searched = attempt('folio searcher', () => {
    const runs: SearcherTimings[] = [];
    for (let i = 0; i < REPEATS; i++) runs.push(worker<SearcherTimings>(['searcher', pack, spec.name]));
    return runs;
  });
  const app = attempt('folio app open', () => {
    const runs: { open_first_ms: number; open_first_cpu_ms: number; open_first_faults: number }[] = [];
    for (let i = 0; i < REPEATS; i++) runs.push(worker(['app-open', pack, spec.name]));
    return runs;
  });
  if (app) {
    report.folio.app_open_first_ms = median(app.map((r) => r.open_first_ms));
    report.folio.app_open_first_cpu_ms = median(app.map((r) => r.open_first_cpu_ms));
    report.folio.app_open_first_faults = median(app.map((r) => r.open_first_faults));
  }
  if (searched) {
    report.folio.open_first_ms = median(searched.map((r) => r.open_first_ms));
    report.folio.kinds = kindStats(searched.map((r) => r.times));
    report.folio.searcher_rss_mb = Math.max(...searched.map((r) => r.rss_mb));
  }
  const served = attempt('folio serve search', () => {
    // Built beforehand in processes of their own, so the serve process never holds the builder nor
    // esbuild (bin/folio.cjs rebundles a stale CLI in process).
    worker(['embedded-pack']);
    spawnSync(process.execPath, [join(root, 'bin', 'folio.cjs'), '--version'], { cwd: root });
    const runs: ServeSearchTimings[] = [];
    for (let i = 0; i < REPEATS; i++)
      runs.push(worker<ServeSearchTimings>(['serve-search', pack, spec.name], undefined, true));
    return runs;
  });
  if (served && served.every((r) => r.rss_mb !== null)) {
    report.folio.rss_mb = Math.max(...served.map((r) => r.rss_mb!));
    report.folio.serve_kinds = kindStats(served.map((r) => r.times));
    report.folio.serve_worker_kinds = kindStats(served.map((r) => r.worker_times));
  }
  if (zim) {
    // kiwix-search per query, whole processes (Kiwix has no in-process figure to offer here).
    const runs: Timed[][] = [];
    for (let i = 0; i < REPEATS; i++)
      runs.push(queries.slice(1).map((q) => ({ kind: q.kind, ms: timeProcess('kiwix-search', [zim.zim, q.text]).ms })));
    report.kiwix.kinds = kindStats(runs);
  }

  if (spec.engines && ENGINES) engineComparison(spec, pack, docsFile, built, report, zim);
  rmSync(docsFile, { force: true });
  return report;
}

/** The engines alone, on the same analysed clauses (the README's first table). */
function engineComparison(
  spec: CorpusSpec,
  pack: string,
  docsFile: string,
  built: { build_ms: number; pack_bytes: number },
  report: CorpusReport,
  zim: KiwixBuild | undefined,
): void {
  const engines = report.engines;
  log(`  engines: folio`);
  const folio = attempt('folio', () =>
    repeated(() => fromTimings(worker<WorkerTimings>(['folio', pack, spec.name]), built.build_ms, built.pack_bytes)),
  );
  if (folio) engines['folio'] = folio;
  log(`  engines: plain lunr`);
  const lunrFile = join(work, `${spec.name}.lunr.json`);
  const lb = attempt('lunr build', () =>
    worker<{ build_ms: number; pack_bytes: number }>(['lunr-build', docsFile, lunrFile]),
  );
  if (lb) {
    const lq = attempt('lunr', () =>
      repeated(() =>
        fromTimings(worker<WorkerTimings>(['lunr', lunrFile, docsFile, spec.name]), lb.build_ms, lb.pack_bytes),
      ),
    );
    if (lq) engines['lunr'] = lq;
    rmSync(lunrFile, { force: true });
  }
  log(`  engines: minisearch`);
  const msFile = join(work, `${spec.name}.minisearch.json`);
  const mb = attempt('minisearch build', () =>
    worker<{ build_ms: number; pack_bytes: number }>(['minisearch-build', docsFile, msFile]),
  );
  if (mb) {
    const mq = attempt('minisearch', () =>
      repeated(() => fromTimings(worker<WorkerTimings>(['minisearch', msFile, spec.name]), mb.build_ms, mb.pack_bytes)),
    );
    if (mq) engines['minisearch'] = mq;
    rmSync(msFile, { force: true });
  }
  log(`  engines: flexsearch`);
  const fq = attempt('flexsearch', () =>
    repeated(() => {
      const t = worker<WorkerTimings>(['flexsearch', docsFile, spec.name]);
      return fromTimings(t, t.build_ms ?? null, null);
    }),
  );
  if (fq) engines['flexsearch'] = { ...fq, open_first_ms: null, note: 'in memory; RSS includes build' };
  if (zim && report.kiwix.kinds) {
    const all = QUERY_KINDS.filter((k) => k !== 'phrase').map((k) => report.kiwix.kinds![k]);
    engines['kiwix'] = {
      build_ms: zim.build_ms,
      pack_bytes: zim.bytes,
      open_first_ms: report.kiwix.cold_ms ?? null,
      query_p50_ms: median(all.map((s) => s?.p50)),
      query_p95_ms: Math.max(...all.map((s) => s?.p95 ?? 0)),
      prefix_p95_ms: report.kiwix.kinds.prefix?.p95 ?? null,
      rss_mb: report.kiwix.cold_rss_mb ?? null,
      note: 'whole kiwix-search process',
    };
  }
}

// ---- report --------------------------------------------------------------------------------

function fmt(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined
    ? '—'
    : v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const mb = (bytes: number | null | undefined): number | null => (bytes == null ? null : bytes / 1e6);

function verdict(ok: boolean | null): string {
  return ok === null ? '?' : ok ? '✔' : '✘';
}

/** Folio against Kiwix, as the issue's table: one row per measure, with its goal. */
function comparisonTable(r: CorpusReport): string {
  const f = r.folio;
  const k = r.kiwix;
  const ratio = (a: number | null | undefined, b: number | null | undefined): number | null =>
    a != null && b != null && b > 0 ? a / b : null;
  const rows: string[][] = [];
  const row = (
    what: string,
    folio: string,
    kiwix: string,
    x: number | null,
    goal: string,
    ok: boolean | null,
  ): void => {
    rows.push([what, folio, kiwix, x === null ? '' : `${x.toFixed(2)}×`, goal ? `${goal} ${verdict(ok)}` : '']);
  };
  const buildRatio = ratio(f.build_ms, k.build_ms);
  row(
    'build wall',
    `${fmt(f.build_ms / 1000)} s`,
    k.build_ms ? `${fmt(k.build_ms / 1000)} s (zimwriterfs)` : '—',
    buildRatio,
    '≤ 1×',
    buildRatio === null ? null : buildRatio <= 1,
  );
  row(
    'build peak RSS',
    `${fmt(f.build_rss_mb, 0)} MB`,
    k.build_rss_mb ? `${fmt(k.build_rss_mb, 0)} MB` : '—',
    null,
    '≤ 1,024 MB',
    f.build_rss_mb === null ? null : f.build_rss_mb <= 1024,
  );
  const sizeRatio = ratio(f.pack_bytes, k.zim_bytes);
  row(
    'size',
    `${fmt(mb(f.pack_bytes))} MB pack (index ${fmt(mb(f.index_bytes))} MB)`,
    k.zim_bytes ? `${fmt(mb(k.zim_bytes))} MB ZIM` : '—',
    sizeRatio,
    '≤ 1.5×',
    sizeRatio === null ? null : sizeRatio <= 1.5,
  );
  const net = f.cold_ms != null && f.node_e0_ms != null ? f.cold_ms - f.node_e0_ms : null;
  // kiwix-search's own time: less what the harness adds to any process (a `true` timed the same way).
  const kiwixNet = k.cold_ms != null ? k.cold_ms - (k.harness_ms ?? 0) : null;
  const coldRatio = ratio(net, kiwixNet);
  row(
    'cold whole-process search, median of 10 queries',
    `${fmt(f.cold_ms, 0)} ms − node -e 0 ${fmt(f.node_e0_ms, 0)} ms = ${fmt(net, 0)} ms`,
    k.cold_ms
      ? k.harness_ms != null
        ? `${fmt(k.cold_ms, 0)} ms − harness ${fmt(k.harness_ms, 0)} ms = ${fmt(kiwixNet, 0)} ms (kiwix-search)`
        : `${fmt(k.cold_ms, 0)} ms (kiwix-search)`
      : '—',
    coldRatio,
    '≤ 3×',
    coldRatio === null ? null : coldRatio <= 3,
  );
  row(
    'cold search peak RSS',
    `${fmt(f.cold_rss_mb, 0)} MB`,
    k.cold_rss_mb ? `${fmt(k.cold_rss_mb, 0)} MB` : '—',
    null,
    '',
    null,
  );
  row(
    'cold search minor page faults (pages first touched), median',
    `${fmt(f.cold_faults, 0)} (node -e 0: ${fmt(f.node_e0_faults, 0)})`,
    k.cold_faults ? fmt(k.cold_faults, 0) : '—',
    null,
    '',
    null,
  );
  row('open + warm-up + first query, in a fresh process', `${fmt(f.open_first_ms)} ms`, '', null, '', null);
  row(
    'open + first query, in the app (worker, after the embedded archive)',
    `${fmt(f.app_open_first_ms)} ms (CPU ${fmt(f.app_open_first_cpu_ms)} ms, ${fmt(f.app_open_first_faults, 0)} page faults)`,
    '',
    null,
    '≤ 50 ms',
    f.app_open_first_ms === null ? null : f.app_open_first_ms <= 50,
  );
  for (const kind of QUERY_KINDS) {
    const s = f.kinds[kind];
    if (!s) continue;
    const ks = k.kinds?.[kind];
    const served = f.serve_kinds[kind];
    const inWorker = f.serve_worker_kinds[kind];
    const limit = kind === 'typo' || kind === 'phrase' ? 30 : 16;
    row(
      `${kind === 'prefix' ? 'prefix, as typed' : kind} p50 / p95 (${s.n}${kind === 'prefix' ? ' keystrokes' : ''})`,
      `${fmt(s.p50, 1)} / ${fmt(s.p95, 1)} ms${served ? `; over HTTP ${fmt(served.p50, 1)} / ${fmt(served.p95, 1)} ms` : ''}${inWorker ? ` (in its worker ${fmt(inWorker.p50, 1)} / ${fmt(inWorker.p95, 1)})` : ''}`,
      ks ? `${fmt(ks.p50, 0)} / ${fmt(ks.p95, 0)} ms (whole process)` : '—',
      null,
      `p95 ≤ ${limit} ms`,
      s.p95 === null ? null : s.p95 <= limit,
    );
  }
  row(
    'search RSS (`folio serve` process)',
    `${fmt(f.rss_mb, 0)} MB`,
    '',
    null,
    '≤ 150 MB',
    f.rss_mb === null ? null : f.rss_mb <= 150,
  );
  const head = `### ${r.corpus}: ${r.pages !== null ? `${r.pages.toLocaleString('en-US')} pages, ` : ''}${r.passages.toLocaleString('en-US')} passages${r.textBytes !== null ? `, ${fmt(mb(r.textBytes))} MB of text` : ''}`;
  return [
    head,
    '',
    '| | Folio | Kiwix | ratio | goal |',
    '| --- | --- | --- | ---: | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    ...(k.note ? ['', `Kiwix: ${k.note}.`] : []),
  ].join('\n');
}

/** --size-only: the pack against the ZIM, and where the pack's bytes go. */
function sizeTable(r: CorpusReport): string {
  const f = r.folio;
  const zim = r.kiwix.zim_bytes;
  const ratio = zim ? f.pack_bytes / zim : null;
  const lines = [
    `### ${r.corpus}: ${r.passages.toLocaleString('en-US')} passages`,
    '',
    '| pack bytes | ZIM bytes | ratio | goal | pack build | zimwriterfs |',
    '| ---: | ---: | ---: | --- | ---: | ---: |',
    `| ${f.pack_bytes.toLocaleString('en-US')} | ${zim?.toLocaleString('en-US') ?? '—'} | ${ratio === null ? '—' : `${ratio.toFixed(2)}×`} | ≤ 1.5× ${verdict(ratio === null ? null : ratio <= 1.5)} | ${fmt(f.build_ms / 1000)} s | ${r.kiwix.build_ms ? `${fmt(r.kiwix.build_ms / 1000)} s` : '—'} |`,
  ];
  if (f.tables) {
    lines.push('', '| table or index | bytes | share |', '| --- | ---: | ---: |');
    for (const [name, bytes] of Object.entries(f.tables))
      lines.push(`| ${name} | ${bytes.toLocaleString('en-US')} | ${((100 * bytes) / f.pack_bytes).toFixed(1)}% |`);
  }
  return lines.join('\n');
}

function engineTable(r: CorpusReport): string {
  const entries = Object.entries(r.engines);
  if (entries.length === 0) return '';
  const lines = [
    `Engines alone (${r.corpus}; the same analysed clauses, no phrases; Kiwix: whole processes):`,
    '',
    '| engine | build ms | size MB | open→first ms | query p50 ms | query p95 ms | prefix p95 ms | RSS MB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [name, e] of entries)
    lines.push(
      `| ${name}${e.note ? ` (${e.note})` : ''} | ${fmt(e.build_ms, 0)} | ${fmt(mb(e.pack_bytes))} | ${fmt(e.open_first_ms)} | ${fmt(e.query_p50_ms, 2)} | ${fmt(e.query_p95_ms, 2)} | ${fmt(e.prefix_p95_ms, 2)} | ${fmt(e.rss_mb, 0)} |`,
    );
  return lines.join('\n');
}

async function main(): Promise<void> {
  await bundleWorker();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`;
  log(`machine: ${machine}`);
  const sections: string[] = [];
  for (const spec of CORPORA) {
    if (only && !only.has(spec.name)) continue;
    const r = runCorpus(spec);
    if (!r) continue;
    const text = SIZE_ONLY ? sizeTable(r) : [comparisonTable(r), engineTable(r)].filter(Boolean).join('\n\n');
    sections.push(text);
    if (JSON_OUT) process.stdout.write(`${JSON.stringify(r)}\n`);
    else process.stdout.write(`\n${text}\n`);
  }
  if (sections.length > 0 && !SIZE_ONLY) {
    const when = new Date().toISOString().replace('T', ' ').slice(0, 16);
    writeFileSync(
      join(here, 'RESULTS.md'),
      `# Latest \`npm run bench\`\n\nRun ${when} UTC on ${machine} (a shared machine whose load varies: compare within one run). ` +
        `Whole processes are alternated (folio search, node -e 0, kiwix-search) and medians shown; in-process figures are ` +
        `what the app's search handler does (the search, 30 hits with snippets as the app asks, then "did you mean"), after the app's warm-up query, each query of the set once (nothing of it cached), in ${REPEATS} fresh processes, medians of the percentiles; "over HTTP" is the same set asked of a \`folio serve --archive\` process, its first query untimed, measured from the client, and in brackets those answers' own \`tookMs\` (their time in the archive worker; the rest is transport); search RSS is the peak RSS (VmHWM) of a \`folio serve --archive\` process, every thread of it, asked the same set over HTTP, the highest of ${REPEATS}; \`folio build\` is the command a user runs, timed from outside.\n\n${sections.join('\n\n')}\n`,
    );
  }
}

main()
  .catch((e: unknown) => {
    log((e as Error).stack ?? String(e));
    process.exitCode = 1;
  })
  .finally(() => {
    rmSync(join(work, 'worker.bundle.mjs'), { force: true });
  });
