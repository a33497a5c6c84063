/**
 * One benchmark step in its own process (so memory and load times are not shared between engines).
 * Prints one JSON object on stdout. Modes:
 *   pack-stats <pack>                      passages, index bytes, bytes per table (dbstat)
 *   extract <pack> <docs.json>             the pack's index documents, for the other engines
 *   folio <pack> <querySet>                open the pack, answer the query set (engine level)
 *   searcher <pack> <querySet>             open the archive as the app does and answer the set
 *                                          through the searcher, prefixes typed letter by letter
 *   app-open <pack> <querySet>             the app's archive worker (CoreHost, out/cli/core-worker.mjs)
 *                                          with the embedded archive open: switch to the pack, first query
 *   serve-search <pack> <querySet>         `folio serve --archive <pack>` asked the set over HTTP: the
 *                                          serve process's peak RSS (Linux) and the round trips
 *   embedded-pack                          builds the embedded pack if it is stale (so serve never does)
 *   lunr-build <docs.json> <index.json>    plain lunr (same analyzer, positions on), serialized
 *   lunr <index.json> <pack> <querySet>    Index.load, answer the query set
 *   minisearch-build <docs.json> <out.json>
 *   minisearch <index.json> <querySet>
 *   flexsearch <docs.json> <querySet>      (in memory only: build, then answer)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { WARM_UP_QUERY } from '../main/api/worker/warm-up-query';
import { createAnalyzer } from '../main/search/analyzer/index';
import { toIndexDocuments } from '../main/search/documents';
import { FIELD_BOOSTS } from '../main/search/fields';
import { buildLunrIndex } from '../tests/reference/lunr-build';
import { MemoryEngine } from '../tests/reference/memory-engine';
import { SEARCH_FIELDS, type Analyzer, type IndexDocument, type IndexEngine } from '../main/search/types';
import { answer, TOP } from './drivers';
import { keystrokes, querySet as namedSet, type BenchQuery } from './queries';

const now = (): number => performance.now();
const out = (o: unknown): void => {
  process.stdout.write(JSON.stringify(o) + '\n');
};
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

/** The set's queries the engines all answer (the in-memory engines have no phrases). */
function querySet(name: string): BenchQuery[] {
  return namedSet(name).filter((q) => q.kind !== 'phrase');
}

interface Timings {
  open_first_ms: number;
  times: { kind: string; ms: number; hits: number }[];
  rss_mb: number;
  heap_mb: number;
  sample: Record<string, string[]>;
}

/** First query answered right after `open`; then every other query once. */
function runQueries(open: () => (q: BenchQuery) => string[], queries: BenchQuery[]): Timings {
  const t0 = now();
  const ask = open();
  const first = ask(queries[0]!);
  const open_first_ms = now() - t0;
  const times: Timings['times'] = [];
  const sample: Record<string, string[]> = { [queries[0]!.text]: first };
  for (const q of queries.slice(1)) {
    const t = now();
    const refs = ask(q);
    times.push({ kind: q.kind, ms: now() - t, hits: refs.length });
    if (Object.keys(sample).length < 6) sample[q.text] = refs;
  }
  return {
    open_first_ms,
    times,
    rss_mb: peakRssMb(),
    heap_mb: Math.round(process.memoryUsage().heapUsed / 1048576),
    sample,
  };
}

