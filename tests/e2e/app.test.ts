/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser page, so this file also sees DOM types.
/**
 * End to end: `folio serve` on the embedded archive, driven in Debian's Chromium through Playwright's
 * library API. No fixed sleeps: every wait is for a condition. Every test opens its own browser profile
 * (bookmarks and settings are per profile), so the tests pass alone and in any order.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { embeddedPackPath } from '../../main/archive/embedded';
import { axeSerious, chromiumMissing, foreignRequests, servedReader, startHarness, type Harness } from './harness';

// Every run writes its screenshots to test-results/e2e; `npm run screenshots` also refreshes the README's.
const RESULTS = join(process.cwd(), 'test-results', 'e2e');
const SHOTS =
  process.env.FOLIO_UPDATE_SCREENSHOTS === '1' ? [RESULTS, join(process.cwd(), 'docs', 'screenshots')] : [RESULTS];
for (const dir of SHOTS) mkdirSync(dir, { recursive: true });

async function shot(page: Page, name: string): Promise<void> {
  const png = await page.screenshot({ fullPage: false });
  for (const dir of SHOTS) writeFileSync(join(dir, `${name}.png`), png);
}

/**
 * What the search shows, as `query|kinds|state`: the query typed, the kinds checked (sorted, '' when all), and
 * whether the answer on screen is the one for them (`shown`) or a newer one is on its way (`busy`: the status,
 * a live region, is aria-busy until then).
 */
const shown = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const kindOf: Record<string, string> = { Text: 'text', Captions: 'caption', Media: 'media' };
    const chips = Array.from(document.querySelectorAll<HTMLLabelElement>('.search-panel fieldset label'));
    const checked = chips.filter((chip) => chip.querySelector('input')?.checked);
    const kinds =
      checked.length === chips.length
        ? ''
        : checked
            .map((chip) => kindOf[chip.textContent?.trim() ?? ''])
            .sort()
            .join(',');
    const query = document.querySelector<HTMLInputElement>('input[type=search]')?.value ?? '';
    const busy = document.querySelector('.search-status')?.getAttribute('aria-busy') === 'true';
    return `${query}|${kinds}|${busy ? 'busy' : 'shown'}`;
  });

/** Types a query and waits until the results for exactly it (and `kinds`, sorted; '' = all) are on screen. */
async function search(page: Page, query: string, kinds = ''): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search the archive' });
  await box.fill(query);
  if (query.trim()) await expect.poll(() => shown(page), { timeout: 30_000 }).toBe(`${query}|${kinds}|shown`);
}

/** Toggles a kind filter and waits for the answer filtered by `kinds`. */
async function setKind(page: Page, name: string, on: boolean, kinds: string): Promise<void> {
  const box = page.getByRole('checkbox', { name, exact: true });
  if (on) await box.check();
  else await box.uncheck();
  const query = await page.getByRole('searchbox', { name: 'Search the archive' }).inputValue();
  if (query.trim()) await expect.poll(() => shown(page), { timeout: 30_000 }).toBe(`${query}|${kinds}|shown`);
}

