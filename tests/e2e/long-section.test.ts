/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser page, so this file also sees DOM types.
/**
 * A section of a thousand passages stays quick to read (issue 15): the reader asks for and draws a
 * span of them (its first 400, or 200 from just before the passage a link opens), adds 200 more as the
 * reader scrolls on or asks for the ones before (keeping what they read in place), returns to the same
 * span on Back, and prints the whole section from its Print button. A real pack of one page of 1,000
 * paragraphs served by `folio serve`, in Debian's Chromium.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import type { SectionView } from '../../main/api/contract';
import type { Section } from '../../main/model/archive';
import { buildPack } from '../../main/archive/writer/build-pack';
import { pdfText } from '../helpers/pdf-text';
import { tempDir } from '../helpers/temp';
import { callApi, chromiumMissing, expectAxeCleanInBothSchemes, servedReader } from './harness';

const ENTRIES = 1_000;

/** A saved page of 1,000 numbered paragraphs under one heading, as `folio build` imports it. */
function buildRegister(): string {
  const dir = tempDir('folio-long-section-');
  const site = join(dir, 'site');
  mkdirSync(site);
  const entries = Array.from(
    { length: ENTRIES },
    (_, i) => `<p>Entry ${i + 1}: the harbour register notes a ship that came in on tide ${i + 1}.</p>`,
  );
  writeFileSync(
    join(site, 'register.html'),
    `<!doctype html><html lang="en"><head><title>Harbour register</title></head><body><h1>Harbour register</h1>${entries.join('')}</body></html>`,
  );
  const pack = join(dir, 'register.folio');
  buildPack(site, pack);
  return pack;
}

