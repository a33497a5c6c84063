/** `folio serve` over HTTP: routing, validation, headers, media, profiles, stale searches, failures. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveInfo, SectionView } from '../../main/api/contract';
import { buildPack } from '../../main/archive/writer/build-pack';
import type { SearchResponse } from '../../main/model/search-result';
import { BOOKMARKS_FILE } from '../../main/bookmarks/store';
import { FolioError } from '../../main/model/errors';
import { startServer, type RunningServer } from '../../main/serve/server';
import { raw as sendRaw, type Reply as SentReply } from './http-client';

const FIXTURE = join(process.cwd(), 'tests', 'e2e', 'fixture');
let dir: string;
let pack: string;
let rendererDir: string;
let server: RunningServer;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'folio-serve-'));
  pack = join(dir, 'fixture.folio');
  buildPack(FIXTURE, pack);
  rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>t</title><script type="module" src="./assets/app.js"></script>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  server = await startServer({ archivePath: pack, dataDir: join(dir, 'data'), port: 0, rendererDir });
  base = server.url.replace(/\/$/, '');
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Reply = Omit<SentReply, 'body'> & { body: string };

/** Raw HTTP (fetch would normalise paths and forbid some headers), with the body as text. */
const raw = (method: string, path: string, options: { body?: string; headers?: Record<string, string> } = {}) =>
  sendRaw(base, method, path, options).then((r): Reply => ({ ...r, body: r.text }));