/** Opens the home page and waits for it. */
async function home(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

const status = (page: Page): Promise<string | null> => page.locator('.search-status').textContent();
const hash = (page: Page): Promise<string> => page.evaluate(() => location.hash);

const perf: Record<string, unknown> = {};

describe.skipIf(!!chromiumMissing)(
  `folio serve in Chromium${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`,
  () => {
    let h: Harness;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      h = await startHarness(embeddedPackPath());
    });

    // A fresh profile per test; what the test's pages asked for and logged is checked after it.
    beforeEach(async () => {
      h.requests.length = 0;
      h.pageErrors.length = 0;
      context = await h.newContext();
      page = await context.newPage();
    });

    afterEach(async () => {
      await context.close();
      expect(foreignRequests(h.requests, h.origin)).toEqual([]);
      expect(h.pageErrors).toEqual([]);
    });

    afterAll(async () => {
      await h?.close();
      if (Object.keys(perf).length) {
        writeFileSync(join(RESULTS, 'timings.json'), `${JSON.stringify(perf, null, 2)}\n`);
        console.log('e2e timings', perf);
      }
    });

    it('answers the first search soon after the server starts', async () => {
      // A server and browser of its own, so the time is from a cold start whatever ran before.
      const cold = await startHarness(embeddedPackPath());
      try {
        const first = await (await cold.newContext()).newPage();
        await first.goto(cold.server.url);
        await first.getByRole('heading', { level: 1 }).first().waitFor();
        await search(first, 'Pusan');
        perf.serveStartToFirstSearchMs = Math.round(performance.now() - cold.startMs);
        perf.serveListeningMs = cold.serverReadyMs;
        perf.chromiumLaunchedMs = cold.browserReadyMs;
        expect(await first.getByRole('option').count()).toBeGreaterThan(0);
        expect(foreignRequests(cold.requests, cold.origin)).toEqual([]);
        expect(cold.pageErrors).toEqual([]);
      } finally {
        await cold.close();
      }
    });

    it('asks for what the first page shows at once, not each after the last answer', async () => {
      // kiosk.config answers late, as over a phone's hotspot: the archive's description and the library
      // are asked meanwhile; the reader's settings and bookmarks once the answer says this is no kiosk.
      const events: string[] = [];
      page.on('request', (request) => {
        const method = /\/api\/([\w.]+)$/.exec(request.url())?.[1];
        if (method) events.push(`ask ${method}`);
      });
      await page.route('**/api/kiosk.config', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        events.push('kiosk.config answered');
        await route.continue();
      });
      await home(page, h.server.url);
      await page.getByRole('region', { name: 'Contents' }).getByRole('link').first().waitFor();
      const beforeAnswer = events.slice(0, events.indexOf('kiosk.config answered'));
      expect(beforeAnswer.sort()).toEqual(['ask archive.info', 'ask kiosk.config', 'ask library.list']);
      // Each asked once: the app took the early answers rather than asking again.
      const asked = events.filter((e) => e.startsWith('ask ')).sort();
      for (const method of ['archive.info', 'bookmarks.list', 'kiosk.config', 'library.list', 'settings.get'])
        expect(
          asked.filter((e) => e === `ask ${method}`),
          method,
        ).toHaveLength(1);
    });

    it('shows the home page: title, description, contents and what the archive holds', async () => {
      await page.goto(`${h.server.url}#/`);
      await page.getByRole('heading', { level: 1, name: /Korea/ }).waitFor();
      const toc = page.getByRole('region', { name: 'Contents' }).getByRole('link');
      await expect.poll(() => toc.count()).toBeGreaterThan(5);
      // Counted as a reader counts: passages, sections, pictures and films (tests/e2e/about.test.ts has the figures).
      await expect
        .poll(() => page.locator('.hero .holdings').textContent())
        .toMatch(/^\d+ passages in \d+ sections, \d+ pictures, \d+ films and recordings$/);
      expect(await axeSerious(page)).toEqual([]);
      await shot(page, 'home');
    });

    it('measures keystroke-to-results latency', async () => {
      await home(page, h.server.url);
      const words = [
        'S',
        'Se',
        'Seo',
        'Seou',
        'Seoul',
        'I',
        'In',
        'Inc',
        'Inch',
        'Incho',
        'Inchon',
        'Rhee',
        'truce',
        'refugees',
        'Korea',
        'Busan',
      ];
      const samples: number[] = [];
      const answered: number[] = [];
      for (const word of words) {
        const ms = await page.evaluate(async (q) => {
          const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
          const status = document.querySelector('.search-status')!;
          // The native setter: React sees the change as typing (assigning input.value would hide it from React).
          const value = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value') as {
            set: (this: HTMLInputElement, text: string) => void;
          };
          return new Promise<{ answered: number; painted: number }>((resolve) => {
            let t0 = 0;
            // The answer's arrival is seen exactly (the status stops being busy), its paint at the next frame.
            const observer = new MutationObserver(() => {
              if (input.value !== q || status.getAttribute('aria-busy') === 'true') return;
              observer.disconnect();
              const answered = performance.now() - t0;
              requestAnimationFrame(() =>
                requestAnimationFrame(() => resolve({ answered, painted: performance.now() - t0 })),
              );
            });
            observer.observe(status, { attributes: true, attributeFilter: ['aria-busy'] });
            t0 = performance.now();
            value.set.call(input, q);
            input.dispatchEvent(new Event('input', { bubbles: true }));
          });
        }, word);
        samples.push(ms.painted);
        answered.push(ms.answered);
      }
      samples.sort((a, b) => a - b);
      answered.sort((a, b) => a - b);
      perf.keystrokeToResultsMs = {
        answeredMedian: Math.round(answered[Math.floor(answered.length / 2)]!),
        answeredP90: Math.round(answered[Math.floor(answered.length * 0.9)]!),
        median: Math.round(samples[Math.floor(samples.length / 2)]!),
        p90: Math.round(samples[Math.floor(samples.length * 0.9)]!),
        max: Math.round(samples[samples.length - 1]!),
        n: samples.length,
      };
      expect(samples[Math.floor(samples.length / 2)]).toBeLessThan(1000);
    });

    it('searches, chooses a result with the keyboard, and highlights the words in the passage', async () => {
      await page.goto(`${h.server.url}#/`);
      await search(page, 'Syngman Rhee');
      const options = page.getByRole('option');
      expect(await options.count()).toBeGreaterThan(0);
      await expect.poll(() => options.first().locator('mark').count()).toBeGreaterThan(0);
      expect(await page.locator('.result .badge').first().textContent()).toMatch(/Text|Caption|Media|Heading/);
      const box = page.getByRole('searchbox', { name: 'Search the archive' });
      await box.press('ArrowDown');
      await expect.poll(() => options.first().getAttribute('aria-selected')).toBe('true');
      expect(await box.getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'));
      expect(await axeSerious(page)).toEqual([]);
      await shot(page, 'search');
      await box.press('Enter');
      await expect.poll(() => hash(page)).toMatch(/^#\/passage\/[^?]+\?h=\d+-\d+/);
      const target = page.locator('.passage.target');
      await target.waitFor();
      const marks = await target.locator('mark.hit').allTextContents();
      expect(marks.join(' ')).toMatch(/Syngman|Rhee/i);
      const inView = await target.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      });
      expect(inView).toBe(true);
      expect(await axeSerious(page)).toEqual([]);
      await shot(page, 'reading-caption');
    });

    it('supports back and forward between passages and sections', async () => {
      await home(page, h.server.url);
      await search(page, 'Syngman Rhee');
      await page.getByRole('searchbox', { name: 'Search the archive' }).press('Enter');
      await expect.poll(() => hash(page)).toMatch(/^#\/passage\/[^?]+\?h=\d+-\d+/);
      await page.locator('.passage.target mark.hit').first().waitFor();
      const passageHash = await hash(page);
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').first().click();
      await expect.poll(() => hash(page)).toMatch(/^#\/section\//);
      const sectionHash = await hash(page);
      await page.goBack();
      await expect.poll(() => hash(page)).toBe(passageHash);
      await page.locator('.passage.target mark.hit').first().waitFor();
      await page.goForward();
      await expect.poll(() => hash(page)).toBe(sectionHash);
      // A deep link in a fresh page opens the passage directly.
      const fresh = await context.newPage();
      await fresh.goto(`${h.server.url}${passageHash}`);
      await fresh.locator('.passage.target mark.hit').first().waitFor();
      await fresh.close();
    });

    it('filters results by kind', async () => {
      await home(page, h.server.url);
      await search(page, 'won');
      const kinds = async (): Promise<string[]> => page.locator('.result .badge').allTextContents();
      expect(new Set(await kinds()).size).toBeGreaterThan(1);
      await setKind(page, 'Text', false, 'caption,media');
      await setKind(page, 'Media', false, 'caption');
      const onlyCaptions = await kinds();
      expect(onlyCaptions.length).toBeGreaterThan(0);
      expect(new Set(onlyCaptions)).toEqual(new Set(['Caption']));
      // Media only.
      await setKind(page, 'Media', true, 'caption,media');
      await setKind(page, 'Captions', false, 'media');
      await search(page, 'film', 'media');
      expect(new Set(await kinds())).toEqual(new Set(['Media']));
      await setKind(page, 'Text', true, 'media,text');
      await setKind(page, 'Captions', true, '');
      // A query that names only a kind lists that kind, all of it.
      await search(page, 'photos');
      expect(await status(page)).toMatch(/^26 results/);
      expect(new Set(await kinds())).toEqual(new Set(['Caption']));
    });

    it('shows a clear "no results" state and never errors on odd input', async () => {
      await home(page, h.server.url);
      await search(page, 'qqqxyzzyplugh');
      expect(await status(page)).toMatch(/^No results for/);
      const odd = [
        'title:',
        '~',
        '+',
        '"',
        '😀',
        '*',
        '-',
        ':',
        '^2',
        'a:b:c',
        '((',
        '\\',
        '<script>alert(1)</script>',
        '%',
        'text:~2 +"',
        '한국 전쟁',
        'x'.repeat(10_000),
      ];
      for (const query of odd) {
        await search(page, query);
        expect(await status(page), `query ${query.slice(0, 20)}`).not.toMatch(/failed/i);
      }
      await page.getByRole('searchbox', { name: 'Search the archive' }).press('Escape');
      expect(await page.getByRole('searchbox', { name: 'Search the archive' }).inputValue()).toBe('');
      expect(h.pageErrors).toEqual([]);
    });

    it('bookmarks a passage, keeps it across a reload, edits its note, and exports', async () => {
      await home(page, h.server.url);
      await search(page, 'Inchon');
      await page.getByRole('searchbox', { name: 'Search the archive' }).press('Enter');
      const target = page.locator('.passage.target');
      await target.waitFor();
      const toggle = target.getByRole('button', { name: /^Bookmark/ });
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');

      await page.reload();
      const again = page.locator('.passage.target').getByRole('button', { name: /^Bookmark/ });
      await expect.poll(() => again.getAttribute('aria-pressed'), { timeout: 30_000 }).toBe('true');

      await page
        .locator('.passage.target')
        .getByRole('button', { name: /^Add note/ })
        .click();
      await page.getByRole('textbox', { name: /^Note for/ }).fill('Check the landing date against the map.');
      await page.getByRole('button', { name: 'Save note' }).click();
      await page.locator('.passage.target .passage-note').getByText('Check the landing date').waitFor();
      await page.locator('.passage.target').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await shot(page, 'reading');

      // Bookmark a second passage from another search, once the reader has moved to it: clicked while
      // the first passage is still the target, the button would take the first bookmark away.
      const firstTarget = await page.locator('.passage.target').getAttribute('data-passage-id');
      await search(page, 'won');
      await page.getByRole('option').first().click();
      await expect.poll(() => page.locator('.passage.target').getAttribute('data-passage-id')).not.toBe(firstTarget);
      await page
        .locator('.passage.target')
        .getByRole('button', { name: /^Bookmark/ })
        .click();
      await expect
        .poll(() =>
          page
            .locator('.passage.target')
            .getByRole('button', { name: /^Bookmark/ })
            .getAttribute('aria-pressed'),
        )
        .toBe('true');

      await page.getByRole('link', { name: 'Bookmarks', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Bookmarks' }).waitFor();
      const items = page.locator('.bookmark');
      await expect.poll(() => items.count()).toBe(2);
      await page.getByText('Check the landing date against the map.').waitFor();
      expect(await page.locator('.bookmark time').count()).toBe(2);
      expect(await page.locator('.bookmark-section').count()).toBe(2);
      expect(await axeSerious(page)).toEqual([]);
      await shot(page, 'bookmarks');

      const [json] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export JSON' }).click(),
      ]);
      expect(json.suggestedFilename()).toMatch(/^folio-bookmarks-.*\.json$/);
      const exported = JSON.parse(readFileSync(await json.path(), 'utf8')) as {
        format: string;
        bookmarks: { note: string; passageId: string }[];
      };
      expect(exported.format).toBe('folio-bookmarks');
      expect(exported.bookmarks.map((b) => b.note)).toContain('Check the landing date against the map.');

      const [md] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export Markdown' }).click(),
      ]);
      expect(md.suggestedFilename()).toMatch(/\.md$/);
      expect(readFileSync(await md.path(), 'utf8')).toContain('Check the landing date against the map.');

      // Edit a note from the list.
      await items.first().getByRole('button', { name: /note/i }).click();
      await page.getByRole('textbox', { name: 'Note' }).fill('Edited in the list.');
      await page.getByRole('button', { name: 'Save note' }).click();
      await page.getByText('Edited in the list.').waitFor();

      // Remove one, then import the export back: merged, no duplicates.
      await items.nth(1).getByRole('button', { name: 'Remove' }).click();
      await expect.poll(() => items.count()).toBe(1);
      const file = join(h.dataDir, 'import.json');
      writeFileSync(file, JSON.stringify(exported));
      await page.locator('input[type=file]').setInputFiles(file);
      await page
        .locator('.toolbar-message')
        .getByText(/Imported from import\.json: 1 added/)
        .waitFor();
      await expect.poll(() => items.count()).toBe(2);
    });

    it('works by keyboard alone', async () => {
      const kb = page;
      await home(kb, h.server.url);
      await kb.keyboard.press('/');
      expect(await kb.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
      await kb.keyboard.type('Seoul');
      await expect.poll(() => shown(kb)).toBe('Seoul||shown');
      await kb.keyboard.press('ArrowDown');
      await kb.keyboard.press('ArrowDown');
      await kb.keyboard.press('ArrowUp');
      await kb.keyboard.press('Enter');
      await expect.poll(() => hash(kb)).toMatch(/^#\/passage\//);
      await kb.locator('.passage.target').waitFor();
      // Focus is on the passage; Tab reaches its bookmark toggle; Space presses it.
      await expect.poll(() => kb.evaluate(() => document.activeElement?.classList.contains('target'))).toBe(true);
      await kb.keyboard.press('Tab');
      const name = await kb.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      expect(name).toMatch(/^Bookmark/);
      await kb.keyboard.press('Space');
      await expect.poll(() => kb.evaluate(() => document.activeElement?.getAttribute('aria-pressed'))).toBe('true');
      // Ctrl+K focuses the search; Esc clears; Tab reaches the Bookmarks link.
      await kb.keyboard.press('Control+k');
      expect(await kb.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
      await kb.keyboard.press('Escape');
      await kb.keyboard.press('Tab');
      await kb.keyboard.press('Tab');
      expect(await kb.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(/^Bookmarks/);
      await kb.keyboard.press('Enter');
      await kb.getByRole('heading', { level: 1, name: 'Bookmarks' }).waitFor();
      // Every control shows a visible focus indicator.
      await kb.keyboard.press('Tab');
      const outline = await kb.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      });
      expect(outline).not.toMatch(/^none/);
    });

    it('remembers theme and text size, and restores the reading position at the next start', async () => {
      await page.goto(`${h.server.url}#/settings`);
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      await page.getByRole('radio', { name: 'Dark' }).check();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      const slider = page.getByRole('slider', { name: 'Text size' });
      const size = Number(await slider.inputValue());
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => Number(await slider.inputValue())).toBe(size + 1);
      expect(await axeSerious(page)).toEqual([]);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(Number(await page.getByRole('slider', { name: 'Text size' }).inputValue())).toBe(size + 1);
      await shot(page, 'settings-dark');

      // Read a later section, scroll, and start again without a link.
      await page.goto(`${h.server.url}#/`);
      await page.getByRole('region', { name: 'Contents' }).getByRole('link').nth(3).click();
      await page.locator('.passage').nth(3).scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 600);
      const saved = async (): Promise<string | null> =>
        page.evaluate(async () => {
          const r = await fetch('./api/settings.get', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '{}',
          });
          return ((await r.json()) as { value: { readingPosition: string | null } }).value.readingPosition;
        });
      const sectionIds = await page
        .locator('.reading [data-passage-id]')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.passageId));
      await expect.poll(saved, { timeout: 30_000 }).toSatisfy((id: string | null) => !!id && sectionIds.includes(id));
      // Saved 700 ms after the page stops moving, so a busy page may save again: wait until it has settled.
      let position = await saved();
      await expect
        .poll(
          async () => {
            const before = position;
            await new Promise((resolve) => setTimeout(resolve, 1000));
            position = await saved();
            return position === before;
          },
          { timeout: 30_000 },
        )
        .toBe(true);
      const next = await context.newPage();
      await next.goto(h.server.url);
      await expect.poll(() => hash(next), { timeout: 30_000 }).toBe(`#/passage/${encodeURIComponent(position!)}`);
      await next.locator(`[data-passage-id="${position}"]`).waitFor();
      await next.close();
    });

    it('shows captions without images as "not included in this archive"', async () => {
      await home(page, h.server.url);
      await search(page, '1947 Korean Won');
      await setKind(page, 'Text', false, 'caption,media');
      await page.getByRole('option').first().click();
      const target = page.locator('.passage.target');
      await target.locator('figure figcaption').waitFor();
      await target.getByText('not included in this archive').waitFor();
      await search(page, 'won', 'caption,media');
      await setKind(page, 'Text', true, '');
    });

    it('follows the system colour scheme with the same palettes as the light and dark themes', async () => {
      const theme = (): Promise<string | undefined> => page.evaluate(() => document.documentElement.dataset.theme);
      const colours = (): Promise<string> =>
        page.evaluate(() => {
          const of = (selector: string): CSSStyleDeclaration => getComputedStyle(document.querySelector(selector)!);
          const root = of('html');
          return [root.backgroundColor, root.color, root.colorScheme, of('.setting').backgroundColor, of('h1').color]
            .map((c) => c.trim())
            .join(' ');
        });
      const choose = async (name: string, value: string): Promise<void> => {
        await page.getByRole('radio', { name }).check();
        await expect.poll(theme).toBe(value);
      };
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(`${h.server.url}#/settings`);
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      await choose('Light', 'light');
      const light = await colours();
      await choose('Dark', 'dark');
      const dark = await colours();
      expect(dark).not.toBe(light);
      expect(dark).toContain('dark');

      await choose('Match the system', 'system');
      await expect.poll(colours).toBe(light);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(colours).toBe(dark);
      expect(await axeSerious(page)).toEqual([]);
      // A chosen theme holds whatever the system prefers.
      await choose('Light', 'light');
      await expect.poll(colours).toBe(light);
    });

    it('sends no request anywhere but the local server', async () => {
      await home(page, h.server.url);
      await search(page, 'won');
      await page.getByRole('option').first().click();
      await page.locator('.passage.target').waitFor();
      await page.getByRole('link', { name: /^Next/ }).click();
      await expect.poll(() => hash(page)).toMatch(/^#\/section\//);
      await page.getByRole('link', { name: 'Bookmarks', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Bookmarks' }).waitFor();
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      // The tour really went through the page's assets and the API, so the check below covers them.
      const paths = h.requests.map((url) => new URL(url).pathname);
      for (const expected of [
        /\.js$/,
        /\.css$/,
        /^\/api\/search\.query$/,
        /^\/api\/archive\.section$/,
        /^\/api\/bookmarks\.list$/,
      ])
        expect(
          paths.some((path) => expected.test(path)),
          String(expected),
        ).toBe(true);
      expect(foreignRequests(h.requests, h.origin)).toEqual([]);
      expect(h.pageErrors).toEqual([]);
    });
  },
);

describe.skipIf(!!chromiumMissing)('media in a pack that has them', () => {
  const h = servedReader(async () => {
    const { buildPack } = await import('../../main/archive/writer/build-pack');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const pack = join(mkdtempSync(join(tmpdir(), 'folio-e2e-pack-')), 'fixture.folio');
    buildPack(join(process.cwd(), 'tests', 'e2e', 'fixture'), pack);
    return pack;
  });
  let page: Page;
  beforeEach(async () => {
    page = await h.openPage();
  });

  it('shows images from the pack, and placeholders for what the pack lacks', async () => {
    await page.goto(h.server.url);
    await page.getByRole('link', { name: 'Start reading' }).click();
    const img = page.locator('figure img');
    await img.waitFor();
    await expect
      .poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth))
      .toBe(320);
    expect(await img.getAttribute('alt')).toMatch(/lighthouse/i);
    expect(await page.getByText('Image not included in this archive').count()).toBe(1);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'The ferry' }).click();
    await page.getByRole('heading', { name: 'The Ferry Crossing' }).waitFor();
    expect(await page.getByText('Video not included in this archive').count()).toBe(1);
    expect(await page.getByText('Audio not included in this archive').count()).toBe(1);
    expect(await axeSerious(page)).toEqual([]);
  });

  it('deep-links a passage of the fixture, and sends nothing off the machine', async () => {
    await home(page, h.server.url);
    await search(page, 'Busan');
    // The variant table maps Busan to Pusan.
    await expect.poll(() => page.locator('.result mark').first().textContent()).toBe('Pusan');
    await page.getByRole('searchbox', { name: 'Search the archive' }).press('Enter');
    await page.locator('.passage.target mark.hit').first().waitFor();
    expect(foreignRequests(h.requests, h.origin)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});

describe.skipIf(!!chromiumMissing)('a damaged bookmarks file', () => {
  it('tells the reader, on the page, that a damaged bookmarks file was reset, until dismissed', async () => {
    const { mkdtempSync, writeFileSync: write } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { BOOKMARKS_FILE } = await import('../../main/bookmarks/store');
    const { startServer } = await import('../../main/serve/server');
    const data = mkdtempSync(join(tmpdir(), 'folio-e2e-corrupt-'));
    write(join(data, BOOKMARKS_FILE), 'garbage '.repeat(500));
    const server = await startServer({ archivePath: embeddedPackPath(), dataDir: data, port: 0 });
    const { chromium } = await import('playwright');
    const { CHROMIUM, CHROMIUM_ARGS } = await import('./harness');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const ctx = await browser.newContext({ serviceWorkers: 'block' });
    try {
      const p = await ctx.newPage();
      await p.goto(server.url);
      const notice = p.getByRole('alert').filter({ hasText: 'Please note' });
      await notice.getByText(/bookmarks database was damaged/).waitFor();
      await notice.getByText(server.opened.recovery!.movedTo, { exact: false }).waitFor();
      expect(await axeSerious(p)).toEqual([]);
      await shot(p, 'bookmarks-reset-notice');
      // Reading and bookmarking go on with the fresh file.
      await p.getByRole('link', { name: 'Start reading' }).click();
      await p.locator('.passage').first().waitFor();
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => notice.count()).toBe(0);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe.skipIf(!!chromiumMissing)('bookmarks across a newer pack', () => {
  it('shows a bookmark whose passage is gone as orphaned, and keeps it', async () => {
    const { buildPack } = await import('../../main/archive/writer/build-pack');
    const { cpSync, mkdtempSync, readFileSync: read, writeFileSync: write } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const work = mkdtempSync(join(tmpdir(), 'folio-e2e-orphan-'));
    const v1 = join(work, 'v1.folio');
    buildPack(join(process.cwd(), 'tests', 'e2e', 'fixture'), v1);
    // v2: the same archive id, one paragraph removed.
    const source = join(work, 'src');
    cpSync(join(process.cwd(), 'tests', 'e2e', 'fixture'), source, { recursive: true });
    const file = join(source, 'content', '010-harbour.md');
    write(file, read(file, 'utf8').replace('Fishing boats left before dawn and returned with the tide.\n\n', ''));
    const v2 = join(work, 'v2.folio');
    buildPack(source, v2);

    const first = await startHarness(v1);
    const context = await first.newContext();
    const page = await context.newPage();
    await page.goto(first.server.url);
    await page.getByRole('link', { name: 'Start reading' }).click();
    const fishing = page.locator('.passage', { hasText: 'Fishing boats' });
    await fishing.getByRole('button', { name: /^Bookmark/ }).click();
    await expect
      .poll(() => fishing.getByRole('button', { name: /^Bookmark/ }).getAttribute('aria-pressed'))
      .toBe('true');
    const cookies = await context.cookies();
    await first.close();

    // Same data folder, same browser profile (cookie), newer pack.
    const { startServer } = await import('../../main/serve/server');
    const second = await startServer({ archivePath: v2, dataDir: first.dataDir, port: 0 });
    const { chromium } = await import('playwright');
    const { CHROMIUM, CHROMIUM_ARGS } = await import('./harness');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const ctx = await browser.newContext();
      await ctx.addCookies(cookies.map((c) => ({ ...c, domain: new URL(second.url).hostname })));
      const p2 = await ctx.newPage();
      await p2.goto(`${second.url}#/bookmarks`);
      await p2.getByRole('heading', { level: 1, name: 'Bookmarks' }).waitFor();
      const item = p2.locator('.bookmark.orphaned');
      await item.waitFor();
      await item.getByText('Orphaned', { exact: true }).waitFor();
      await item.getByText('This passage is no longer in this archive').waitFor();
      // It still shows what the passage said when it was bookmarked.
      await item.getByText('Fishing boats left before dawn', { exact: false }).waitFor();
      expect(await axeSerious(p2)).toEqual([]);
      await shot(p2, 'bookmarks-orphaned');
    } finally {
      await browser.close();
      await second.close();
    }
  });
});
