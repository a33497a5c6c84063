/// <reference lib="dom" />
/**
 * End to end, in Chromium against `folio serve`: real PostgreSQL documentation pages (the fixture)
 * read as their authors wrote them — code exact in monospace, a table with its header, a link that
 * moves to another page inside the reader and back, and no navigation bars.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { beforeEach, describe, expect, it } from 'vitest';
import { embeddedPackPath } from '../../main/archive/embedded';
import { buildPack } from '../../main/archive/writer/build-pack';
import { chromiumMissing, foreignRequests, servedReader } from './harness';

describe.skipIf(!!chromiumMissing)('structured pages in the reader', () => {
  const h = servedReader(() => {
    const pack = join(mkdtempSync(join(tmpdir(), 'folio-e2e-pg-')), 'postgresql.folio');
    buildPack(join(process.cwd(), 'tests', 'fixtures', 'postgresql-15'), pack);
    return pack;
  });
  let page: Page;
  beforeEach(async () => {
    page = await h.openPage();
  });

  it('shows code exactly, in monospace, scrolling sideways, and a table with its header', async () => {
    await page.goto(`${h.server.url}#/section/8-3-character-types`);
    const pre = page.locator('pre.preformatted', { hasText: 'INSERT INTO test2' });
    await pre.waitFor();
    const code = await pre.evaluate((el) => ({
      text: el.textContent ?? '',
      font: getComputedStyle(el).fontFamily,
      overflow: getComputedStyle(el).overflowX,
      whiteSpace: getComputedStyle(el).whiteSpace,
    }));
    expect(code.text).toContain("INSERT INTO test2 VALUES ('good      ');\n");
    expect(code.font).toMatch(/mono/iu);
    expect(code.overflow).toBe('auto');
    expect(code.whiteSpace).toBe('pre');
    const table = page.locator('table', { hasText: 'variable unlimited length' });
    expect(await table.locator('thead th').allTextContents()).toEqual(['Name', 'Description']);
    expect(await table.locator('caption').textContent()).toBe('Table 8.4. Character Types');
    // No navigation bar of the original page.
    expect(await page.locator('.reading').textContent()).not.toMatch(/\bPrev\b|\bNext\b.*\bHome\b/u);
  });

  it('follows a link to another page inside the reader, and comes back', async () => {
    await page.goto(`${h.server.url}#/section/chapter-8-data-types`);
    await page.getByRole('heading', { name: 'Chapter 8. Data Types' }).waitFor();
    await page.locator('.reading').getByRole('link', { name: '8.3. Character Types', exact: true }).click();
    await page.getByRole('heading', { name: '8.3. Character Types' }).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/section/8-3-character-types');
    await page.goBack();
    await page.getByRole('heading', { name: 'Chapter 8. Data Types' }).waitFor();
    await page.goForward();
    await page.getByRole('heading', { name: '8.3. Character Types' }).waitFor();
    // A link that leaves the archive shows its URL and is not a link.
    const external = page.locator('.external-link', { hasText: 'Section 24.3' });
    expect(await external.locator('.link-url').textContent()).toBe('<multibyte.html>');
    expect(await external.locator('a').count()).toBe(0);
    expect(foreignRequests(h.requests, h.origin)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  it('shows the contents as the book arranges them, and folds a chapter', async () => {
    await page.goto(`${h.server.url}#/section/chapter-8-data-types`);
    const contents = page.getByRole('navigation', { name: 'Sections' });
    const numeric = contents.getByRole('link', { name: '8.1. Numeric Types' });
    await numeric.waitFor();
    expect(await contents.getByRole('link').allTextContents()).toEqual([
      'PostgreSQL 15.20 Documentation',
      'Chapter 8. Data Types',
      '8.1. Numeric Types',
      '8.2. Monetary Types',
      '8.3. Character Types',
      '8.4. Binary Data Types',
    ]);
    const fold = contents.getByRole('button', { name: 'Sections under Chapter 8. Data Types' });
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    await fold.click();
    await expect.poll(() => numeric.count()).toBe(0);
    expect(await fold.getAttribute('aria-expanded')).toBe('false');
  });
});

describe.skipIf(!!chromiumMissing)('languages in the embedded archive', () => {
  const h = servedReader(() => embeddedPackPath());

  it('marks the Korean words of an English passage lang="ko"', async () => {
    const page = await h.openPage();
    await page.goto(`${h.server.url}#/section/liberation-and-occupation-1945-1948`);
    const korean = page.locator('[lang="ko"]', { hasText: '제주 4·3 민중항쟁' });
    await korean.waitFor();
    expect(await korean.textContent()).toBe('제주 4·3 민중항쟁');
  });
});
