/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser page, so this file also sees DOM types.
/**
 * Search polish (issue 14, point 7) end to end: `folio serve` on the embedded archive in Debian's Chromium.
 * "Did you mean", results found through their section title, media results, recent searches (kept per
 * archive, none in a kiosk), "Random passage", and the search box when the reader moves on; each in both
 * interface languages and both themes where it adds interface, with no serious axe finding.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { embeddedPackPath } from '../../main/archive/embedded';
import { resolveKioskSetup } from '../../main/kiosk/kiosk-settings';
import { startServer } from '../../main/serve/server';
import {
  axeSerious,
  CHROMIUM,
  CHROMIUM_ARGS,
  chromiumMissing,
  foreignRequests,
  startHarness,
  type Harness,
  callApi,
} from './harness';

/** expect.poll with time for a loaded machine (the default second is too short when helpers share the cores). */
const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

type Lang = 'en' | 'ko';
type Theme = 'light' | 'dark';

const words = {
  en: {
    search: 'Search the archive',
    didYouMean: 'Did you mean:',
    titleMatch: 'Matched the section title',
    recent: 'Recent searches',
    remove: (q: string) => `Remove “${q}” from recent searches`,
    clear: 'Clear recent searches',
    random: 'Random passage',
    bookmarks: 'Bookmarks',
  },
  ko: {
    search: '아카이브 검색',
    didYouMean: '이것을 찾으셨나요:',
    titleMatch: '장 제목에서 찾음',
    recent: '최근 검색',
    remove: (q: string) => `최근 검색에서 “${q}” 삭제`,
    clear: '최근 검색 모두 지우기',
    random: '무작위 단락',
    bookmarks: '북마크',
  },
} as const;

/** Waits until the answer on screen is the one for what is typed (the status is no longer busy). */
async function settled(page: Page): Promise<void> {
  await eventually(() =>
    page.locator('.search-status').evaluate((el) => !el.hasAttribute('aria-busy') && el.textContent !== ''),
  ).toBe(true);
}

