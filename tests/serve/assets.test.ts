/// <reference lib="dom" />
// One callback runs in the browser page (page.evaluate), so this file also sees DOM types.
/**
 * What `folio serve` sends outside the API: the reader's production build, precompressed, with the
 * right caching; the reader's own page (404) for unknown paths; never JSON. And the reader itself,
 * opened at http://localhost:PORT in Chromium, works (it used to get 403 on every call there).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../main/archive/writer/build-pack';
import { projectRoot } from '../../main/paths';
import { BUILD_STAMP, readBuildStamp, rendererIsStale } from '../../main/serve/renderer-build';
import { startServer, type RunningServer } from '../../main/serve/server';
import { CHROMIUM, CHROMIUM_ARGS, chromiumMissing } from '../e2e/harness';
import { tempDir } from '../helpers/temp';
import { api, raw } from './http-client';

const dir = tempDir('folio-serve-assets-');
const pack = join(dir, 'fixture.folio');
const SCRIPT = `console.log(${JSON.stringify('the reader '.repeat(200))});\n`;
const STYLE = `body { color: #222; }\n${'.x { margin: 0; }\n'.repeat(100)}`;

describe('assets of a build', () => {
  let server: RunningServer;
  let base: string;
  const rendererDir = join(dir, 'renderer');

  beforeAll(async () => {
    buildPack(join(process.cwd(), 'tests', 'e2e', 'fixture'), pack);
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(
      join(rendererDir, 'index.html'),
      `<!doctype html><title>Folio</title><script type="module" src="./assets/app-AbCd1234.js"></script>` +
        `<link rel="stylesheet" href="./assets/app-Zz9_-xY0.css">${'<!-- padding -->'.repeat(40)}`,
    );
    writeFileSync(join(rendererDir, 'assets', 'app-AbCd1234.js'), SCRIPT);
    // As the build writes it: the served brotli form is this file, not one made at start.
    writeFileSync(join(rendererDir, 'assets', 'app-AbCd1234.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(join(rendererDir, 'assets', 'app-Zz9_-xY0.css'), STYLE);
    writeFileSync(
      join(rendererDir, 'icon.png'),
      readFileSync(join(process.cwd(), 'tests', 'e2e', 'fixture', 'media', 'lighthouse.png')),
    );
    server = await startServer({ archivePath: pack, dataDir: join(dir, 'data'), port: 0, rendererDir });
    base = server.url;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('sends brotli or gzip as the client accepts, with Content-Encoding and Vary', async () => {
    const cases: [string | undefined, string | undefined][] = [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=0.5, br;q=0.1', 'gzip'],
      ['*', 'br'],
      [undefined, undefined],
      ['identity', undefined],
    ];
    for (const [accept, encoding] of cases) {
      const res = await raw(
        base,
        'GET',
        '/assets/app-AbCd1234.js',
        accept ? { headers: { 'accept-encoding': accept } } : {},
      );
      expect(res.status, accept).toBe(200);
      expect(res.headers['content-encoding'], accept).toBe(encoding);
      expect(res.headers.vary, accept).toBe('Accept-Encoding');
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      const body =
        encoding === 'br' ? brotliDecompressSync(res.body) : encoding === 'gzip' ? gunzipSync(res.body) : res.body;
      expect(body.toString(), accept).toBe(SCRIPT);
    }
    const br = await raw(base, 'GET', '/assets/app-AbCd1234.js', { headers: { 'accept-encoding': 'br' } });
    expect(br.body.equals(readFileSync(join(rendererDir, 'assets', 'app-AbCd1234.js.br')))).toBe(true);
    // Images are compressed already: sent as they are, with no Vary.
    const png = await raw(base, 'GET', '/icon.png', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers.vary).toBeUndefined();
  });

  it('compresses API answers worth it in the encoding the client takes, and small ones not at all', async () => {
    const ask = (method: string, accept?: string) =>
      raw(base, 'POST', `/api/${method}`, {
        body: JSON.stringify({ query: 'the harbour lighthouse ferry', limit: 50 }),
        headers: { 'content-type': 'application/json', ...(accept ? { 'accept-encoding': accept } : {}) },
      });
    const plain = await ask('search.query');
    expect(plain.headers['content-encoding']).toBeUndefined();
    type Answer = { ok: boolean; value: { total: number; results: unknown[] } };
    const answer = JSON.parse(plain.body.toString()) as Answer;
    expect(answer.ok).toBe(true);
    expect(plain.body.length).toBeGreaterThan(1024);
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const res = await ask('search.query', accept);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding'], accept).toBe(encoding);
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      expect(res.body.length).toBeLessThan(plain.body.length);
      // The same answer (only the time it took may differ).
      const decoded = JSON.parse(decode(res.body).toString()) as Answer;
      expect(decoded.value.total, accept).toBe(answer.value.total);
      expect(decoded.value.results, accept).toEqual(answer.value.results);
    }
    // A one-line answer (here a refusal) is not worth a compressor's header.
    const small = await ask('no.such.method', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toMatchObject({ ok: false });
  });

  it('compresses a big answer too (on the thread pool) and sends it whole', async () => {
    // One passage of about 100 KB: its section passes 64 KB (a search sends only its snippet).
    const source = join(dir, 'long-source');
    mkdirSync(source, { recursive: true });
    const words = 'the harbour lighthouse ferry crossed at dawn '.repeat(2300).trim();
    writeFileSync(join(source, 'long.html'), `<!doctype html><title>Long</title><h1>Long</h1><p>${words}</p>`);
    const longPack = join(dir, 'long.folio');
    buildPack(source, longPack);
    const long = await startServer({ archivePath: longPack, dataDir: join(dir, 'long-data'), port: 0, rendererDir });
    try {
      const sections = await raw(long.url, 'POST', '/api/archive.sections', {
        body: '{}',
        headers: { 'content-type': 'application/json' },
      });
      const sectionId = (JSON.parse(sections.body.toString()) as { value: { id: string }[] }).value[0]!.id;
      const ask = (accept: string) =>
        raw(long.url, 'POST', '/api/archive.section', {
          body: JSON.stringify({ sectionId }),
          headers: { 'content-type': 'application/json', 'accept-encoding': accept },
        });
      const plain = await ask('identity');
      expect(plain.body.length).toBeGreaterThan(64 * 1024);
      const answer = JSON.parse(plain.body.toString()) as { value: { passages: { text: string }[] } };
      expect(answer.value.passages.map((p) => p.text)).toContain(words);
      for (const [accept, decode] of [
        ['br', brotliDecompressSync],
        ['gzip', gunzipSync],
      ] as const) {
        const res = await ask(accept);
        expect(res.headers['content-encoding']).toBe(accept);
        expect(res.body.length).toBeLessThan(plain.body.length / 10);
        const decoded = JSON.parse(decode(res.body).toString()) as typeof answer;
        expect(decoded.value.passages).toEqual(answer.value.passages);
      }
    } finally {
      await long.close();
    }
  });

  it('caches hashed assets as immutable and revalidates the rest by ETag', async () => {
    const js = await raw(base, 'GET', '/assets/app-Zz9_-xY0.css');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await raw(base, 'GET', '/', { headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers['cache-control']).toBe('no-cache');
    const etag = String(page.headers.etag);
    expect(etag).toMatch(/^"[\w-]+-gzip"$/);
    const again = await raw(base, 'GET', '/', { headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // Another encoding is another representation: its own ETag, so no 304 across them.
    expect((await raw(base, 'GET', '/', { headers: { 'if-none-match': etag } })).status).toBe(200);
    const head = await raw(base, 'HEAD', '/icon.png');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
  });

  it('serves index.html with its assets from "/", so it works at any path', async () => {
    const page = (await raw(base, 'GET', '/')).text;
    expect(page).toContain('src="/assets/app-AbCd1234.js"');
    expect(page).toContain('href="/assets/app-Zz9_-xY0.css"');
    expect(page).not.toContain('"./assets');
  });

  it("answers an unknown path with the reader's page and 404, and JSON only under /api", async () => {
    for (const path of ['/nope', '/a/b/c', '/assets/', '/assets/missing.js', '/media/unknown-id', '/index.htm']) {
      const res = await raw(base, 'GET', path);
      expect(res.status, path).toBe(404);
      expect(res.headers['content-type'], path).toBe('text/html; charset=utf-8');
      expect(res.text, path).toContain('<title>Folio</title>');
    }
    for (const [method, path] of [
      ['GET', '/api/archive.info'],
      ['POST', '/api/no.such'],
    ] as const) {
      const res = await raw(
        base,
        method,
        path,
        method === 'POST' ? { body: '{}', headers: { 'content-type': 'application/json' } } : {},
      );
      expect(res.headers['content-type'], path).toBe('application/json; charset=utf-8');
      expect(res.json().ok).toBe(false);
    }
    expect((await api(base, 'archive.info', {})).headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('reads fonts and images from the build when asked, holding only text in memory', async () => {
    const icon = join(rendererDir, 'icon.png');
    const bytes = readFileSync(icon);
    const sent = await raw(base, 'GET', '/icon.png', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(sent.status).toBe(200);
    expect(sent.headers['content-encoding']).toBeUndefined();
    expect(sent.body.equals(bytes)).toBe(true);
    // Gone from the build while serving: a file held in memory would still be sent; this one is not,
    // and the reader is told why in one line. Text is still sent, from memory.
    renameSync(icon, `${icon}.moved`);
    try {
      const gone = await raw(base, 'GET', '/icon.png');
      expect(gone.status).toBe(503);
      expect(gone.text).toBe('The web app changed on disk; restart folio serve.\n');
      expect((await raw(base, 'GET', '/assets/app-Zz9_-xY0.css')).text).toBe(STYLE);
    } finally {
      renameSync(`${icon}.moved`, icon);
    }
    expect((await raw(base, 'GET', '/icon.png')).body.equals(bytes)).toBe(true);
  });
});

describe('the production build', () => {
  let server: RunningServer;
  const outDir = join(projectRoot(), 'out', 'renderer');

  beforeAll(async () => {
    server = await startServer({ archivePath: pack, dataDir: join(dir, 'data-prod'), port: 0 });
  }, 240_000);
  afterAll(async () => {
    await server?.close();
  });

  it('is what serve sends, even from a process whose NODE_ENV is "test"', async () => {
    // vitest's own setting: the one that once made Vite build React's development bundle.
    expect(process.env.NODE_ENV).toBe('test');
    expect(readBuildStamp(outDir)?.mode).toBe('production');
    expect(rendererIsStale(outDir)).toBe(false);
    const page = await raw(server.url, 'GET', '/');
    const scripts = [...page.text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src).toMatch(/^\/assets\/.+-[\w-]{8,}\.js$/);
      const js = await raw(server.url, 'GET', src, { headers: { 'accept-encoding': 'br' } });
      expect(js.headers['content-encoding']).toBe('br');
      expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const code = brotliDecompressSync(js.body).toString('utf8');
      expect(code).not.toContain('Download the React DevTools');
      expect(code).not.toContain('react-dom.development');
      expect(code).not.toMatch(/process\.env\.NODE_ENV/);
      // Precompressed at build time, and smaller by far.
      expect(js.body.equals(readFileSync(join(outDir, `${src.slice(1)}.br`)))).toBe(true);
      expect(js.body.length).toBeLessThan(code.length / 3);
    }
  });

  it('counts as stale, to be rebuilt, without the production stamp', () => {
    const copy = join(dir, 'stamped');
    mkdirSync(copy, { recursive: true });
    writeFileSync(join(copy, 'index.html'), readFileSync(join(outDir, 'index.html')));
    expect(rendererIsStale(copy)).toBe(true); // no stamp: a build of unknown mode, say from `vite` run by hand
    writeFileSync(join(copy, BUILD_STAMP), JSON.stringify({ mode: 'development', builtAt: new Date().toISOString() }));
    expect(rendererIsStale(copy)).toBe(true);
    writeFileSync(join(copy, BUILD_STAMP), readFileSync(join(outDir, BUILD_STAMP)));
    expect(rendererIsStale(copy)).toBe(false);
  });

  it.skipIf(!!chromiumMissing)('works in Chromium at http://localhost:PORT', async () => {
    const port = new URL(server.url).port;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
    try {
      const page = await browser.newPage();
      const failures: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
      });
      page.on('console', (m) => {
        if (m.type() === 'error' || /React DevTools/.test(m.text())) failures.push(m.text());
      });
      await page.goto(`http://localhost:${port}/`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.getByRole('searchbox', { name: 'Search the archive' }).fill('lighthouse');
      await page.locator('.result').first().waitFor();
      expect(failures).toEqual([]);

      // A path the server does not have: the reader's own not-found page, and a way back to the contents.
      const lost = await browser.newPage();
      const response = await lost.goto(`http://localhost:${port}/no/such/page`);
      expect(response?.status()).toBe(404);
      await lost.getByRole('heading', { name: 'Not found' }).waitFor();
      await lost.getByRole('link', { name: 'Back to the contents' }).click();
      await lost.locator('#archive-title').waitFor();
      expect(new URL(lost.url()).pathname).toBe('/');
    } finally {
      await browser.close();
    }
  });
});
