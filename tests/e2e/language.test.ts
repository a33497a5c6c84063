/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser page, so this file also sees DOM types.
/**
 * The interface in English and Korean: the default follows the browser's language or the configured `?lang=`,
 * the choice in Settings is kept, the archive's text keeps its own language, and every view, in both languages
 * and both themes, has no untranslated key, no English interface text in Korean, and no serious axe finding.
 * A kiosk configured in Korean (kiosk.json "language": "ko") starts every visitor in Korean, whatever the
 * last one chose, and its own views (attract, keyboard, PIN pad, idle dialog) are Korean throughout.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedPackPath } from '../../main/archive/embedded';
import { startServer, type RunningServer } from '../../main/serve/server';
import { en } from '../../renderer/src/i18n/en';
import { ko } from '../../renderer/src/i18n/ko';
import { axeSerious, chromiumMissing, foreignRequests, startHarness, type Harness, servedReader } from './harness';

/** Every key of a catalogue, dotted, plural suffixes dropped; and every message. */
function flatten(node: object, prefix = ''): { key: string; message: string }[] {
  return Object.entries(node).flatMap(([k, v]) =>
    typeof v === 'string'
      ? [{ key: `${prefix}${k.replace(/_(one|other)$/, '')}`, message: v }]
      : flatten(v as object, `${prefix}${k}.`),
  );
}
const ENTRIES = flatten(en);
const KEYS = [...new Set(ENTRIES.map((e) => e.key))];
/** Names the Korean catalogue keeps as they are (BibTeX, CSL-JSON): the same message in both. */
const SAME_IN_KOREAN = new Set(flatten(ko).map((e) => e.message));
/** The English words of each message between its placeholders: what a Korean page must not show. */
const ENGLISH_PIECES = [
  ...new Set(
    ENTRIES.filter((e) => !SAME_IN_KOREAN.has(e.message))
      .flatMap((e) => e.message.split(/\{\{[^}]*\}\}/))
      .map((piece) => piece.replace(/[“”"().,:…]/g, ' ').trim())
      .filter((piece) => /[A-Za-z]{3}/.test(piece) && piece !== 'Folio'),
  ),
];
/** Latin words a Korean interface still shows: the brand, file formats, units and the names of keys. */
const LATIN_ALLOWED = new Set([
  'Folio',
  'JSON',
  'Markdown',
  'BibTeX',
  'CSL',
  'Ctrl',
  'Enter',
  'Escape',
  'Esc',
  'Shift',
  'px',
  'KB',
  'MB',
]);
/** Addresses (the Share view's) are not words of any language. */
const URL_PATTERN = /\bhttps?:\/\/\S+/g;

/** What the interface (not the archive) says on the page: text outside any element of another language. */
function interfaceText(page: Page): Promise<{ texts: string[]; attributes: string[] }> {
  return page.evaluate(() => {
    const ui = document.documentElement.lang;
    const ofInterface = (el: Element | null): boolean => !!el && el.closest('[lang]')?.getAttribute('lang') === ui;
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      // Keys and commands (kbd, code) are typed as they are, in any language.
      if (!el || el.closest('script, style, noscript, kbd, code, [hidden]') || !ofInterface(el)) continue;
      const text = node.textContent?.trim();
      if (text) texts.push(text);
    }
    const attributes: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('[aria-label], [title], [placeholder]'))) {
      if (!ofInterface(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(name);
        if (value) attributes.push(value);
      }
    }
    attributes.push(document.title);
    return { texts, attributes };
  });
}

