/**
 * Host and Origin checks: DNS rebinding and cross-site calls refused on a network bind, the reader
 * usable at localhost and at the machine's own names. The server listens on 0.0.0.0, but every
 * request goes to 127.0.0.1: a forged Host or Origin header is what a rebinding page would send.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../main/archive/writer/build-pack';
import { SetupError } from '../../main/model/errors';
import { allowedHostName, HostPolicy, parseHostHeader } from '../../main/serve/host-policy';
import { interfaceAddresses } from '../../main/serve/network-addresses';
import { startServer, type RunningServer } from '../../main/serve/server';
import { tempDir } from '../helpers/temp';
import { api, raw } from './http-client';

const FIXTURE = join(process.cwd(), 'tests', 'e2e', 'fixture');
const dir = tempDir('folio-serve-hosts-');
let lan: RunningServer;
let loopback: RunningServer;
let port: number;
let loopbackPort: number;

beforeAll(async () => {
  const pack = join(dir, 'fixture.folio');
  buildPack(FIXTURE, pack);
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Folio</title>');
  lan = await startServer({
    archivePath: pack,
    dataDir: join(dir, 'data'),
    host: '0.0.0.0',
    port: 0,
    rendererDir,
    allowHosts: ['folio.lan', 'Classroom.Example.'],
  });
  loopback = await startServer({ archivePath: pack, dataDir: join(dir, 'data2'), port: 0, rendererDir });
  port = Number(new URL(lan.url).port);
  loopbackPort = Number(new URL(loopback.url).port);
});
afterAll(async () => {
  await lan?.close();
  await loopback?.close();
});

/** A request to 127.0.0.1 that claims to be for `host` (and, when given, from `origin`). */
function as(server: RunningServer, host: string, origin?: string): Promise<{ status: number; body: string }> {
  return api(server.url, 'bookmarks.list', {}, { host, ...(origin ? { origin } : {}) }).then((r) => ({
    status: r.status,
    body: r.text,
  }));
}

