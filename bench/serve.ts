/**
 * `npm run bench:serve [-- --seconds N] [-- --json]`: `folio serve` under load, beside kiwix-serve.
 *
 * Drives the search API of `folio serve` (the embedded archive, as `npx folio serve` runs it) at 10,
 * 50 and 200 connections with a fixed mix of queries (bench/queries.ts: single words, several words,
 * prefixes, typos), first alone and then while 200 idle sockets are held open and 10 MB bodies are
 * being sent and refused; then, where kiwix-tools and zim-tools are installed, kiwix-serve's search
 * on a ZIM of the same archive (pages made from the pack, built with zimwriterfs) with the same
 * queries. Reports requests/s, p50, p99, errors and the server's peak RSS, and checks the goals.
 *
 * Bounded: every run lasts --seconds (default 10, at most 60) and at most 200,000 requests; traffic
 * goes to 127.0.0.1 only; every process it starts is stopped at the end.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embeddedPackPath } from '../main/archive/embedded';
import { openPack } from '../main/archive/pack';
import { squarePng } from './png';
import { KOREAN_WAR_QUERIES } from './queries';
import { runLoad, type LoadRequest, type LoadResult } from './serve-load';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const JSON_OUT = args.includes('--json');
const SECONDS = Math.min(60, Math.max(2, Number(args[args.indexOf('--seconds') + 1]) || 10));
const MAX_REQUESTS = 200_000;
const LEVELS = [10, 50, 200];
const HOST = '127.0.0.1';
const work = join(tmpdir(), 'folio-bench-serve');
const QUERIES = KOREAN_WAR_QUERIES.map((q) => q.text);

const log = (m: string): void => {
  process.stderr.write(`${m}\n`);
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Row {
  server: string;
  conditions: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  peakRssMb: number;
  refused?: number;
}

/** The largest resident set of `pid` seen while `run` goes on (sampled every 100 ms from /proc). */
async function withPeakRss<T>(pid: number, run: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = 0;
  const sample = (): void => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb);
    } catch {
      // the process is gone: the run reports its errors
    }
  };
  sample();
  const timer = setInterval(sample, 100);
  try {
    const value = await run();
    sample();
    return { value, peakMb: Math.round(peak / 1024) };
  } finally {
    clearInterval(timer);
  }
}

function load(port: number, connections: number, next: () => LoadRequest): Promise<LoadResult> {
  return runLoad({ host: HOST, port, connections, seconds: SECONDS, maxRequests: MAX_REQUESTS, next });
}

function rowOf(server: string, conditions: string, connections: number, r: LoadResult, peakRssMb: number): Row {
  return { server, conditions, connections, ...r, peakRssMb };
}

