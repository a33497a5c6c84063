/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser page, so this file also sees DOM types.
/**
 * The contents of a large archive stay quick to draw (issue 15): the home page lists a page of
 * sections and a button for the next, which takes the keyboard to what it added; the reader's side
 * contents show a window around the section being read, in view, widened on request. A real pack of
 * 1,000 sections served by `folio serve`, in Debian's Chromium.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import type { Section } from '../../main/model/archive';
import { buildPack } from '../../main/archive/writer/build-pack';
import { tempDir } from '../helpers/temp';
import { callApi, chromiumMissing, expectAxeCleanInBothSchemes, servedReader } from './harness';

const SECTIONS = 1_000;

/** A saved site of 1,000 pages, one per night, each titled in its <title>, as `folio build` imports one. */
function buildLogbook(): string {
  const dir = tempDir('folio-long-contents-');
  const site = join(dir, 'site');
  mkdirSync(site);
  for (let night = 1; night <= SECTIONS; night++)
    writeFileSync(
      join(site, `night-${String(night).padStart(4, '0')}.html`),
      `<!doctype html><html lang="en"><head><title>Night ${night}</title></head><body><h1>Night ${night}</h1>` +
        `<p>The lamp was lit at dusk on night ${night}, and the keeper wrote it down.</p></body></html>`,
    );
  const pack = join(dir, 'logbook.folio');
  buildPack(site, pack);
  return pack;
}

/** The archive.sections questions a page asks, as sent. */
function sectionQuestions(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/archive.sections')) asked.push(request.postData() ?? '');
  });
  return asked;
}

describe.skipIf(!!chromiumMissing)(
  `the contents of a large archive${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`,
  () => {
    const h = servedReader(buildLogbook);
    const entries = (page: Page) => page.locator('.toc-list li');

    it('lists a page of sections on the home page, and the next page on request, focus on the first new one', async () => {
      const page = await h.openPage();
      const asked = sectionQuestions(page);
      await page.goto(`${h.server.url}#/`);
      await entries(page).first().waitFor();
      await expect.poll(() => entries(page).count()).toBe(200);
      await expect(page.locator('.show-more [role=status]').textContent()).resolves.toBe('Showing 200 of 1,000');
      const more = page.getByRole('button', { name: 'Show 200 more' });
      const box = await more.boundingBox();
      expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(44);
      await expectAxeCleanInBothSchemes(page);

      await more.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => entries(page).count()).toBe(400);
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Night 201');

      // Back from a section, the home page still lists what was shown.
      await page.keyboard.press('Enter');
      await page.locator('.reader').first().waitFor();
      await page.goBack();
      await entries(page).first().waitFor();
      await expect.poll(() => entries(page).count()).toBe(400);
      // The last page shows what remains and no button.
      for (let shown = 400; shown < SECTIONS; shown += 200) {
        await page.getByRole('button', { name: /^Show \d+ more$/ }).click();
      }
      await expect.poll(() => entries(page).count()).toBe(SECTIONS);
      expect(await page.locator('.show-more').count()).toBe(0);
      // Page by page, and the reader's side contents its window: never the whole contents at once.
      expect(asked.length).toBeGreaterThan(0);
      for (const question of asked) expect(JSON.parse(question), question).toHaveProperty('count', 200);
    });

    it('lists the sections on About a page at a time too, asking for a page of titles at a time', async () => {
      const page = await h.openPage();
      const asked: string[] = [];
      page.on('request', (request) => {
        if (/\/api\/archive\.(?:sections|curatedSections)$/u.test(request.url()))
          asked.push(`${request.url().split('/').pop()} ${request.postData()}`);
      });
      await page.goto(`${h.server.url}#/about`);
      const items = page.locator('.about-sections > li');
      await items.first().waitFor();
      await expect.poll(() => items.count()).toBe(200);
      await expect(page.locator('.show-more [role=status]').textContent()).resolves.toBe('Showing 200 of 1,000');
      await page.getByRole('button', { name: 'Show 200 more' }).click();
      await expect.poll(() => items.count()).toBe(400);
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Night 201');
      await expectAxeCleanInBothSchemes(page);
      // Never the whole contents: the curator's titles, 200 at a time.
      expect(asked).toEqual([
        'archive.curatedSections {"from":0,"count":200}',
        'archive.curatedSections {"from":200,"count":200}',
      ]);
    });

    it('says how much is shown, and offers more, in the Korean interface too', async () => {
      const page = await h.openPage({ locale: 'ko-KR' });
      await page.goto(`${h.server.url}#/`);
      await expect.poll(() => entries(page).count()).toBe(200);
      await expect(page.locator('.show-more [role=status]').textContent()).resolves.toBe('1,000개 중 200개 표시');
      await page.getByRole('button', { name: '200개 더 보기' }).waitFor();
      await expectAxeCleanInBothSchemes(page);
    });

    it('shows a window of the side contents around the section read, in view, widened on request', async () => {
      const page = await h.openPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${h.server.url}#/`);
      const sections = await callApi<Section[]>(page, 'archive.sections', {});
      expect(sections).toHaveLength(SECTIONS);
      const night600 = sections.find((s) => s.title === 'Night 600')!;
      await page.goto(`${h.server.url}#/section/${encodeURIComponent(night600.id)}`);
      const side = page.locator('.toc-side');
      const current = side.locator('a[aria-current=page]');
      await current.waitFor();
      expect(await current.textContent()).toBe('Night 600');
      const links = side.locator('ol a');
      expect(await links.count()).toBe(201);
      expect(await links.first().textContent()).toBe('Night 550');
      // The section being read is in view inside the side contents' own scroll box.
      await expect
        .poll(() =>
          current.evaluate((link) => {
            const box = link.closest('nav')!.getBoundingClientRect();
            const at = link.getBoundingClientRect();
            return at.top >= box.top && at.bottom <= box.bottom;
          }),
        )
        .toBe(true);
      await expectAxeCleanInBothSchemes(page);

      await side.getByRole('button', { name: 'Earlier sections' }).click();
      await expect.poll(() => links.first().textContent()).toBe('Night 350');
      await side.getByRole('button', { name: 'Later sections' }).click();
      await expect.poll(() => links.count()).toBe(601);
      expect(await links.last().textContent()).toBe('Night 950');
    });
  },
);