const api = (method: string, payload: unknown, headers: Record<string, string> = {}): Promise<Reply> =>
  raw('POST', `/api/${method}`, {
    body: JSON.stringify(payload),
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('folio serve', () => {
  it('listens on loopback by default and reports what it opened', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.opened.info.manifest.id).toBe('folio-test-fixture');
    expect(server.opened.recovery).toBeNull();
  });

  it('serves the app with strict security headers and a profile cookie', async () => {
    const res = await raw('GET', '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(String(res.headers['set-cookie'])).toMatch(
      /^folio_profile=[0-9a-f-]{36}; Path=\/; HttpOnly; SameSite=Strict/,
    );
    expect((await raw('GET', '/assets/app.js')).headers['content-type']).toMatch(/^text\/javascript/);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00',
    '/assets/',
    '/nope.html',
  ])('never serves files outside the app: %s', async (path) => {
    const res = await raw('GET', path);
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain('secret');
  });

  it('answers API calls through the handler table', async () => {
    const res = await api('archive.info', {});
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json<ArchiveInfo>().value.kindCounts).toMatchObject({ caption: 2, media: 2 });
    expect(res.json<ArchiveInfo>().value.notices).toEqual([]);
    const search = await api('search.query', { query: 'lighthouse', seq: 3 });
    expect(search.json()).toMatchObject({ ok: true, value: { seq: 3 } });
    expect(search.json<SearchResponse>().value.results.length).toBeGreaterThan(0);
  });

  it.each([
    ['unknown method', () => api('archive.drop', {}), 400, /Unknown API method "archive.drop"/],
    [
      'bad payload',
      () => api('archive.section', { sectionId: 7 }),
      400,
      /Invalid request for archive.section: sectionId/,
    ],
    ['extra field', () => api('settings.set', { fontSize: 14, evil: true }), 400, /Invalid request for settings.set/],
    ['unknown passage', () => api('archive.passage', { passageId: 'nope' }), 404, /No passage "nope"/],
    [
      'bad JSON',
      () => raw('POST', '/api/archive.info', { body: '{', headers: { 'content-type': 'application/json' } }),
      400,
      /not valid JSON/,
    ],
    [
      'wrong content type',
      () => raw('POST', '/api/archive.info', { body: '{}', headers: { 'content-type': 'text/plain' } }),
      415,
      /Content-Type: application\/json/,
    ],
    ['GET on the API', () => raw('GET', '/api/archive.info'), 405, /POST/],
    ['cross-origin caller', () => api('bookmarks.list', {}, { origin: 'http://evil.example' }), 403, /Cross-origin/],
    ['unknown host (DNS rebinding)', () => api('archive.info', {}, { host: 'evil.example' }), 421, /Unknown host/],
  ])('rejects %s with a clear message and no stack', async (_name, call, status, message) => {
    const res = await call();
    expect(res.status).toBe(status);
    const body = res.json();
    expect(body.ok).toBe(false);
    expect(body.error?.message).toMatch(message);
    expect(res.body).not.toMatch(/\bat .*\.(ts|js):\d+|node_modules/);
  });

  it('answers a wrong method outside /api in plain text, never JSON', async () => {
    const res = await raw('PUT', '/', { body: '' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(/not allowed/);
    expect(res.body).not.toMatch(/\bat .*\.(ts|js):\d+|node_modules/);
  });

  it('refuses bodies over the size limit with 413', async () => {
    const big = JSON.stringify({ content: 'x'.repeat(22 * 1024 * 1024) });
    const res = await sendRaw(base, 'POST', '/api/bookmarks.import', {
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(res.json().error?.message).toMatch(/too large \(the limit here is 8 MiB\)/);
  });

  it('serves pack media by id, with byte ranges, and nothing by path', async () => {
    const info = (await api('archive.info', {})).json<ArchiveInfo>().value;
    const section = (await api('archive.section', { sectionId: info.firstSectionId! })).json<SectionView>().value;
    const caption = section.passages.find((p) => p.kind === 'caption' && p.media?.present)?.media;
    const missing = section.passages.find((p) => p.kind === 'caption' && !p.media?.present)?.media;
    expect(caption).toBeTruthy();
    if (!caption || !missing) return;
    const res = await raw('GET', `/media/${caption.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-security-policy']).toContain('sandbox');
    const part = await raw('GET', `/media/${caption.id}`, { headers: { range: 'bytes=0-7' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toMatch(/^bytes 0-7\/\d+$/);
    expect((await raw('GET', `/media/${caption.id}`, { headers: { range: 'bytes=999999-' } })).status).toBe(416);
    expect((await raw('GET', `/media/${missing.id}`)).status).toBe(404);
    for (const bad of ['..%2F..%2Fsecret.txt', 'a%2Fb', 'x'.repeat(200), '%ZZ', 'm%00', '..%5Csecret.txt']) {
      expect([400, 404]).toContain((await raw('GET', `/media/${bad}`)).status);
    }
    // "/media/%2e%2e" is the URL "/" after dot-segment normalisation: the app page, nothing else.
    const dots = await raw('GET', '/media/%2e%2e');
    expect(dots.body).not.toContain('secret');
    expect(String(dots.headers['content-type'])).not.toMatch(/^image|octet/);
  });

  it('keeps bookmarks per browser profile (cookie)', async () => {
    const first = await raw('GET', '/');
    const cookieA = String(first.headers['set-cookie']).split(';')[0]!;
    const cookieB = String((await raw('GET', '/')).headers['set-cookie']).split(';')[0]!;
    expect(cookieA).not.toBe(cookieB);
    const info = (await api('archive.info', {})).json<ArchiveInfo>().value;
    const section = (await api('archive.section', { sectionId: info.firstSectionId! })).json<SectionView>().value;
    const id = section.passages[1]!.id;
    expect((await api('bookmarks.set', { passageId: id, note: 'A' }, { cookie: cookieA })).status).toBe(200);
    expect((await api('bookmarks.list', {}, { cookie: cookieA })).json().value).toHaveLength(1);
    expect((await api('bookmarks.list', {}, { cookie: cookieB })).json().value).toHaveLength(0);
    // A forged, malformed cookie gets a fresh profile instead.
    const forged = await api('bookmarks.list', {}, { cookie: 'folio_profile=../../etc' });
    expect(forged.json().value).toHaveLength(0);
    expect(String(forged.headers['set-cookie'])).toMatch(/^folio_profile=[0-9a-f-]{36}/);
  });

  it('drops stale as-you-type searches but always answers the newest', async () => {
    const cookie = String((await raw('GET', '/')).headers['set-cookie']).split(';')[0]!;
    const words = ['l', 'li', 'lig', 'ligh', 'light', 'lighth', 'lightho', 'lighthou', 'lighthous', 'lighthouse'];
    const replies = await Promise.all(
      words.map((query, seq) => api('search.query', { query, seq }, { cookie, 'x-folio-client': 'tab1' })),
    );
    const last = replies[replies.length - 1]!.json();
    expect(last).toMatchObject({ ok: true, value: { seq: words.length - 1 } });
    for (const reply of replies.slice(0, -1)) {
      const body = reply.json();
      // A 200 either way: a browser would log any error status in its console.
      expect(reply.status).toBe(200);
      if (!body.ok) expect(body.error).toEqual({ code: 'superseded', message: 'Superseded by a newer search.' });
    }
  });
});

describe('folio serve failures', () => {
  it('refuses a missing pack with a one-line message', async () => {
    await expect(
      startServer({ archivePath: join(dir, 'missing.folio'), dataDir: join(dir, 'd2'), rendererDir }),
    ).rejects.toThrow(/missing\.folio/);
  });

  it('refuses a corrupt pack with a one-line message', async () => {
    const bad = join(dir, 'bad.folio');
    writeFileSync(bad, 'not a pack'.repeat(100));
    const error = await startServer({ archivePath: bad, dataDir: join(dir, 'd3'), rendererDir }).catch((e: Error) => e);
    // A FolioError is what `folio serve` prints as one plain line (cli/failure.ts's fail).
    expect(error).toBeInstanceOf(FolioError);
    expect((error as Error).message).toMatch(/bad\.folio/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('starts with a corrupt bookmarks database, says so, and works on a fresh one', async () => {
    const data = join(dir, 'corrupt-data');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, BOOKMARKS_FILE), 'garbage '.repeat(500));
    const s = await startServer({ archivePath: pack, dataDir: data, port: 0, rendererDir });
    try {
      expect(s.opened.recovery?.message).toMatch(/damaged.*moved aside/);
      const res = await fetch(`${s.url}api/bookmarks.list`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(await res.json()).toEqual({ ok: true, value: [] });
      // The browser page is told too, not only the terminal.
      const info = await fetch(`${s.url}api/archive.info`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      const notices = ((await info.json()) as { value: { notices: string[] } }).value.notices;
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/bookmarks database was damaged/);
      expect(notices[0]).toContain(s.opened.recovery!.movedTo);
    } finally {
      await s.close();
    }
  });
});
