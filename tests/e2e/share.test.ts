/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser page, so this file also sees DOM types.
/**
 * The Share view (issue 11), in Debian's Chromium: on a `folio serve --host 0.0.0.0` it shows the URLs other
 * devices open, as text that copies, and a QR code of the first that scans back to it (decoded with jsQR from
 * the pixels on screen), large on a projector and whole on a phone; on loopback it says nothing is shared and
 * how to share. axe finds nothing serious in either theme.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { BrowserContext, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { embeddedPackPath } from '../../main/archive/embedded';
import { shareAddresses } from '../../main/serve/network-addresses';
import { startServer, type RunningServer } from '../../main/serve/server';
import { axeSerious, chromiumMissing, foreignRequests, startHarness, type Harness } from './harness';

// A LAN bind shares only where the machine has a network address besides loopback.
const offline = shareAddresses('0.0.0.0', 8080).length === 0 ? 'this machine has no network address' : null;
if (offline) console.info(`Share view QR tests skipped: ${offline}`);

/** The QR image as drawn on screen, read back into pixels in the page and decoded; null when it does not scan. */
async function scanQr(page: Page): Promise<string | null> {
  const img = page.getByRole('img', { name: /^QR code for / });
  await img.evaluate((el: HTMLImageElement) => el.decode());
  const { width, height, data } = await img.evaluate((el: HTMLImageElement) => {
    const box = el.getBoundingClientRect();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(box.width);
    canvas.height = Math.round(box.height);
    const g = canvas.getContext('2d')!;
    g.drawImage(el, 0, 0, canvas.width, canvas.height);
    // As a Latin-1 string: a few hundred thousand bytes cross to Node much faster than as a JSON array.
    const bytes = g.getImageData(0, 0, canvas.width, canvas.height).data;
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      text += String.fromCharCode(...Array.from(bytes.subarray(i, i + 0x8000)));
    return { width: canvas.width, height: canvas.height, data: text };
  });
  return jsQR(new Uint8ClampedArray(Buffer.from(data, 'latin1')), width, height)?.data ?? null;
}

const sideways = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function openShare(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/share`);
  await page.getByRole('heading', { level: 1, name: 'Share this archive' }).waitFor();
}

async function setTheme(page: Page, url: string, theme: 'Light' | 'Dark'): Promise<void> {
  await page.goto(`${url}#/settings`);
  await page.getByRole('radio', { name: theme }).check();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme.toLowerCase());
}

describe.skipIf(!!chromiumMissing)(`the Share view${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let h: Harness;
  let lan: RunningServer;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    h = await startHarness(embeddedPackPath());
    lan = await startServer({
      archivePath: embeddedPackPath(),
      dataDir: mkdtempSync(join(tmpdir(), 'folio-e2e-share-')),
      host: '0.0.0.0',
      port: 0,
    });
  });

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    // The LAN server is opened at its loopback URL, the harness's origin but another port.
    const lanOrigin = new URL(lan.url).origin;
    expect(foreignRequests(h.requests, h.origin).filter((u) => !u.startsWith(`${lanOrigin}/`))).toEqual([]);
    expect(h.pageErrors).toEqual([]);
    h.requests.length = 0;
    h.pageErrors.length = 0;
  });

  afterAll(async () => {
    await lan?.close();
    await h?.close();
  });

  async function browserPage(size: { width: number; height: number }): Promise<Page> {
    const context = await h.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.setViewportSize(size);
    return page;
  }

  it.skipIf(!!offline)('shows every share URL and a QR code of the first that scans back to it', async () => {
    const urls = lan.shareAddresses().map((a) => a.url);
    expect(urls.length).toBeGreaterThan(0);
    const page = await browserPage({ width: 1440, height: 900 });
    await openShare(page, lan.url);
    const main = page.getByRole('main');
    // The URLs arrive by share.info after the heading is drawn: wait for each (waitFor fails if one never shows).
    for (const url of urls) await main.getByRole('link', { name: url, exact: true }).waitFor({ timeout: 10_000 });
    expect(await scanQr(page)).toBe(urls[0]);

    // Big enough to project, drawn from the server's SVG as an image (never as markup in the page).
    const img = page.getByRole('img', { name: `QR code for ${urls[0]}` });
    const box = (await img.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(380);
    expect(Math.abs(box.width - box.height)).toBeLessThan(1);
    expect(await img.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(await page.locator('main svg').count()).toBe(0);
  });

  it.skipIf(!!offline)('copies a share URL as text', async () => {
    const page = await browserPage({ width: 1280, height: 860 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(lan.url).origin });
    const first = lan.shareAddresses()[0]!.url;
    await openShare(page, lan.url);
    await page.getByRole('button', { name: `Copy ${first}` }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(first);
    await page
      .getByRole('status')
      .filter({ hasText: `Copied ${first}.` })
      .waitFor();
  });

  for (const size of [
    { width: 320, height: 568 },
    { width: 390, height: 844 },
    { width: 430, height: 932 },
  ]) {
    it.skipIf(!!offline)(`fits a ${size.width}×${size.height} phone whole, and still scans`, async () => {
      const page = await browserPage(size);
      await openShare(page, lan.url);
      const box = (await page.getByRole('img', { name: /^QR code for / }).boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(180);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      expect(await sideways(page)).toBe(0);
      expect(await scanQr(page)).toBe(lan.shareAddresses()[0]!.url);
    });
  }

  it('says on loopback that nothing else can open it, and how to share', async () => {
    const page = await browserPage({ width: 1280, height: 860 });
    await openShare(page, h.server.url);
    await page.getByText(`Only this computer can open this reader, at ${h.server.url}`).waitFor();
    await page.getByText('folio serve --host 0.0.0.0', { exact: true }).waitFor();
    expect(await page.getByRole('img', { name: /^QR code/ }).count()).toBe(0);
  });

  for (const theme of ['Light', 'Dark'] as const) {
    it(`has no serious or critical axe findings in the ${theme.toLowerCase()} theme`, async () => {
      const page = await browserPage({ width: 1280, height: 860 });
      const server = offline ? h.server.url : lan.url;
      await setTheme(page, server, theme);
      await openShare(page, server);
      if (!offline) await page.getByRole('img', { name: /^QR code for / }).waitFor();
      expect(await axeSerious(page)).toEqual([]);
      // The phone layout, with the menu open, too.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Share' }).waitFor();
      expect(await axeSerious(page)).toEqual([]);
    });
  }
});