describe.skipIf(!!chromiumMissing)(`search polish${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let h: Harness;
  let archiveId = '';
  const contexts: BrowserContext[] = [];
  /** A fresh profile in `lang`, on the home view, in `theme`. */
  const open = async (lang: Lang = 'en', theme: Theme = 'light'): Promise<Page> => {
    const context = await h.newContext({ locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${h.server.url}#/`);
    await page.locator('#archive-title').waitFor();
    await callApi(page, 'settings.set', { theme });
    await page.reload();
    await page.locator('#archive-title').waitFor();
    await eventually(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await eventually(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
    return page;
  };
  const box = (page: Page, lang: Lang = 'en') => page.getByRole('searchbox', { name: words[lang].search });

  beforeAll(async () => {
    h = await startHarness(embeddedPackPath());
    const res = await fetch(`${h.server.url}api/archive.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    archiveId = ((await res.json()) as { value: { archiveId: string } }).value.archiveId;
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    expect(foreignRequests(h.requests, h.origin)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const [lang, theme] of [
    ['en', 'light'],
    ['ko', 'dark'],
  ] as const) {
    it(`offers the archive's spelling for a misspelt query, and runs it (${lang}, ${theme})`, async () => {
      const page = await open(lang, theme);
      const w = words[lang];
      await box(page, lang).fill('armistise agreemnt');
      const suggestion = page.locator('.search-suggestion');
      await suggestion.waitFor();
      expect(await suggestion.textContent()).toBe(`${w.didYouMean} armistice agreement`);
      expect(await axeSerious(page)).toEqual([]);

      await suggestion.getByRole('button', { name: 'armistice agreement' }).click();
      expect(await box(page, lang).inputValue()).toBe('armistice agreement');
      // The field stays the combobox, and the corrected search matched exactly: nothing more to suggest.
      await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
      await eventually(() => suggestion.count()).toBe(0);
      await settled(page);
      const marks = await page.locator('.results [role=option] mark').allTextContents();
      expect(marks.map((m) => m.toLowerCase())).toContain('armistice');
      expect(marks.map((m) => m.toLowerCase())).toContain('agreement');

      // A query that matched exactly is never second-guessed.
      await box(page, lang).fill('Pusan');
      await settled(page);
      expect(await page.locator('.results [role=option]').count()).toBeGreaterThan(0);
      expect(await suggestion.count()).toBe(0);
    });

    it(`says when a result matched only its section title, and marks it there (${lang}, ${theme})`, async () => {
      const page = await open(lang, theme);
      await box(page, lang).fill('aftermath');
      await settled(page);
      const byTitle = page.locator('.results [role=option]').filter({ hasText: words[lang].titleMatch });
      await byTitle.first().waitFor();
      const first = byTitle.first();
      expect(await first.locator('.result-section mark').allTextContents()).toEqual(['aftermath']);
      expect(await first.locator('.result-snippet mark').count()).toBe(0);
      // A passage whose own text says "aftermath" is marked in its text, and not labelled.
      const own = page.locator('.results [role=option]').filter({ has: page.locator('.result-snippet mark') });
      for (const text of await own.allTextContents()) expect(text).not.toContain(words[lang].titleMatch);
      expect(await axeSerious(page)).toEqual([]);
    });
  }

  it('says "about" when the total is an estimate, and gives an exact total otherwise', async () => {
    const page = await open('ko');
    // No passage holds 제주민중 in order: the bigram matches stand, and the total is only an estimate.
    await box(page, 'ko').fill('제주민중');
    await settled(page);
    await eventually(() => page.locator('.search-status').textContent()).toMatch(/^결과 약 \d+개/);
    // A run the archive holds in order is counted exactly.
    await box(page, 'ko').fill('민중항쟁');
    await settled(page);
    await eventually(() => page.locator('.search-status').textContent()).toMatch(/^결과 \d+개/);
    const english = await open('en');
    await box(english).fill('제주민중');
    await settled(english);
    await eventually(() => english.locator('.search-status').textContent()).toMatch(/^About \d+ results?$/);
  });

  it('shows a media result’s title once', async () => {
    const page = await open();
    await box(page).fill('Yakovlev fighter');
    await settled(page);
    const media = page.locator('.results [role=option]').filter({ has: page.locator('.result-title') });
    await media.first().waitFor();
    const title = (await media.first().locator('.result-title').textContent()) ?? '';
    expect(title).toMatch(/Yakovlev/);
    const whole = (await media.first().textContent()) ?? '';
    expect(whole.split(title).length - 1).toBe(1);
    // Its words are still marked where they are written: in the title.
    expect(await media.first().locator('.result-title mark').allTextContents()).toContain('Yakovlev');
  });

  for (const [lang, theme] of [
    ['en', 'dark'],
    ['ko', 'light'],
  ] as const) {
    it(`keeps the searches the reader ran, per archive, each removable (${lang}, ${theme})`, async () => {
      const page = await open(lang, theme);
      const w = words[lang];
      const recent = page.getByRole('group', { name: w.recent });
      const stored = (): Promise<unknown> =>
        page.evaluate(
          (key) => JSON.parse(localStorage.getItem(key) ?? 'null') as unknown,
          `folio.recentSearches.${archiveId}`,
        );

      // Typing is not running a search: nothing is kept, and an empty focused box offers nothing.
      await box(page, lang).fill('pusan');
      await settled(page);
      await box(page, lang).press('Escape');
      await box(page, lang).blur();
      await box(page, lang).focus();
      expect(await recent.count()).toBe(0);
      expect(await stored()).toBeNull();

      // Opening a result (Enter) runs the search; so does Enter on a search with no results.
      await box(page, lang).fill('armistice');
      await settled(page);
      await box(page, lang).press('Enter');
      await eventually(() => page.evaluate(() => location.hash)).toMatch(/^#\/passage\//);
      await box(page, lang).fill('qxqxq');
      await settled(page);
      await box(page, lang).press('Enter');
      await box(page, lang).press('Escape');
      await box(page, lang).blur();
      await box(page, lang).focus();
      await recent.waitFor();
      expect(await recent.locator('.recent-query').allTextContents()).toEqual(['qxqxq', 'armistice']);
      expect(await stored()).toEqual(['qxqxq', 'armistice']);
      expect(await axeSerious(page)).toEqual([]);

      // Kept across a reload; one removed, focus back in the box.
      await page.reload();
      await box(page, lang).focus();
      await recent.waitFor();
      await recent.getByRole('button', { name: w.remove('qxqxq') }).click();
      await eventually(() => recent.locator('.recent-query').allTextContents()).toEqual(['armistice']);
      // Focus returns once the list has re-rendered: polled, not read once.
      await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');

      // One runs again.
      await recent.getByRole('button', { name: 'armistice', exact: true }).click();
      expect(await box(page, lang).inputValue()).toBe('armistice');
      await settled(page);
      expect(await page.locator('.results [role=option]').count()).toBeGreaterThan(0);

      // Cleared: the list and what was stored.
      await box(page, lang).press('Escape');
      await box(page, lang).blur();
      await box(page, lang).focus();
      await recent.getByRole('button', { name: w.clear }).click();
      await eventually(() => recent.count()).toBe(0);
      expect(await stored()).toBeNull();
      expect(await page.locator('.search-panel').isHidden()).toBe(true);
    });

    it(`opens a random passage of running text (${lang}, ${theme})`, async () => {
      const page = await open(lang, theme);
      const random = page.getByRole('button', { name: words[lang].random });
      expect(await axeSerious(page)).toEqual([]);
      const opened = new Set<string>();
      for (let i = 0; i < 4; i++) {
        if (i > 0) {
          await page.goto(`${h.server.url}#/`);
          await random.waitFor();
        }
        await random.click();
        await eventually(() => page.evaluate(() => location.hash)).toMatch(/^#\/passage\//);
        const id = decodeURIComponent(
          (await page.evaluate(() => location.hash)).replace(/^#\/passage\/([^?]+).*$/, '$1'),
        );
        const target = page.locator('.reading .passage.target');
        await target.waitFor();
        expect(await target.getAttribute('data-passage-id')).toBe(id);
        const { passage } = await callApi<{ passage: { kind: string } }>(page, 'archive.passage', { passageId: id });
        expect(passage.kind).toBe('text');
        opened.add(id);
      }
      // The same answer over HTTP as over IPC: the one handler table.
      const answer = await callApi<{ passage: { id: string; kind: string }; section: { id: string } }>(
        page,
        'passage.random',
        {},
      );
      expect(answer.passage.kind).toBe('text');
      expect(opened.size).toBeGreaterThan(1);
    });
  }

  for (const [lang, theme] of [
    ['en', 'dark'],
    ['ko', 'light'],
  ] as const) {
    it(`keeps the last kind chip checked and says why beside it (${lang}, ${theme})`, async () => {
      const page = await open(lang, theme);
      const chip = (name: string) => page.getByRole('checkbox', { name, exact: true });
      const [text, media, captions] = lang === 'en' ? ['Text', 'Media', 'Captions'] : ['본문', '미디어', '사진 설명'];
      const note = lang === 'en' ? 'At least one kind is always shown.' : '적어도 한 종류는 항상 표시됩니다.';
      await box(page, lang).fill('won');
      await settled(page);
      await chip(text).uncheck();
      expect(await page.getByText(note).count()).toBe(0);
      await chip(media).uncheck();
      await page.getByText(note).waitFor();
      expect(await chip(captions).isChecked()).toBe(true);
      expect(await chip(captions).isDisabled()).toBe(true);
      // The note is the disabled chip's description, for a screen reader too.
      const describedBy = await chip(captions).getAttribute('aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(note);
      await settled(page);
      const badges = await page.locator('.results [role=option] .result-meta > :first-child').allTextContents();
      expect(badges.length).toBeGreaterThan(0);
      expect(new Set(badges).size).toBe(1);
      expect(await axeSerious(page)).toEqual([]);
      // Checking another kind again frees the last one.
      await chip(text).check();
      await eventually(() => chip(captions).isDisabled()).toBe(false);
      expect(await page.getByText(note).count()).toBe(0);
    });
  }

  it('remembers a search run before the archive had said who it is', async () => {
    const page = await open();
    const key = `folio.recentSearches.${archiveId}`;
    await page.evaluate((k) => localStorage.setItem(k, JSON.stringify(['pusan'])), key);
    // archive.info is held back (the real answer, only later), as on a slow first start.
    let release = (): void => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/archive.info', async (route) => {
      await released;
      await route.continue();
    });
    await page.reload();
    await box(page).fill('armistice');
    await settled(page);
    await box(page).press('Enter');
    await eventually(() => page.evaluate(() => location.hash)).toMatch(/^#\/passage\//);
    release();
    await eventually(() => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null') as unknown, key)).toEqual(
      ['armistice', 'pusan'],
    );
  });

  it('gives every recent search and its remove button a 44 px target on a phone', async () => {
    const page = await open();
    await page.setViewportSize({ width: 390, height: 844 });
    await box(page).fill('armistice');
    await settled(page);
    await box(page).press('Enter');
    await eventually(() => page.evaluate(() => location.hash)).toMatch(/^#\/passage\//);
    // The hash changes at once, its hashchange event later: the passage shown means it was handled
    // (it closes the panel), so it cannot close the panel the focus below opens.
    await page.locator('.reading .passage.target').waitFor();
    await box(page).press('Escape');
    await box(page).blur();
    await box(page).focus();
    const recent = page.getByRole('group', { name: words.en.recent });
    await recent.waitFor();
    // The query, its remove button and "clear", each at least 44 px both ways. Polled, so a frame
    // measured before layout settles on a loaded machine cannot fail it; a real shortfall still does.
    const smallest = () =>
      recent
        .getByRole('button')
        .evaluateAll((els) =>
          els.map((el) => Math.min(el.getBoundingClientRect().width, el.getBoundingClientRect().height)),
        );
    await eventually(async () => (await smallest()).length).toBe(3);
    await eventually(async () => Math.min(...(await smallest()))).toBeGreaterThanOrEqual(44);
  });

  it('clears the search box when the reader goes elsewhere, and keeps it for the result chosen', async () => {
    const page = await open();
    await box(page).fill('pusan');
    await settled(page);
    await page.getByRole('link', { name: words.en.bookmarks }).first().click();
    await eventually(() => page.evaluate(() => location.hash)).toBe('#/bookmarks');
    await eventually(() => box(page).inputValue()).toBe('');

    // A chosen result keeps its query: the way back to the other results.
    await box(page).fill('pusan');
    await settled(page);
    await page.locator('.results [role=option]').first().click();
    await eventually(() => page.evaluate(() => location.hash)).toMatch(/^#\/passage\//);
    await page.locator('.reading .passage.target').waitFor();
    expect(await box(page).inputValue()).toBe('pusan');
    // Going back is going elsewhere.
    await page.goBack();
    await eventually(() => page.evaluate(() => location.hash)).toBe('#/bookmarks');
    await eventually(() => box(page).inputValue()).toBe('');
  });
});

describe.skipIf(!!chromiumMissing)('search polish in a kiosk', () => {
  it('keeps no recent searches for the next visitor', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'folio-search-kiosk-'));
    const kiosk = resolveKioskSetup(dataDir, { kiosk: true, osk: false }, { statsByDefault: false, canExit: false });
    const server = await startServer({ archivePath: embeddedPackPath(), dataDir, port: 0, kiosk });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      // The attract screen's button breathes (never "stable"): a touch anywhere starts, as a visitor's does.
      await page.getByRole('button', { name: 'Touch to explore' }).click({ force: true });
      const search = page.getByRole('searchbox', { name: 'Search the archive' });
      await search.fill('armistice');
      await settled(page);
      await search.press('Enter');
      await eventually(() => page.evaluate(() => location.hash)).toMatch(/^#\/passage\//);
      await search.press('Escape');
      await search.blur();
      await search.focus();
      expect(await page.getByRole('group', { name: 'Recent searches' }).count()).toBe(0);
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('folio.recent')))).toEqual(
        [],
      );
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