describe('on a network bind (0.0.0.0)', () => {
  it('listens on every interface but names loopback as its own URL', () => {
    expect(lan.url).toBe(`http://127.0.0.1:${port}/`);
    expect(lan.lan).toBe(true);
  });

  it('refuses a DNS-rebinding request (forged Host and Origin) with 421, for the API and the page', async () => {
    // The request of the issue: it used to answer 200 and save a bookmark.
    const set = await api(
      lan.url,
      'bookmarks.set',
      { passageId: 'p083f5e22246c' },
      { host: `evil.example:${port}`, origin: `http://evil.example:${port}` },
    );
    expect(set.status).toBe(421);
    expect(set.json().error?.message).toMatch(/Unknown host name/);
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      `127.0.0.1.evil.example:${port}`,
      `localhost:${port + 1}`,
    ]) {
      expect((await as(lan, host)).status, host).toBe(421);
      const page = await raw(lan.url, 'GET', '/', { headers: { host } });
      expect(page.status, host).toBe(421);
      expect(page.headers['content-type']).toMatch(/^text\/plain/);
    }
  });

  it('answers localhost, loopback addresses, its host name, <hostname>.local and --allow-host names', async () => {
    const names = [
      'localhost',
      '127.0.0.1',
      '127.1.2.3',
      '[::1]',
      hostname(),
      `${hostname().split('.')[0]}.local`,
      'folio.lan',
      'classroom.example',
      'LOCALHOST',
    ];
    for (const name of names) {
      const reply = await as(lan, `${name}:${port}`, `http://${name.toLowerCase()}:${port}`);
      expect(reply.status, name).toBe(200);
    }
  });

  it("answers the machine's own interface addresses", async (context) => {
    const own = interfaceAddresses();
    if (own.length === 0) context.skip(); // a machine with no network interface up: nothing to check
    for (const { address, family } of own) {
      const name = family === 'IPv6' ? `[${address}]` : address;
      expect((await as(lan, `${name}:${port}`, `http://${name}:${port}`)).status, name).toBe(200);
    }
  });

  it('refuses any Origin but its own, so cross-site pages cannot call the API', async () => {
    const host = `localhost:${port}`;
    for (const origin of [
      `http://evil.example:${port}`,
      'null',
      `https://localhost:${port}`,
      `http://localhost:${port + 1}`,
      `http://localhost:${port}/path`,
      'garbage',
    ]) {
      const reply = await as(lan, host, origin);
      expect(reply.status, origin).toBe(403);
      expect(reply.body).toMatch(/Cross-origin/);
    }
    const crossSite = await api(lan.url, 'bookmarks.list', {}, { host, 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    // A form from another site cannot send JSON without a preflight, and gets 415 for anything else.
    const form = await raw(lan.url, 'POST', '/api/bookmarks.set', {
      body: 'passageId=x',
      headers: { host, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
  });
});

describe('on loopback (the default)', () => {
  it('answers localhost and loopback addresses only', async () => {
    expect((await as(loopback, `localhost:${loopbackPort}`, `http://localhost:${loopbackPort}`)).status).toBe(200);
    expect((await as(loopback, `[::1]:${loopbackPort}`)).status).toBe(200);
    expect((await as(loopback, `${hostname()}:${loopbackPort}`)).status).toBe(421);
    expect((await as(loopback, `evil.example:${loopbackPort}`)).status).toBe(421);
  });
});

describe('HostPolicy', () => {
  const interfaces = () => ({
    wlan0: [
      { address: '10.42.0.1', family: 'IPv4' as const, internal: false, netmask: '', mac: '', cidr: null },
      {
        address: 'fe80::1%wlan0',
        family: 'IPv6' as const,
        internal: false,
        netmask: '',
        mac: '',
        cidr: null,
        scopeid: 3,
      },
    ],
  });

  it('takes interface addresses, the host name and <hostname>.local on a network bind only', () => {
    const open = new HostPolicy({ bindHost: '0.0.0.0', port: 8080, hostname: 'Teacher-Laptop', interfaces });
    for (const host of ['10.42.0.1:8080', '[fe80::1]:8080', 'teacher-laptop:8080', 'teacher-laptop.local:8080'])
      expect(open.allowsHost(host), host).toBe(true);
    expect(open.allowsHost('10.42.0.2:8080')).toBe(false);
    expect(open.allowsOrigin('http://10.42.0.1:8080')).toBe(true);
    expect(open.allowsOrigin('http://10.42.0.2:8080')).toBe(false);
    const closed = new HostPolicy({ bindHost: '127.0.0.1', port: 8080, hostname: 'teacher-laptop', interfaces });
    expect(closed.allowsHost('teacher-laptop:8080')).toBe(false);
    expect(closed.allowsHost('10.42.0.1:8080')).toBe(false);
    expect(closed.allowsHost('localhost:8080')).toBe(true);
  });

  it('takes port 80 without a port in the Host header, and only then', () => {
    expect(new HostPolicy({ bindHost: '127.0.0.1', port: 80 }).allowsHost('localhost')).toBe(true);
    expect(new HostPolicy({ bindHost: '127.0.0.1', port: 8080 }).allowsHost('localhost')).toBe(false);
    expect(new HostPolicy({ bindHost: '127.0.0.1', port: 80 }).allowsOrigin('http://localhost')).toBe(true);
  });

  it('parses Host headers and --allow-host names strictly', () => {
    expect(parseHostHeader('Example.COM.:8080')).toEqual({ name: 'example.com', port: 8080 });
    expect(parseHostHeader('[::1]:80')).toEqual({ name: '[::1]', port: 80 });
    expect(parseHostHeader('a b')).toBeNull();
    expect(parseHostHeader('user@host')).toBeNull();
    expect(allowedHostName('Folio.LAN.')).toBe('folio.lan');
    expect(allowedHostName('::1')).toBe('[::1]');
    for (const bad of ['folio.lan:8080', 'http://folio.lan', 'a/b', '', 'x'.repeat(300)]) {
      expect(() => allowedHostName(bad), bad).toThrow(SetupError);
    }
  });

  it('refuses to start with a bad --allow-host, saying which', async () => {
    await expect(
      startServer({
        archivePath: join(dir, 'fixture.folio'),
        dataDir: join(dir, 'd3'),
        rendererDir: join(dir, 'renderer'),
        allowHosts: ['http://evil'],
      }),
    ).rejects.toThrow(/--allow-host "http:\/\/evil" is not a host name/);
  });
});