/** Starts a process and waits for a line of its stdout to match; the process is stopped on failure. */
function startProcess(
  command: string,
  argv: string[],
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(command, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} did not start in 120 s: ${out.slice(-500)}`));
    }, 120_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString('utf8');
      const match = ready.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveStart({ child, match });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} stopped (exit ${code}): ${out.slice(-500)}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Starts bench/serve-abuser.ts against `port` for `seconds`; resolves with what it did. */
function abuse(port: number, seconds: number): Promise<{ refused: number; idleOpen: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench', 'serve-abuser.ts'), String(port), String(seconds)],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  return new Promise((resolveAbuse, reject) => {
    child.once('exit', (code) => {
      try {
        resolveAbuse(JSON.parse(out) as { refused: number; idleOpen: number });
      } catch {
        reject(new Error(`the abuser failed (exit ${code})`));
      }
    });
  });
}

/** Pages of the pack, one per section, for zimwriterfs: the same text Folio searches. */
function htmlOfPack(pack: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const reader = openPack(pack);
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const links: string[] = [];
  reader.sections().forEach((section, i) => {
    const body = reader
      .passagesOfSection(section.id)
      .map((p) => (p.kind === 'heading' ? `<h2>${esc(p.text)}</h2>` : `<p>${esc(p.text)}</p>`))
      .join('\n');
    writeFileSync(
      join(dir, `s${i}.html`),
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(section.title)}</title></head><body><h1>${esc(section.title)}</h1>\n${body}</body></html>`,
    );
    links.push(`<li><a href="s${i}.html">${esc(section.title)}</a></li>`);
  });
  reader.close();
  writeFileSync(
    join(dir, 'index.html'),
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Folio bench</title></head><body><ul>${links.join('')}</ul></body></html>`,
  );
  writeFileSync(join(dir, 'illustration.png'), squarePng());
}

const has = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

async function benchFolio(pack: string, rows: Row[]): Promise<void> {
  const dataDir = join(work, 'data');
  rmSync(dataDir, { recursive: true, force: true });
  const { child, match } = await startProcess(
    process.execPath,
    [join(root, 'bin', 'folio.cjs'), 'serve', '--archive', pack, '--port', '0', '--data-dir', dataDir],
    /Folio is serving at http:\/\/127\.0\.0\.1:(\d+)\//,
  );
  const port = Number(match[1]);
  // A browser sends its profile cookie with every call: take one from the reader's page.
  const cookie = await new Promise<string>((done, reject) => {
    const req = httpRequest({ host: HOST, port, path: '/' }, (res) => {
      res.resume();
      done(String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '');
    });
    req.on('error', reject);
    req.end();
  });
  let n = 0;
  const next = (): LoadRequest => ({
    method: 'POST',
    path: '/api/search.query',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query: QUERIES[n++ % QUERIES.length], limit: 30 }),
  });
  try {
    await load(port, 10, next); // warm up: page cache, JIT
    for (const connections of LEVELS) {
      for (const conditions of ['alone', '200 idle sockets, 10 MB bodies refused'] as const) {
        const hostile = conditions === 'alone' ? null : abuse(port, SECONDS + 1);
        if (hostile) await sleep(500); // the sockets are open and the first uploads under way
        const { value, peakMb } = await withPeakRss(child.pid!, () => load(port, connections, next));
        const row = rowOf('folio serve', conditions, connections, value, peakMb);
        if (hostile) {
          const { refused, idleOpen } = await hostile;
          row.refused = refused;
          if (idleOpen < 200) log(`  only ${idleOpen} of 200 idle sockets were open at the end`);
        }
        log(
          `  folio serve, ${conditions}, ${connections} connections: ${row.requestsPerSecond} req/s, p99 ${row.p99} ms`,
        );
        rows.push(row);
      }
    }
  } finally {
    await stop(child);
  }
}

async function benchKiwix(pack: string, rows: Row[]): Promise<string | null> {
  if (!has('kiwix-serve') || !has('zimwriterfs')) {
    return 'kiwix-serve or zimwriterfs not installed (apt-get install -y kiwix-tools zim-tools); skipped';
  }
  const html = join(work, 'html');
  htmlOfPack(pack, html);
  const zim = join(work, 'korean-war.zim');
  rmSync(zim, { force: true });
  const built = spawnSync(
    'zimwriterfs',
    [
      '--welcome=index.html',
      '--illustration=illustration.png',
      '--language=eng',
      '--title=korean-war',
      '--description=Folio benchmark corpus',
      '--creator=Folio bench',
      '--publisher=Folio bench',
      '--name=korean-war',
      html,
      zim,
    ],
    { encoding: 'utf8' },
  );
  if (built.status !== 0) return `zimwriterfs failed: ${built.stderr.trim().split('\n').pop()}`;
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn('kiwix-serve', ['--address', HOST, '--port', String(port), zim], { stdio: 'ignore' });
  try {
    // The search URL of this kiwix-serve: books.name (libkiwix 10+) or content (older).
    let form: string | null = null;
    for (let i = 0; i < 100 && !form; i++) {
      for (const candidate of ['books.name', 'content']) {
        const status = await new Promise<number>((done) => {
          const req = httpRequest(
            { host: HOST, port, path: `/search?${candidate}=korean-war&pattern=Pusan` },
            (res) => {
              res.resume();
              done(res.statusCode ?? 0);
            },
          );
          req.on('error', () => done(0));
          req.end();
        });
        if (status === 200) form = candidate;
      }
      if (!form) await sleep(100);
    }
    if (!form) return 'kiwix-serve did not answer a search; skipped';
    let n = 0;
    const next = (): LoadRequest => ({
      method: 'GET',
      path: `/search?${form}=korean-war&pattern=${encodeURIComponent(QUERIES[n++ % QUERIES.length]!)}`,
    });
    await load(port, 10, next);
    for (const connections of LEVELS) {
      const { value, peakMb } = await withPeakRss(child.pid!, () => load(port, connections, next));
      const row = rowOf('kiwix-serve', 'alone', connections, value, peakMb);
      log(`  kiwix-serve, ${connections} connections: ${row.requestsPerSecond} req/s, p99 ${row.p99} ms`);
      rows.push(row);
    }
    return null;
  } finally {
    await stop(child);
  }
}

function table(rows: Row[]): string {
  const lines = [
    '| server | conditions | connections | requests/s | p50 | p99 | errors | peak RSS |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.server} | ${r.conditions}${r.refused !== undefined ? ` (${r.refused} refused)` : ''} | ${r.connections} | ${r.requestsPerSecond.toLocaleString('en-US')} | ${r.p50} ms | ${r.p99} ms | ${r.errors} | ${r.peakRssMb} MB |`,
    );
  }
  return lines.join('\n');
}

function goals(rows: Row[]): string[] {
  const find = (server: string, conditions: string, connections: number): Row | undefined =>
    rows.find((r) => r.server === server && r.conditions.startsWith(conditions) && r.connections === connections);
  const hostile = find('folio serve', '200 idle', 50);
  const kiwix = find('kiwix-serve', 'alone', 50);
  const out: string[] = [];
  const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  const folioRows = rows.filter((r) => r.server === 'folio serve');
  out.push(
    `0 errors: ${folioRows.reduce((n, r) => n + r.errors, 0)} errors → ${verdict(folioRows.every((r) => r.errors === 0))}`,
  );
  if (hostile) out.push(`p99 ≤ 250 ms at 50 connections (hostile): ${hostile.p99} ms → ${verdict(hostile.p99 <= 250)}`);
  if (hostile && kiwix) {
    out.push(
      `requests/s at 50 connections ≥ kiwix-serve's: ${hostile.requestsPerSecond} vs ${kiwix.requestsPerSecond} → ${verdict(hostile.requestsPerSecond >= kiwix.requestsPerSecond)}`,
    );
  }
  return out;
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`;
  log(`machine: ${machine}; ${SECONDS} s per run, at most ${MAX_REQUESTS.toLocaleString('en-US')} requests`);
  const pack = embeddedPackPath();
  const rows: Row[] = [];
  log('folio serve (the embedded archive)');
  await benchFolio(pack, rows);
  log('kiwix-serve (a ZIM of the same archive)');
  const kiwixNote = await benchKiwix(pack, rows);
  if (kiwixNote) log(`  ${kiwixNote}`);
  const report = { machine, seconds: SECONDS, queries: QUERIES.length, rows, goals: goals(rows), kiwix: kiwixNote };
  if (JSON_OUT) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  process.stdout.write(`${table(rows)}\n\n${report.goals.join('\n')}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`bench:serve failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