async function main(): Promise<void> {
  const [mode, a, b, c] = process.argv.slice(2);
  switch (mode) {
    case 'pack-stats': {
      // What a built pack holds and where its bytes go: passages, the search index's share, and every
      // table's and index's bytes (SQLite's dbstat, when compiled in).
      const { openPack } = await import('../main/archive/pack');
      const pack = openPack(a!);
      const passages = pack.passageCount();
      pack.close();
      let index_bytes: number | null = null;
      let tables: Record<string, number> | null = null;
      try {
        const Database = (await import('better-sqlite3')).default;
        const db = new Database(a, { readonly: true });
        const rows = db
          .prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC')
          .all() as {
          name: string;
          bytes: number;
        }[];
        tables = Object.fromEntries(rows.map((r) => [r.name, r.bytes]));
        index_bytes = rows.filter((r) => r.name.startsWith('search_')).reduce((n, r) => n + r.bytes, 0);
        db.close();
      } catch {
        /* dbstat unavailable */
      }
      out({ pack_bytes: statSync(a!).size, index_bytes, tables, passages });
      return;
    }
    case 'extract': {
      const { openPack } = await import('../main/archive/pack');
      const pack = openPack(a!);
      const sections = pack.sections();
      const passages = sections.flatMap((s) => pack.passagesOfSection(s.id));
      const docs = toIndexDocuments(passages, sections);
      const textBytes = passages.reduce((n, p) => n + Buffer.byteLength(p.text), 0);
      const pages = sections.map((s) => ({
        title: s.title,
        passages: pack.passagesOfSection(s.id).map((p) => ({ kind: p.kind, text: p.text })),
      }));
      writeFileSync(b!, JSON.stringify({ manifest: pack.manifest, docs, pages }));
      out({ passages: passages.length, indexed: docs.length, textBytes, sections: sections.length });
      pack.close();
      return;
    }
    case 'folio': {
      const { openPack } = await import('../main/archive/pack');
      let pack: ReturnType<typeof openPack> | undefined;
      const r = runQueries(() => {
        pack = openPack(a!);
        const engine = pack.searchEngine();
        const analyzer = createAnalyzer({ variants: pack.manifest.variants, languages: pack.manifest.languages });
        return (q) => answer(engine, analyzer, q);
      }, querySet(b!));
      out(r);
      pack?.close();
      return;
    }
    case 'searcher': {
      // As the app: openArchive (pack, analyzer, searcher), the app's warm-up, a page of 30 hits (the app's page)
      // with snippets. The first query is open→first; a prefix query counts every keystroke as one search.
      const { openSearchablePack } = await import('../main/archive/searchable-pack');
      const { warmUpEngine } = await import('../main/search/engine-warm-up');
      const queries = namedSet(b!);
      // As the app's archive worker does when it starts, before any archive is open (untimed there too).
      warmUpEngine();
      const t0 = now();
      const archive = openSearchablePack(a!);
      // As the app's worker does once a pack is open (main/api/worker/worker-thread.ts): a prefix no
      // archive's words begin with runs the searcher's code, so what follows is timed as
      // in a running app. Each query of the set is still asked once: none of its postings are cached.
      // What the app's search.query handler does for a first page (main/api/handlers.ts): the search,
      // then "did you mean" (a typo's suggestion reads passages for the word as written).
      const ask = (query: string, limit: number): number => {
        const r = archive.search({ query, limit });
        archive.suggest(query);
        return r.total;
      };
      ask(WARM_UP_QUERY, 1);
      const first_hits = ask(queries[0]!.text, 30);
      const open_first_ms = now() - t0;
      const times: Timings['times'] = [];
      for (const q of queries.slice(1)) {
        for (const text of q.kind === 'prefix' ? keystrokes(q.text) : [q.text]) {
          const t = now();
          const hits = ask(text, 30);
          times.push({ kind: q.kind, ms: now() - t, hits });
        }
      }
      out({
        open_first_ms,
        first_hits,
        times,
        rss_mb: peakRssMb(),
        heap_mb: Math.round(process.memoryUsage().heapUsed / 1048576),
      });
      archive.close();
      return;
    }
    case 'app-open': {
      // The app starts its worker and opens the embedded archive before a reader picks another one;
      // what is timed is that pick: opening the pack, then its first query (both threads' CPU too).
      const { CoreHost } = await import('../main/api/worker/host');
      const dataDir = mkdtempSync(join(tmpdir(), 'folio-bench-app-'));
      const core = new CoreHost({ workerPath: join(process.cwd(), 'out', 'cli', 'core-worker.mjs') });
      const cpu = (): number => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      };
      await core.open(null, dataDir);
      const f0 = process.resourceUsage().minorPageFault;
      const c0 = cpu();
      const t0 = now();
      await core.open(a!, dataDir);
      const first = await core.call('search.query', { query: namedSet(b!)[0]!.text, limit: 30 }, 'bench');
      const open_first_ms = now() - t0;
      const open_first_cpu_ms = cpu() - c0;
      const open_first_faults = process.resourceUsage().minorPageFault - f0;
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (!first.ok) throw new Error(first.error.message);
      out({ open_first_ms, open_first_cpu_ms, open_first_faults });
      return;
    }
    case 'serve-search': {
      // What the RSS goal names: `folio serve --archive <pack>` as a user starts it (its own
      // process, the archive worker thread as the app starts it, the embedded archive open too),
      // asked the set over HTTP one query at a time, as the web app's search box asks it. RSS is that
      // process's high-water mark (VmHWM, Linux): every thread, the HTTP server and the web app it
      // holds in memory included. This process is only the client.
      const dataDir = mkdtempSync(join(tmpdir(), 'folio-bench-serve-'));
      const serve = spawn(
        process.execPath,
        [join('bin', 'folio.cjs'), 'serve', '--archive', a!, '--port', '0', '--data-dir', dataDir],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const times: Timings['times'] = [];
      const workerTimes: Timings['times'] = [];
      let rss_mb: number | null;
      try {
        const origin = await new Promise<string>((resolve, reject) => {
          let printed = '';
          let errors = '';
          serve.stdout.on('data', (chunk: Buffer) => {
            printed += chunk.toString();
            const url = /serving at (http:\/\/[^/\s]+)/.exec(printed)?.[1];
            if (url) resolve(url);
          });
          serve.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
          serve.on('exit', (code) => reject(new Error(`folio serve exited (${code}): ${errors.trim()}`)));
          // Building the web app first (a fresh checkout) takes a minute on a slow machine; never hang the bench.
          setTimeout(() => reject(new Error('folio serve did not start within 5 minutes')), 300_000).unref();
        });
        // The set's first query opens the pack's index on the server, as the in-process mode's first
        // query does (open + first, not timed here); the rest are timed like theirs.
        const set = namedSet(b!);
        for (const [i, q] of set.entries())
          for (const text of q.kind === 'prefix' ? keystrokes(q.text) : [q.text]) {
            const t = now();
            const response = await fetch(`${origin}/api/search.query`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', origin },
              body: JSON.stringify({ query: text, limit: 30 }),
            });
            const r = (await response.json()) as {
              ok: boolean;
              value?: { total: number; tookMs: number };
              error?: { message: string };
            };
            if (!r.ok) throw new Error(r.error?.message ?? `HTTP ${response.status}`);
            if (i > 0) {
              times.push({ kind: q.kind, ms: now() - t, hits: r.value!.total });
              // What the answer took in the archive worker (search and suggestion): the rest is transport.
              workerTimes.push({ kind: q.kind, ms: r.value!.tookMs, hits: r.value!.total });
            }
          }
        const status = readFileSync(`/proc/${serve.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
        rss_mb = hwm === undefined ? null : Math.round(Number(hwm) / 1024);
      } finally {
        serve.kill('SIGTERM');
        rmSync(dataDir, { recursive: true, force: true });
      }
      out({ times, worker_times: workerTimes, rss_mb });
      return;
    }
    case 'embedded-pack': {
      const { embeddedPackPath } = await import('../main/archive/embedded');
      out({ path: embeddedPackPath() });
      return;
    }
    case 'lunr-build': {
      const { manifest, docs } = JSON.parse(readFileSync(a!, 'utf8')) as {
        manifest: { variants: string[][]; languages: string[] };
        docs: IndexDocument[];
      };
      const t0 = now();
      const index = buildLunrIndex(
        docs,
        createAnalyzer({ variants: manifest.variants, languages: manifest.languages }),
      );
      const build_ms = now() - t0;
      const json = JSON.stringify(index);
      writeFileSync(b!, json);
      out({ build_ms, pack_bytes: Buffer.byteLength(json), rss_mb: peakRssMb() });
      return;
    }
    case 'lunr': {
      const { manifest } = JSON.parse(readFileSync(b!, 'utf8')) as {
        manifest: { variants: string[][]; languages: string[] };
      };
      const analyzer: Analyzer = createAnalyzer({ variants: manifest.variants, languages: manifest.languages });
      const r = runQueries(() => {
        const engine: IndexEngine = new MemoryEngine(lunr.Index.load(JSON.parse(readFileSync(a!, 'utf8')) as object));
        return (q) => answer(engine, analyzer, q);
      }, querySet(c!));
      out(r);
      return;
    }
    case 'minisearch-build': {
      const { docs } = JSON.parse(readFileSync(a!, 'utf8')) as { docs: IndexDocument[] };
      const t0 = now();
      const ms = new MiniSearch<{ id: string } & Record<string, string>>({ fields: [...SEARCH_FIELDS], idField: 'id' });
      ms.addAll(docs.map((d) => ({ id: d.id, ...d.fields })));
      const build_ms = now() - t0;
      const json = JSON.stringify(ms);
      writeFileSync(b!, json);
      out({ build_ms, pack_bytes: Buffer.byteLength(json), rss_mb: peakRssMb() });
      return;
    }
    case 'minisearch': {
      const r = runQueries(() => {
        const ms = MiniSearch.loadJSON(readFileSync(a!, 'utf8'), { fields: [...SEARCH_FIELDS], idField: 'id' });
        return (q) =>
          ms
            .search(q.text, {
              boost: { ...FIELD_BOOSTS },
              prefix: q.kind === 'prefix' ? (_t: string, i: number, terms: string[]) => i === terms.length - 1 : false,
              fuzzy: q.kind === 'typo' ? 1 : false,
            })
            .slice(0, TOP)
            .map((x) => String(x.id));
      }, querySet(b!));
      out(r);
      return;
    }
    case 'flexsearch': {
      const { Document } = (await import('flexsearch')) as unknown as { Document: new (o: unknown) => FlexDoc };
      interface FlexDoc {
        add(doc: unknown): void;
        search(q: string, o: unknown): { field: string; result: string[] }[];
      }
      const { docs } = JSON.parse(readFileSync(a!, 'utf8')) as { docs: IndexDocument[] };
      const t0 = now();
      const flex = new Document({ document: { id: 'id', index: [...SEARCH_FIELDS] }, tokenize: 'forward' });
      for (const d of docs) flex.add({ id: d.id, ...d.fields });
      const build_ms = now() - t0;
      const r = runQueries(
        () => (q) => {
          const res = flex.search(q.text, { limit: TOP, suggest: q.kind === 'typo' || q.kind === 'multi' });
          const refs: string[] = [];
          for (const f of res) for (const id of f.result) if (!refs.includes(id) && refs.length < TOP) refs.push(id);
          return refs;
        },
        querySet(b!),
      );
      out({ ...r, build_ms });
      return;
    }
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
