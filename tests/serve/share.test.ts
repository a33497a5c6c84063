/**
 * Sharing a reader with a classroom: the URLs `folio serve` prints and answers in `share.info`, and
 * QR codes of the first that a phone can scan — checked by decoding them with jsQR, from the very
 * characters drawn in the terminal and from the SVG the reader's Share view gets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { NetworkInterfaceInfo } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShareInfo } from '../../main/api/contract';
import { buildPack } from '../../main/archive/writer/build-pack';
import { serveBanner } from '../../main/serve/banner';
import { shareAddresses, type InterfaceTable } from '../../main/serve/network-addresses';
import { QUIET_ZONE, qrSvg, qrTerminal } from '../../main/serve/qr-code';
import { startServer, type RunningServer } from '../../main/serve/server';
import { tempDir } from '../helpers/temp';
import { api } from './http-client';

const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo =>
  family === 'IPv4'
    ? { address, family, internal, netmask: '', mac: '', cidr: null }
    : { address, family, internal, netmask: '', mac: '', cidr: null, scopeid: 0 };

const TABLE: InterfaceTable = {
  lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
  eth0: [nic('203.0.113.7', 'IPv4'), nic('2001:db8::7', 'IPv6'), nic('fe80::7%eth0', 'IPv6')],
  wlan0: [nic('10.42.0.1', 'IPv4')],
  usb0: [nic('169.254.3.4', 'IPv4')],
};

/** Decodes a module grid (true = dark) drawn at 4 px a module, as a camera would see it. */
function decode(grid: boolean[][]): string | null {
  const scale = 4;
  const size = grid.length * scale;
  const pixels = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = grid[Math.floor(y / scale)]![Math.floor(x / scale)] ? 0 : 255;
      pixels.set([v, v, v, 255], (y * size + x) * 4);
    }
  }
  return jsQR(pixels, size, size)?.data ?? null;
}

/** The grid back from the terminal drawing: each character cell holds an upper and a lower module. */
function gridOfTerminal(text: string): boolean[][] {
  const rows = text
    .trimEnd()
    .split('\n')
    // eslint-disable-next-line no-control-regex -- the ANSI colour codes around each line are what it strips
    .map((line) => line.replace(/\x1b\[[0-9;]*m/g, ''));
  const grid: boolean[][] = [];
  for (const row of rows) {
    const cells = [...row];
    grid.push(cells.map((c) => c === '█' || c === '▀'));
    grid.push(cells.map((c) => c === '█' || c === '▄'));
  }
  return grid;
}

/** The grid back from the SVG: each "M x y h n v1 h-n z" is a run of n dark modules. */
function gridOfSvg(svg: string): boolean[][] {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
  const grid = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  for (const [, x, y, n] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let i = 0; i < Number(n); i++) grid[Number(y)]![Number(x) + i] = true;
  }
  return grid;
}

describe('share URLs', () => {
  it('lists one URL per reachable address for 0.0.0.0: private IPv4 first, never loopback or IPv6', () => {
    expect(shareAddresses('0.0.0.0', 8080, TABLE)).toEqual([
      { url: 'http://10.42.0.1:8080/', interfaceName: 'wlan0' },
      { url: 'http://203.0.113.7:8080/', interfaceName: 'eth0' },
      { url: 'http://169.254.3.4:8080/', interfaceName: 'usb0' },
    ]);
  });

  it('adds global IPv6 for "::", never link-local (no URL can carry its zone)', () => {
    expect(shareAddresses('::', 8080, TABLE).map((a) => a.url)).toEqual([
      'http://10.42.0.1:8080/',
      'http://203.0.113.7:8080/',
      'http://[2001:db8::7]:8080/',
      'http://169.254.3.4:8080/',
    ]);
  });

  it('gives the one URL of a given address, and none for loopback', () => {
    expect(shareAddresses('10.42.0.1', 80, TABLE)).toEqual([{ url: 'http://10.42.0.1:80/', interfaceName: null }]);
    expect(shareAddresses('2001:db8::7', 8080, TABLE)).toEqual([
      { url: 'http://[2001:db8::7]:8080/', interfaceName: null },
    ]);
    expect(shareAddresses('127.0.0.1', 8080, TABLE)).toEqual([]);
    expect(shareAddresses('localhost', 8080, TABLE)).toEqual([]);
  });
});