/** What on the page is not Korean: keys shown as text, English messages, Latin words outside the archive's text. */
async function untranslated(page: Page): Promise<string[]> {
  const { texts, attributes } = await interfaceText(page);
  const found: string[] = [];
  for (const text of [...texts, ...attributes]) {
    for (const key of KEYS) if (text.includes(key)) found.push(`key ${key} in “${text}”`);
    // A one-word message ("Video") may also be a word of the archive's text that a label quotes: only whole.
    for (const piece of ENGLISH_PIECES)
      if (piece.includes(' ') ? text.includes(piece) : text === piece) found.push(`English “${piece}” in “${text}”`);
  }
  for (const text of texts) {
    for (const word of text.replace(URL_PATTERN, '').match(/[A-Za-z]{2,}/g) ?? [])
      if (!LATIN_ALLOWED.has(word)) found.push(`Latin “${word}” in “${text}”`);
  }
  return [...new Set(found)];
}

describe.skipIf(!!chromiumMissing)(
  `the interface in English and Korean${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`,
  () => {
    const h = servedReader(() => embeddedPackPath());
    const open = (locale: string): Promise<Page> => h.openPage({ locale });

    it('follows the browser language, then the configured default, then the reader’s choice', async () => {
      const ko = await open('ko-KR');
      await ko.goto(`${h.server.url}#/`);
      await ko.getByRole('link', { name: '목차', exact: true }).waitFor();
      expect(await ko.evaluate(() => document.documentElement.lang)).toBe('ko');
      // The archive's own text keeps its language.
      expect(await ko.locator('#archive-title').getAttribute('lang')).toBe('en');

      const configured = await open('en-US');
      await configured.goto(`${h.server.url}?lang=ko#/`);
      await configured.getByRole('link', { name: '설정', exact: true }).click();
      await configured.getByRole('heading', { level: 1, name: '설정' }).waitFor();

      // Choosing English in Settings wins over both, and is kept across a reload.
      await configured.getByRole('radio', { name: 'English' }).check();
      await configured.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      expect(await configured.evaluate(() => document.documentElement.lang)).toBe('en');
      await configured.reload();
      await configured.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      expect(await configured.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
      // And back to following the default.
      await configured.getByRole('radio', { name: 'The system’s language' }).check();
      await configured.getByRole('heading', { level: 1, name: '설정' }).waitFor();
    });

    it('counts with each language’s plural rules', async () => {
      const page = await open('en-US');
      await page.goto(`${h.server.url}#/`);
      await page.locator('.toc-count').first().waitFor();
      const counts = await page.locator('.toc-count').allTextContents();
      expect(counts.every((c) => /^\d[\d,]* passages?$/.test(c))).toBe(true);
      expect(counts.some((c) => / passages$/.test(c))).toBe(true);
      await page.getByRole('searchbox', { name: 'Search the archive' }).fill('Inchon');
      await expect.poll(() => page.locator('.search-status').textContent()).toMatch(/^\d+ results?/);

      const ko = await open('ko');
      await ko.goto(`${h.server.url}#/`);
      await ko.locator('.toc-count').first().waitFor();
      const koCounts = await ko.locator('.toc-count').allTextContents();
      expect(koCounts.every((c) => /^단락 \d[\d,]*개$/.test(c))).toBe(true);
    });

    for (const language of ['en', 'ko'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        it(`walks every view in ${language === 'en' ? 'English' : 'Korean'}, ${theme} theme`, async () => {
          const page = await open(language === 'ko' ? 'ko-KR' : 'en-US');
          const problems: string[] = [];
          const check = async (view: string): Promise<void> => {
            for (const finding of await axeSerious(page)) problems.push(`${view}: ${finding}`);
            if (language === 'ko') for (const finding of await untranslated(page)) problems.push(`${view}: ${finding}`);
          };

          await page.goto(`${h.server.url}#/settings`);
          await page.locator(`input[name=theme][value=${theme}]`).check();
          await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
          await check('settings');

          await page.goto(`${h.server.url}#/`);
          await page.locator('#archive-title').waitFor();
          await check('home');

          // About this archive, with the details it reads from the sections.
          await page
            .getByRole('navigation')
            .getByRole('link', { name: language === 'ko' ? '소개' : 'About' })
            .click();
          await page.locator('.about-sections .about-detail').first().waitFor();
          await check('about');
          await page.goto(`${h.server.url}#/`);
          await page.locator('#archive-title').waitFor();

          // Every section (captions, media cards, headings), each bookmarked once, one with its note open.
          await page.locator('.toc-list a').first().waitFor();
          const sections = await page.locator('.toc-list a').evaluateAll((links) =>
            links.map((a) => ({
              href: a.getAttribute('href') ?? '',
              title: a.querySelector('.toc-title')?.textContent ?? '',
            })),
          );
          for (const [i, { href, title }] of sections.entries()) {
            await page.goto(`${h.server.url}${href}`);
            // A hash change keeps the page: wait for this section, not the last one's passages.
            await expect.poll(() => page.locator('#section-title').textContent()).toBe(title);
            await page.locator('.reading .passage').first().waitFor();
            await page.locator('.reading .bookmark-toggle').first().click();
            await page.locator('.reading .passage.bookmarked').first().waitFor();
            if (i === 0) {
              await page.locator('.reading .note-toggle').first().click();
              await page.locator('.note-editor textarea').waitFor();
              await page.locator('.reading .passage-link').first().click();
              await page.locator('.cite-panel').waitFor();
            }
            await check(`section ${i + 1}`);
          }

          // The search: results, and a query that finds nothing.
          const box = page.locator('input[type=search]');
          await box.fill('Inchon');
          await page.locator('.results [role=option]').first().waitFor();
          await check('search results');
          await box.fill('아무것도없는말');
          await page.locator('.search-empty').waitFor();
          await check('search, nothing found');
          await box.press('Escape');

          await page.goto(`${h.server.url}#/bookmarks`);
          await page.locator('.bookmark').first().waitFor();
          await page.locator('.bookmark button').first().click();
          await page.locator('.note-editor textarea').waitFor();
          await check('bookmarks');

          // Share (this server is on loopback: it says so, and how to share) and the library, with a search.
          await page.goto(`${h.server.url}#/share`);
          await page.locator('.share-command').waitFor();
          await check('share');
          await page.goto(`${h.server.url}#/library`);
          await page.locator('.archive-table tbody tr').first().waitFor();
          await check('library');
          await page.locator('#library-query').fill('Inchon');
          await page.locator('#library-query').press('Enter');
          await page.locator('.library-result').first().waitFor();
          await check('library search');

          // A section that is not there: the API answers 404 (which Chromium logs), the reader its own page.
          const logged = h.pageErrors.length;
          await page.goto(`${h.server.url}#/section/no-such-section`);
          await page.locator('.notice.error').waitFor();
          await check('section not found');
          expect(h.pageErrors.splice(logged).every((e) => e.includes('404'))).toBe(true);
          await page.goto(`${h.server.url}#/no/such/view`);
          await page.locator('.notice.error').waitFor();
          await check('unknown path');

          expect(problems).toEqual([]);
        });
      }
    }
  },
);

describe.skipIf(!!chromiumMissing)(
  `a kiosk configured in Korean${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`,
  () => {
    let h: Harness;
    let kiosk: RunningServer;
    const IDLE = 6;
    const COUNTDOWN = 4;

    beforeAll(async () => {
      h = await startHarness(embeddedPackPath());
      // What `folio serve --kiosk` resolves from a kiosk.json of { "language": "ko", "idle": 6, "countdown": 4 }.
      kiosk = await startServer({
        archivePath: embeddedPackPath(),
        dataDir: mkdtempSync(join(tmpdir(), 'folio-e2e-kiosk-ko-')),
        port: 0,
        kiosk: {
          enabled: true,
          idleSeconds: IDLE,
          countdownSeconds: COUNTDOWN,
          osk: true,
          pinHash: null,
          stats: false,
          canExit: false,
          defaults: { theme: 'light', fontSize: 20, language: 'ko' },
        },
      });
    });
    afterAll(async () => {
      await kiosk?.close();
      await h?.close();
    });

    it('starts each visitor in Korean, in Korean throughout, and back in Korean after one chose English', async () => {
      // The browser's own language is English: the kiosk's configured one wins.
      const context = await h.browser.newContext({
        locale: 'en-US',
        viewport: { width: 1080, height: 1920 },
        hasTouch: true,
        serviceWorkers: 'block',
      });
      const requests: string[] = [];
      context.on('request', (request) => requests.push(request.url()));
      const page = await context.newPage();
      const problems: string[] = [];
      const check = async (view: string): Promise<void> => {
        for (const finding of await axeSerious(page)) problems.push(`${view}: ${finding}`);
        for (const finding of await untranslated(page)) problems.push(`${view}: ${finding}`);
        // The checks are the test's time, not the visitor's: a (zero) wheel turn is activity for the idle timer.
        await page.mouse.wheel(0, 0);
      };
      const lang = (): Promise<string> => page.evaluate(() => document.documentElement.lang);

      await page.goto(kiosk.url);
      const start = page.getByRole('button', { name: '터치하여 둘러보기' });
      await start.waitFor({ timeout: 30_000 });
      expect(await lang()).toBe('ko');
      const historyBefore = await page.evaluate(() => history.length);
      await check('attract screen');

      await page.touchscreen.tap(540, 1500);
      const search = page.getByRole('searchbox', { name: '아카이브 검색' });
      await search.waitFor();
      await search.tap();
      const keyboard = page.getByRole('region', { name: '화면 키보드' });
      await keyboard.waitFor();
      await check('home, on-screen keyboard');
      await keyboard.getByRole('button', { name: '한/A', exact: true }).tap();
      for (const key of ['ㅈ', 'ㅔ', 'ㅈ', 'ㅜ']) await keyboard.getByRole('button', { name: key, exact: true }).tap();
      await expect.poll(() => search.inputValue()).toBe('제주');
      const result = page.getByRole('option').filter({ hasText: '제주' }).first();
      await result.waitFor();
      await check('search with the Korean keyboard');
      await result.tap();
      await page.locator('.passage.target').waitFor();
      await check('reading');

      await page.getByRole('link', { name: '설정' }).first().tap();
      await page.getByText('이번 방문 동안만 적용됩니다.').waitFor();
      await check('settings');

      for (let i = 0; i < 5; i++) await page.touchscreen.tap(10, 10);
      const panel = page.getByRole('dialog', { name: '키오스크 관리' });
      await panel.waitFor();
      await check('PIN pad');
      await panel.getByRole('button', { name: '취소' }).tap();
      await expect.poll(() => panel.count()).toBe(0);

      const idle = page.getByRole('alertdialog', { name: '아직 계신가요?' });
      await idle.waitFor({ timeout: (IDLE + 5) * 1000 });
      await check('idle dialog');
      await idle.getByRole('button', { name: '계속 볼게요' }).tap();
      await expect.poll(() => idle.count()).toBe(0);

      // This visitor switches to English; the kiosk starts over in Korean for the next.
      await page.getByRole('radio', { name: 'English' }).tap();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      expect(await lang()).toBe('en');
      await page.getByText('For this visit only.').waitFor();
      await page.getByRole('alertdialog', { name: 'Are you still there?' }).waitFor({ timeout: (IDLE + 5) * 1000 });
      await start.waitFor({ timeout: (COUNTDOWN + 10) * 1000 });
      expect(await lang()).toBe('ko');
      await page.touchscreen.tap(540, 1500);
      await search.waitFor();
      expect(await lang()).toBe('ko');

      // Nothing of the last visit to go back to: the history did not grow, and Back leaves the kiosk page
      // rather than landing on the passage or the settings the visitor saw.
      expect(await page.evaluate(() => history.length)).toBe(historyBefore);
      await page.goBack().catch(() => null);
      expect(page.url()).not.toContain(new URL(kiosk.url).host);

      expect(problems).toEqual([]);
      expect(foreignRequests(requests, new URL(kiosk.url).origin)).toEqual([]);
      await context.close();
    }, 120_000);
  },
);
