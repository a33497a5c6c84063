/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser page, so this file also sees DOM types.
/**
 * The library end to end: the real `folio serve --archive a --archive b` (two packs built from
 * tests/fixtures by the real builder, plus the embedded archive, always there), in Debian's Chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { buildLibraryPacks, LARGE_ID, SHARED, SMALL_ID } from '../library/fixture';
import {
  axeSerious,
  CHROMIUM,
  CHROMIUM_ARGS,
  chromiumMissing,
  expectAxeCleanInBothSchemes,
  foreignRequests,
} from './harness';

const RESULTS = join(process.cwd(), 'test-results', 'e2e');

describe.skipIf(chromiumMissing)('the Library view under folio serve --archive a --archive b', () => {
  const dir = tempDir('folio-e2e-library-');
  let server: ChildProcess;
  let url: string;
  let browser: Browser;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const { small, large } = buildLibraryPacks(dir);
    const bin = join(process.cwd(), 'bin', 'folio.mjs');
    const args = ['serve', '--archive', small, '--archive', large, '--port', '0', '--data-dir', join(dir, 'data')];
    server = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const m = /serving at (http:\/\/\S+)/.exec(stdout);
        if (m) resolve(m[1]!);
      });
      server.once('exit', (code) => reject(new Error(`folio serve exited (${code}): ${stderr}`)));
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (server?.pid) process.kill(server.pid, 'SIGTERM');
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, serviceWorkers: 'block' });
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });
    return page;
  }

  /** No serious or critical axe finding in the light scheme nor the dark; the page is left light. */

  /** A new page on the Library view, having searched every archive for `words`. */
  async function searchAllArchives(words: string): Promise<Page> {
    const page = await newPage();
    await page.goto(`${url}#/library`);
    const box = page.getByRole('searchbox', { name: 'Search all archives' });
    await box.fill(words);
    await box.press('Enter');
    return page;
  }

  async function shot(page: Page, name: string): Promise<void> {
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, `${name}.png`), await page.screenshot());
  }

  it('lists every open archive, and opens one', async () => {
    const page = await newPage();
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    const table = page.getByRole('table', { name: 'Open archives' });
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const row = (id: string) => table.locator(`tr[data-archive-id="${id}"]`);
    expect(await row(SMALL_ID).innerText()).toMatch(/Cape Orin Lighthouse[^]*English[^]*\d+ KB[^]*\b9\b[^]*1911/u);
    expect(await row(LARGE_ID).innerText()).toMatch(/Northern Harbour Almanac[^]*English[^]*\d+ KB[^]*\b40\b[^]*1912/u);
    // The embedded archive is always there, and the first one given is the one being read.
    await table.getByText('Built in').waitFor();
    expect(await row(SMALL_ID).getByText('Reading now').count()).toBe(1);

    await expectAxeCleanInBothSchemes(page);
    await shot(page, 'library');

    await table.getByRole('link', { name: 'Open Northern Harbour Almanac' }).click();
    await page.getByRole('heading', { level: 1, name: 'Northern Harbour Almanac' }).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe(`#/a/${LARGE_ID}/`);
    // Links inside it name it, so a copied link opens the same archive.
    await page.getByRole('link', { name: 'Start reading' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(new RegExp(`^#/a/${LARGE_ID}/section/`));
    await page.getByText('Harbour register 1', { exact: true }).first().waitFor();
  });

  it('searches all archives, labels each result by archive, and keeps bookmarks per archive', async () => {
    const page = await searchAllArchives('fog bell');
    const results = page.getByRole('list', { name: 'Results from all archives' }).getByRole('listitem');
    await expect.poll(() => results.count(), { timeout: 30_000 }).toBeGreaterThan(2);
    expect(await page.locator('.library-status').innerText()).toMatch(/^\d+ results in [23] archives/u);
    // The passage both packs hold comes first from each, labelled with its archive.
    const firstTwo = await results.evaluateAll((items) =>
      items.slice(0, 2).map((li) => [li.querySelector('.library-archive')?.textContent, li.textContent]),
    );
    expect(firstTwo.map(([label]) => label).sort()).toEqual([
      'From Cape Orin Lighthouse',
      'From Northern Harbour Almanac',
    ]);
    expect(firstTwo.every(([, text]) => text?.includes('fog bell rang'))).toBe(true);
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, 'library-search');

    // Open the almanac's copy: the deep link names the archive, and the reader shows that archive.
    await page.locator(`.library-result[data-archive-id="${LARGE_ID}"]`).first().getByRole('link').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(new RegExp(`^#/a/${LARGE_ID}/passage/`));
    const target = page.locator('.passage.target');
    await target.getByText(SHARED).waitFor();
    await page.locator('.brand-title', { hasText: 'Northern Harbour Almanac' }).waitFor();
    const toggle = target.getByRole('button', { name: /^Bookmark/ });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');

    // The same passage in the other archive is not bookmarked.
    await page.goto(`${url}#/a/${LARGE_ID}/bookmarks`);
    await page.getByText('1 passage saved in Northern Harbour Almanac.').waitFor();
    await page.goto(`${url}#/a/${SMALL_ID}/bookmarks`);
    await page.getByText('No bookmarks yet.', { exact: false }).waitFor();
    expect(await page.locator('.bookmark').count()).toBe(0);

    expect(foreignRequests(requests, new URL(url).origin)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('offers the spelling an archive holds for a misspelt word, and searches it when taken', async () => {
    const page = await searchAllArchives('lihgthouse');
    const suggestion = page.getByRole('button', { name: 'lighthouse', exact: true });
    await suggestion.waitFor();
    expect(await page.locator('.library-suggestion').innerText()).toBe('Did you mean: lighthouse');
    const size = await suggestion.boundingBox();
    expect(Math.min(size!.width, size!.height)).toBeGreaterThanOrEqual(44);
    await expectAxeCleanInBothSchemes(page);
    await suggestion.click();
    await expect
      .poll(() => page.getByRole('searchbox', { name: 'Search all archives' }).inputValue())
      .toBe('lighthouse');
    const results = page.getByRole('list', { name: 'Results from all archives' }).getByRole('listitem');
    await expect.poll(() => results.count()).toBeGreaterThan(0);
    expect(await results.first().innerText()).toContain('The lighthouse on Cape Orin');
    expect(await page.locator('.library-suggestion').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
