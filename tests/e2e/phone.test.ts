/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser page, so this file also sees DOM types.
/**
 * The reader on phones (issue 11): `folio serve` in Debian's Chromium at 320×568, 390×844 and 430×932. The
 * masthead is one row of controls plus the search field (≤ 120 px) with the archive's name readable; the
 * navigation folds into a disclosure button; no view scrolls sideways at the largest text size; every tap
 * target in every view is at least 44×44 CSS px. And the desktop masthead at 1440×900 stays as it was.
 */
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { embeddedPackPath } from '../../main/archive/embedded';
import { chromiumMissing, servedReader } from './harness';

const PHONES = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
  { width: 430, height: 932 },
] as const;
/** WCAG 2.5.5's target size, and the masthead's budget. */
const TAP = 44;
const HEADER_MAX = 120;

/** Opens a hash route and waits for its heading. */
async function open(page: Page, url: string, hash: string): Promise<void> {
  await page.goto(`${url}${hash}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** How far the page scrolls sideways (0 when it does not). */
const sideways = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Every control a finger could tap that is smaller than 44×44: links, buttons, fields, options and anything
 * focusable, measured as shown (a checkbox or radio by the label that wraps it, which takes the tap). Not
 * counted: what is not on the page (display none, zero size, above the top), and visually hidden inputs
 * (1×1, operated by a visible button).
 */
const smallTargets = (page: Page): Promise<string[]> =>
  page.evaluate((min) => {
    const small: string[] = [];
    const selector =
      'a[href], button, input, select, textarea, summary, [role="option"], [role="button"], [tabindex="0"]';
    for (const element of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const target = (element instanceof HTMLInputElement && element.closest('label')) || element;
      const box = target.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1 || box.bottom + window.scrollY <= 0) continue;
      if (getComputedStyle(target).visibility === 'hidden') continue;
      if (box.width < min || box.height < min) {
        const name = (element.getAttribute('aria-label') ?? target.textContent ?? '').trim().slice(0, 40);
        small.push(`${element.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  }, TAP);

/** The masthead: its height, the title's width and text, and the rows its visible controls sit in. */
const masthead = (page: Page) =>
  page.evaluate(() => {
    const header = document.querySelector('header')!;
    const title = header.querySelector('.brand-title')!;
    const search = header.querySelector('input[type="search"]')!.getBoundingClientRect();
    const controls = Array.from(header.querySelectorAll<HTMLElement>('a[href], button'))
      .map((c) => c.getBoundingClientRect())
      .filter((b) => b.width > 0 && b.height > 0);
    return {
      height: header.getBoundingClientRect().height,
      titleWidth: title.getBoundingClientRect().width,
      title: title.textContent ?? '',
      // One row: the controls other than the search field are centred on one line (within 4 px).
      rowSpread:
        Math.max(...controls.map((b) => b.top + b.height / 2)) - Math.min(...controls.map((b) => b.top + b.height / 2)),
      controlsBottom: Math.max(...controls.map((b) => b.bottom)),
      searchTop: search.top,
      searchWidth: search.width,
    };
  });

describe.skipIf(!!chromiumMissing)(
  `the reader on phones${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`,
  () => {
    const h = servedReader(() => embeddedPackPath());

    /** A fresh profile (its own bookmarks and settings) at a viewport size. */
    async function phone(size: { width: number; height: number }): Promise<Page> {
      const context = await h.newContext();
      const page = await context.newPage();
      await page.setViewportSize(size);
      return page;
    }

    /** Opens a section and bookmarks its first passage with the note editor open: every reading tool shows. */
    async function readWithTools(page: Page, section: string): Promise<void> {
      await open(page, h.server.url, section);
      const first = page.locator('.passage').first();
      await first.locator('.bookmark-toggle').click();
      await first.locator('.note-toggle').click();
      await page.locator('.note-editor textarea').first().waitFor();
    }

    /** The sections' links, from the home page's contents. */
    async function sectionHashes(page: Page): Promise<string[]> {
      await open(page, h.server.url, '#/');
      const links = page.getByRole('region', { name: 'Contents' }).getByRole('link');
      // The contents arrive after the page (archive.sections).
      await links.first().waitFor();
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeGreaterThan(5);
      return hrefs;
    }

    for (const size of PHONES) {
      const at = `${size.width}×${size.height}`;

      it(`at ${at}: one row of controls over the search, under ${HEADER_MAX} px, the title readable`, async () => {
        const page = await phone(size);
        for (const hash of ['#/', '#/bookmarks', '#/settings', '#/share']) {
          await open(page, h.server.url, hash);
          const m = await masthead(page);
          expect(m.height, hash).toBeLessThanOrEqual(HEADER_MAX);
          expect(m.title).toMatch(/Korea/);
          expect(m.titleWidth, hash).toBeGreaterThan(size.width / 3);
          expect(m.rowSpread, hash).toBeLessThanOrEqual(4);
          expect(m.controlsBottom).toBeLessThanOrEqual(m.searchTop);
          expect(m.searchWidth).toBeGreaterThan(size.width * 0.8);
          expect(await sideways(page), hash).toBe(0);
        }
      });

      it(`at ${at}: the navigation folds into a menu button that the keyboard opens and Escape closes`, async () => {
        const page = await phone(size);
        await open(page, h.server.url, '#/');
        const nav = page.getByRole('navigation', { name: 'Main' });
        const menu = page.getByRole('button', { name: 'Menu' });
        const settingsLink = nav.getByRole('link', { name: 'Settings', exact: true });
        expect(await menu.getAttribute('aria-expanded')).toBe('false');
        expect(await settingsLink.isVisible()).toBe(false);

        // From the search field, Tab reaches the button; Enter opens it; the links follow it in tab order.
        await page.getByRole('searchbox', { name: 'Search the archive' }).focus();
        await page.keyboard.press('Tab');
        expect(await menu.evaluate((b) => b === document.activeElement)).toBe(true);
        await page.keyboard.press('Enter');
        expect(await menu.getAttribute('aria-expanded')).toBe('true');
        expect(await menu.getAttribute('aria-controls')).toBe(await nav.getAttribute('id'));
        await settingsLink.waitFor();
        await page.keyboard.press('Tab');
        expect(await nav.getByRole('link', { name: 'Contents' }).evaluate((a) => a === document.activeElement)).toBe(
          true,
        );
        expect(await smallTargets(page)).toEqual([]);
        expect(await sideways(page)).toBe(0);

        // Escape closes it and gives focus back to the button.
        await page.keyboard.press('Escape');
        expect(await menu.getAttribute('aria-expanded')).toBe('false');
        expect(await settingsLink.isVisible()).toBe(false);
        expect(await menu.evaluate((b) => b === document.activeElement)).toBe(true);

        // A tapped link goes there and closes the menu; so does a tap outside it.
        await menu.click();
        await settingsLink.click();
        await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
        expect(await menu.getAttribute('aria-expanded')).toBe('false');
        await menu.click();
        expect(await settingsLink.getAttribute('aria-current')).toBe('page');
        await page.mouse.click(size.width / 2, size.height - 8);
        expect(await menu.getAttribute('aria-expanded')).toBe('false');
      });

      it(`at ${at}: every tap target in every view is at least ${TAP}×${TAP} px`, async () => {
        const page = await phone(size);
        const [, second] = await sectionHashes(page);
        const views: [string, () => Promise<void>][] = [
          ['home', () => open(page, h.server.url, '#/')],
          ['reading', () => readWithTools(page, second!)],
          [
            'search results',
            async () => {
              await open(page, h.server.url, '#/');
              await page.getByRole('searchbox', { name: 'Search the archive' }).fill('korea');
              await page.getByRole('option').first().waitFor();
              await page.getByRole('button', { name: /Show more results/ }).waitFor();
            },
          ],
          [
            'bookmarks',
            async () => {
              await open(page, h.server.url, '#/bookmarks');
              await page.getByRole('button', { name: 'Remove' }).first().waitFor();
            },
          ],
          ['settings', () => open(page, h.server.url, '#/settings')],
          [
            'about',
            async () => {
              await open(page, h.server.url, '#/about');
              await page.locator('.about-sections .about-detail').first().waitFor();
            },
          ],
          [
            'reading, missing pictures folded',
            async () => {
              await open(page, h.server.url, '#/');
              await page.getByRole('region', { name: 'Contents' }).getByRole('link').nth(5).click();
              await page.getByRole('button', { name: /^5 images not included/ }).waitFor();
            },
          ],
          [
            'share',
            async () => {
              await open(page, h.server.url, '#/share');
              await page.getByText('folio serve --host 0.0.0.0').waitFor();
            },
          ],
          [
            'skip link, focused',
            async () => {
              await open(page, h.server.url, '#/');
              await page.keyboard.press('Tab');
              await page.getByRole('button', { name: 'Skip to content' }).waitFor();
            },
          ],
        ];
        for (const [name, show] of views) {
          await show();
          expect(await smallTargets(page), name).toEqual([]);
          expect(await sideways(page), name).toBe(0);
        }
      });

      it(`at ${at}: nothing scrolls sideways at the largest text size, in any view or section`, async () => {
        const page = await phone(size);
        await open(page, h.server.url, '#/settings');
        const slider = page.getByRole('slider', { name: 'Text size' });
        await slider.focus();
        await page.keyboard.press('End');
        await expect.poll(() => slider.inputValue()).toBe('32');
        expect(await sideways(page)).toBe(0);
        const sections = await sectionHashes(page);
        await readWithTools(page, sections[1]!);
        expect(await page.locator('.reading').evaluate((r) => getComputedStyle(r).fontSize)).toBe('32px');
        for (const hash of ['#/', '#/bookmarks', '#/settings', '#/share', '#/about', ...sections]) {
          await open(page, h.server.url, hash);
          expect(await sideways(page), hash).toBe(0);
        }
        await page.getByRole('searchbox', { name: 'Search the archive' }).fill('korea');
        await page.getByRole('option').first().waitFor();
        expect(await sideways(page), 'search results').toBe(0);
      });
    }

    it('keeps the desktop masthead at 1440×900: one row, the whole navigation, no menu button', async () => {
      const page = await phone({ width: 1440, height: 900 });
      await open(page, h.server.url, '#/');
      const m = await masthead(page);
      expect(m.height).toBeLessThan(70);
      expect(m.rowSpread).toBeLessThanOrEqual(4);
      expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const name of ['Contents', 'Bookmarks', 'Settings', 'Share'])
        expect(await nav.getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
      expect(await page.getByText('Folio offline archive').isVisible()).toBe(true);
    });
  },
);