describe('QR codes', () => {
  const url = 'http://10.42.0.1:8080/';

  it('draws a code in the terminal that scans back to the URL, black on white with a quiet zone', () => {
    const drawn = qrTerminal(url);
    expect(drawn).toContain('\x1b[47m\x1b[30m');
    const grid = gridOfTerminal(drawn);
    expect(decode(grid)).toBe(url);
    // The quiet zone: the outer four modules are light on every side.
    for (let i = 0; i < QUIET_ZONE; i++) {
      expect(grid[i]!.some(Boolean)).toBe(false);
      expect(grid.every((row) => !row[i])).toBe(true);
    }
  });

  it('gives an SVG that scans back to the URL', () => {
    const svg = qrSvg('http://[2001:db8::7]:8080/');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    expect(decode(gridOfSvg(svg))).toBe('http://[2001:db8::7]:8080/');
  });
});

describe('the banner of folio serve', () => {
  const fake = (lan: boolean, urls: string[]) => ({
    url: 'http://127.0.0.1:8080/',
    lan,
    shareAddresses: () => urls.map((u, i) => ({ url: u, interfaceName: i ? 'eth0' : 'wlan0' })),
  });

  it('prints every share URL with its interface, the local one, and a QR code of the first', () => {
    const text = serveBanner(fake(true, ['http://10.42.0.1:8080/', 'http://203.0.113.7:8080/']), { qr: true });
    expect(text).toContain('  http://10.42.0.1:8080/   (wlan0)\n  http://203.0.113.7:8080/   (eth0)\n');
    expect(text).toContain('On this machine: http://127.0.0.1:8080/');
    const qr = text.slice(text.indexOf('Scan to open http://10.42.0.1:8080/\n') + 36, text.indexOf('(press Ctrl+C'));
    expect(decode(gridOfTerminal(qr))).toBe('http://10.42.0.1:8080/');
    expect(serveBanner(fake(true, ['http://10.42.0.1:8080/']), { qr: false })).not.toContain('█');
  });

  it('says when only this machine can open it, or when no network is up', () => {
    expect(serveBanner(fake(false, []), { qr: true })).toMatch(
      /^Folio is serving at http:\/\/127\.0\.0\.1:8080\/\n\(only this machine/,
    );
    expect(serveBanner(fake(true, []), { qr: true })).toMatch(/No network address was found/);
  });
});

describe('share.info over HTTP', () => {
  const dir = tempDir('folio-serve-share-');
  let lan: RunningServer;
  let loopback: RunningServer;
  beforeAll(async () => {
    const pack = join(dir, 'fixture.folio');
    buildPack(join(process.cwd(), 'tests', 'e2e', 'fixture'), pack);
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Folio</title>');
    lan = await startServer({ archivePath: pack, dataDir: join(dir, 'd1'), host: '0.0.0.0', port: 0, rendererDir });
    loopback = await startServer({ archivePath: pack, dataDir: join(dir, 'd2'), port: 0, rendererDir });
  });
  afterAll(async () => {
    await lan?.close();
    await loopback?.close();
  });

  it("answers the server's share URLs and the QR code of the first", async () => {
    const reply = await api(lan.url, 'share.info', {});
    expect(reply.status).toBe(200);
    const info = reply.json<ShareInfo>().value;
    expect(info.urls).toEqual(lan.shareAddresses().map((a) => a.url));
    expect(info.localUrl).toBe(lan.url);
    if (info.urls.length) expect(decode(gridOfSvg(info.qrSvg!))).toBe(info.urls[0]);
    else expect(info.qrSvg).toBeNull();
  });

  it('answers no share URL on loopback, and refuses fields', async () => {
    expect((await api(loopback.url, 'share.info', {})).json().value).toEqual({
      urls: [],
      localUrl: loopback.url,
      qrSvg: null,
    });
    const bad = await api(loopback.url, 'share.info', { evil: 1 });
    expect(bad.status).toBe(400);
    expect(bad.json().error?.message).toMatch(/share\.info/);
  });
});