describe.skipIf(!!chromiumMissing)(`a long section${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  const h = servedReader(buildRegister);
  const shownPassages = (page: Page) => page.locator('.reading [data-passage-id]');
  const firstShown = (page: Page) => shownPassages(page).first().getAttribute('data-passage-id');
  const focusedPassage = (page: Page) =>
    page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.passageId ?? null);

  /** The section and its passages, in order, as the API gives them. */
  async function register(page: Page): Promise<SectionView> {
    await page.goto(`${h.server.url}#/`);
    const [section] = await callApi<Section[]>(page, 'archive.sections', {});
    return callApi<SectionView>(page, 'archive.section', { sectionId: section!.id });
  }

  it('asks for and draws the first 400 passages, and 200 more as the reader scrolls on', async () => {
    const page = await h.openPage();
    const { section, passages } = await register(page);
    expect(passages.length).toBe(ENTRIES + 1);
    const asked: unknown[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/archive.section')) asked.push(request.postDataJSON());
    });
    await page.goto(`${h.server.url}#/section/${encodeURIComponent(section.id)}`);
    await shownPassages(page).first().waitFor();
    await expect.poll(() => shownPassages(page).count()).toBe(400);
    expect(asked).toEqual([{ sectionId: section.id, from: 0, count: 400 }]);
    expect(await firstShown(page)).toBe(passages[0]!.id);
    // The heading that opens the section is still its title.
    expect(await page.locator('h1').textContent()).toBe('Harbour register');
    const status = page.locator('.window-edge-later [role=status]');
    expect(await status.textContent()).toBe('Passages 1–400 of 1,001');
    expect(await page.locator('.window-edge-earlier').count()).toBe(0);
    const more = page.getByRole('button', { name: 'Show 200 more' });
    const box = await more.boundingBox();
    expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(44);
    await expectAxeCleanInBothSchemes(page);

    // Scrolled near the end of the span, the next 200 are asked for and added without a tap.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => shownPassages(page).count()).toBeGreaterThanOrEqual(600);
    expect(await firstShown(page)).toBe(passages[0]!.id);
    expect(asked[1]).toEqual({ sectionId: section.id, from: 400, count: 200 });
  });

  it('takes the keyboard to the first passage the button added', async () => {
    const page = await h.openPage();
    const { section, passages } = await register(page);
    await page.goto(`${h.server.url}#/section/${encodeURIComponent(section.id)}`);
    await expect.poll(() => shownPassages(page).count()).toBe(400);
    // Pressed without scrolling to it first (a switch, or a screen reader's own cursor).
    await page.getByRole('button', { name: 'Show 200 more' }).dispatchEvent('click');
    await expect.poll(() => focusedPassage(page)).toBe(passages[400]!.id);
    expect(await shownPassages(page).count()).toBeGreaterThanOrEqual(600);
  });

  it('opens a deep passage in its window, and shows the ones before it in place', async () => {
    const page = await h.openPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const { passages } = await register(page);
    const target = passages[700]!;
    await page.goto(`${h.server.url}#/passage/${encodeURIComponent(target.id)}`);
    await expect.poll(() => focusedPassage(page)).toBe(target.id);
    expect(await firstShown(page)).toBe(passages[680]!.id);
    expect(await shownPassages(page).count()).toBe(200);
    // Without its opening heading on the page, the section's title is the page's heading.
    expect(await page.locator('h1').textContent()).toBe('Harbour register');
    await expectAxeCleanInBothSchemes(page);

    const earlier = page.getByRole('button', { name: 'Show 200 earlier' });
    await earlier.scrollIntoViewIfNeeded();
    const before = await page.locator(`#p-${passages[680]!.id}`).evaluate((el) => el.getBoundingClientRect().top);
    await earlier.click();
    await expect.poll(() => firstShown(page)).toBe(passages[480]!.id);
    // What was first is where it was on screen, and has the focus.
    const after = await page.locator(`#p-${passages[680]!.id}`).evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(after - before)).toBeLessThanOrEqual(2);
    expect(await focusedPassage(page)).toBe(passages[680]!.id);

    // Away and Back: the same window again.
    const shownThen = await shownPassages(page).count();
    await page.goto(`${h.server.url}#/about`);
    await page.locator('.about-sections').first().waitFor();
    await page.goBack();
    await shownPassages(page).first().waitFor();
    await expect.poll(() => firstShown(page)).toBe(passages[480]!.id);
    expect(await shownPassages(page).count()).toBe(shownThen);
  });

  it('prints the whole section from its Print button, and says what a printout of the page holds', async () => {
    const page = await h.openPage();
    const { section } = await register(page);
    await page.goto(`${h.server.url}#/section/${encodeURIComponent(section.id)}`);
    await expect.poll(() => shownPassages(page).count()).toBe(400);
    await page.emulateMedia({ media: 'print' });
    // Printed as it is (the browser's own Print): the span, and a line that says so.
    const part = await pdfText(await page.pdf({ format: 'A4' }));
    expect(part).toContain('This printout holds passages 1–400 of 1,001; “Print section” prints them all.');
    expect(part).toContain('Entry 399: the harbour register');
    expect(part).not.toContain('Entry 400: the harbour register');
    await page.emulateMedia({ media: 'screen' });
    // The button asks for the rest, then opens the browser's Print dialog, which a headless browser cannot
    // show (window.print never returns there): what matters is what the page holds when it is opened.
    await page.evaluate(() => {
      window.print = () => {
        document.body.dataset.printedPassages = String(document.querySelectorAll('.reading [data-passage-id]').length);
      };
    });
    await page.getByRole('button', { name: 'Print section' }).click();
    await expect.poll(() => page.evaluate(() => document.body.dataset.printedPassages)).toBe(String(ENTRIES + 1));
    await page.emulateMedia({ media: 'print' });
    const whole = await pdfText(await page.pdf({ format: 'A4' }));
    expect(whole).toContain(`Entry ${ENTRIES}: the harbour register`);
    expect(whole).not.toContain('This printout holds');
  });

  it('says which passages are shown in the Korean interface too', async () => {
    const page = await h.openPage({ locale: 'ko-KR' });
    const { passages } = await register(page);
    await page.goto(`${h.server.url}#/passage/${encodeURIComponent(passages[700]!.id)}`);
    await expect.poll(() => shownPassages(page).count()).toBe(200);
    expect(await page.locator('.window-edge-later [role=status]').textContent()).toBe('단락 1,001개 중 681–880');
    await page.getByRole('button', { name: '앞의 200개 보기' }).waitFor();
    await page.getByRole('button', { name: '121개 더 보기' }).waitFor();
    await expectAxeCleanInBothSchemes(page);
  });
});
