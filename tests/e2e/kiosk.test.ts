/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser page, so this file also sees DOM types.
/**
 * Museum kiosk mode end to end: the real `folio serve --kiosk --idle 3` (the CLI, as a museum runs it)
 * and Debian's Chromium with touch at 1080×1920. One visitor's path, what is left after the reset,
 * target sizes and axe-core in every kiosk view, the admin panel, and `folio stats --json`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UsageSummary } from '../../main/model/kiosk';
import { axeSerious, CHROMIUM, CHROMIUM_ARGS, chromiumMissing } from './harness';

const root = process.cwd();
const folio = join(root, 'bin', 'folio.mjs');
const PIN = '2468';
const COUNTDOWN = 10;

/** Visible interactive elements smaller than 48×48 CSS px, described for the failure message. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'button, a[href], input, select, textarea, summary, [role=button], [role=option], [role=tab], [role=radio], [tabindex]:not([tabindex="-1"])';
    return Array.from(document.querySelectorAll<HTMLElement>(selector))
      .filter((el) => {
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return box.width > 1 && box.height > 1 && style.visibility !== 'hidden' && !el.closest('.visually-hidden');
      })
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 47.5 || box.height < 47.5)
      .map(
        ({ el, box }) =>
          `${el.tagName.toLowerCase()}.${el.className} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      );
  });
}

async function checkView(page: Page, name: string): Promise<void> {
  const t0 = Date.now();
  expect(await smallTargets(page), `targets under 48 px in ${name}`).toEqual([]);
  expect(await axeSerious(page), `axe in ${name}`).toEqual([]);
  // The checks are the test's time, not the visitor's: a real (zero) wheel turn is activity for the idle timer.
  if (!name.includes('idle')) await page.mouse.wheel(0, 0);
  console.info(`kiosk view checked: ${name} (${Date.now() - t0} ms)`);
}

/**
 * The on-screen keyboard's Hangul keys that Chromium did not draw from the shipped CJK font (this machine has
 * none of its own, so those would be boxes): what drew each key's text, asked through the DevTools protocol.
 */
async function hangulKeysWithoutFont(page: Page): Promise<string[]> {
  const keys = await page.evaluate(async () => {
    await document.fonts.ready;
    const found: string[] = [];
    document.querySelectorAll('.osk-key').forEach((key) => {
      const hangul = key.textContent?.match(/[\u3131-\u318e\uac00-\ud7a3]/g)?.length ?? 0;
      if (hangul) {
        key.setAttribute('data-hangul', `${hangul}`);
        found.push(key.textContent ?? '');
      }
    });
    return found;
  });
  if (keys.length === 0) return ['no Hangul key shown'];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
    nodeId: root.nodeId,
    selector: '.osk-key[data-hangul]',
  });
  const missing: string[] = [];
  for (const [i, nodeId] of nodeIds.entries()) {
    const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
    const hangul = Number(attributes[attributes.indexOf('data-hangul') + 1]);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    // Latin on a key ("한/A") is the system fonts' to draw; its Hangul must all be Noto Sans KR's.
    const shipped = fonts
      .filter((f) => f.isCustomFont && f.familyName.startsWith('Noto Sans KR'))
      .reduce((sum, f) => sum + f.glyphCount, 0);
    if (shipped < hangul) missing.push(keys[i] ?? `key ${i}`);
  }
  await cdp.detach();
  return missing;
}

async function tapKeys(page: Page, keys: string[]): Promise<void> {
  const keyboard = page.getByRole('region', { name: 'On-screen keyboard' });
  for (const key of keys) await keyboard.getByRole('button', { name: key, exact: true }).tap();
}

function stats(dataDir: string): UsageSummary {
  const run = spawnSync(process.execPath, [folio, 'stats', '--json', '--data-dir', dataDir], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as UsageSummary;
}

describe.skipIf(!!chromiumMissing)('museum kiosk (folio serve --kiosk --idle 3)', () => {
  let server: ChildProcess;
  let browser: Browser;
  let page: Page;
  let url = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'folio-kiosk-e2e-'));
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // The config file gives the countdown; the PIN is stored the way a museum stores it (a hash).
    writeFileSync(join(dataDir, 'kiosk.json'), JSON.stringify({ countdown: COUNTDOWN }));
    const pin = spawnSync(process.execPath, [folio, 'kiosk-pin', PIN, '--data-dir', dataDir], { encoding: 'utf8' });
    expect(pin.status, pin.stderr).toBe(0);
    server = spawn(process.execPath, [folio, 'serve', '--kiosk', '--idle', '3', '--port', '0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /serving at (\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      server.once('exit', (code) => reject(new Error(`folio serve exited with ${code}`)));
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    server?.kill('SIGTERM');
  });

  it('takes one visitor from the attract screen through search and a bookmark, and resets on idle', async () => {
    // A visitor's settings and bookmarks are read for the visitor only: never asked early, before the
    // visit has a session (renderer/src/api/early-reads.ts).
    const profileReads: string[] = [];
    page.on('request', (request) => {
      const method = /\/api\/(settings\.get|bookmarks\.list)$/.exec(request.url())?.[1];
      if (method)
        profileReads.push(`${method} ${request.headers()['x-folio-session'] ? 'in a visit' : 'outside any visit'}`);
    });
    await page.goto(url);
    const start = page.getByRole('button', { name: 'Touch to explore' });
    await expect.poll(() => start.isVisible(), { timeout: 30_000 }).toBe(true);
    // The tab's history before any visitor: the visitor's path must not add to it.
    const historyBefore = await page.evaluate(() => history.length);
    await checkView(page, 'the attract screen');

    // A touch anywhere starts the session on the home view.
    await page.touchscreen.tap(540, 1500);
    const search = page.getByRole('searchbox', { name: 'Search the archive' });
    await search.waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/');
    await expect.poll(() => profileReads).toContain('settings.get in a visit');
    expect(profileReads.filter((read) => read.endsWith('outside any visit'))).toEqual([]);
    await checkView(page, 'the home view');

    // The search field opens the on-screen keyboard; English first.
    await search.tap();
    const keyboard = page.getByRole('region', { name: 'On-screen keyboard' });
    await keyboard.waitFor();
    await tapKeys(page, ['p', 'u', 's', 'a', 'n']);
    await expect.poll(() => search.inputValue()).toBe('pusan');
    const options = page.getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    await checkView(page, 'search with the on-screen keyboard');

    // A query the archive cannot answer (counted as such in the ledger once it settles).
    await tapKeys(page, ['Clear', 'q', 'x', 'q', 'x', 'q']);
    await expect.poll(() => search.inputValue()).toBe('qxqxq');
    await expect.poll(() => page.getByText('No results for').count(), { timeout: 5000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1800);

    // Korean 2-set: ㅈ ㅔ ㅈ ㅜ composes 제주 and finds the Jeju passage.
    await tapKeys(page, ['Clear', '한/A', 'ㅈ', 'ㅔ', 'ㅈ', 'ㅜ']);
    await expect.poll(() => search.inputValue()).toBe('제주');
    // The Korean keys are drawn from the shipped font (this machine has no CJK font of its own).
    expect(await hangulKeysWithoutFont(page)).toEqual([]);
    const jeju = options.filter({ hasText: /Jeju|제주/ }).first();
    await jeju.waitFor();
    await jeju.tap();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/passage\//);
    // Touching the result (outside the keyboard) put the keyboard away.
    await expect.poll(() => keyboard.count()).toBe(0);
    await checkView(page, 'the reading view');

    // Bookmark the passage, then see it among the bookmarks (with no import or export).
    const bookmark = page.locator('.passage.target').getByRole('button', { name: /^Bookmark/ });
    await bookmark.tap();
    await expect.poll(() => bookmark.getAttribute('aria-pressed')).toBe('true');
    await page
      .getByRole('link', { name: /Bookmarks/ })
      .first()
      .tap();
    await expect.poll(() => page.locator('.bookmark-list li').count()).toBe(1);
    expect(await page.getByRole('button', { name: /import|export/i }).count()).toBe(0);
    await checkView(page, 'the bookmarks view');

    // A visitor's theme.
    await page
      .getByRole('link', { name: /Settings/ })
      .first()
      .tap();
    await page.getByRole('radio', { name: /Dark/ }).tap();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // A kiosk keeps nothing past the visitor, and says so.
    await page.getByText('For this visit only.').waitFor();
    expect(await page.getByText('Remembered on this device').count()).toBe(0);
    await checkView(page, 'the settings view');

    // Idle: "Are you still there?" with a countdown; a touch keeps the session.
    const dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
    await dialog.waitFor({ timeout: 10_000 });
    const secondsLeft = async (): Promise<number> =>
      Number(/Starting over in (\d+) seconds?/.exec((await dialog.textContent()) ?? '')?.[1] ?? NaN);
    const first = await secondsLeft();
    expect(first).toBeGreaterThan(COUNTDOWN - 3);
    await expect.poll(secondsLeft).toBeLessThan(first);
    await checkView(page, 'the idle dialog');
    await dialog.getByRole('button', { name: "I'm still here" }).tap();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    // The visitor's interface language: Korean.
    await page.getByRole('radio', { name: '한국어' }).tap();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await page.getByText('이번 방문 동안만 적용됩니다.').waitFor();
    await checkView(page, 'the settings view in Korean');

    // Left alone, the countdown (in the visitor's language) runs out and the kiosk starts over.
    await page.getByRole('alertdialog', { name: '아직 계신가요?' }).waitFor({ timeout: 10_000 });
    await start.waitFor({ timeout: (COUNTDOWN + 10) * 1000 });
    // Search, a result, bookmarks, settings: none of it left an entry to go back to.
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
    expect(await page.evaluate(() => location.hash)).toBe('#/');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // The next visitor finds nothing of the last one.
    await page.touchscreen.tap(540, 1500);
    await search.waitFor();
    expect(await search.inputValue()).toBe('');
    expect(await page.evaluate(() => location.hash)).toBe('#/');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    await page
      .getByRole('link', { name: /Bookmarks/ })
      .first()
      .tap();
    await page.getByRole('heading', { name: 'Bookmarks' }).waitFor();
    expect(await page.locator('.bookmark-list li').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('opens the admin panel after five taps in the corner, behind the PIN', async () => {
    for (let i = 0; i < 5; i++) await page.touchscreen.tap(10, 10);
    const panel = page.getByRole('dialog', { name: 'Kiosk administration' });
    await panel.waitFor();
    await checkView(page, 'the PIN pad');
    for (const d of '1111') await panel.getByRole('button', { name: d, exact: true }).tap();
    await panel.getByRole('button', { name: 'Unlock' }).tap();
    await panel.getByText('Wrong PIN.').waitFor();
    for (const d of PIN) await panel.getByRole('button', { name: d, exact: true }).tap();
    await panel.getByRole('button', { name: 'Unlock' }).tap();
    await panel.getByRole('button', { name: 'Reset now' }).waitFor();
    // A browser kiosk is closed by its own set-up: no "Exit kiosk" under folio serve.
    expect(await panel.getByRole('button', { name: 'Exit kiosk' }).count()).toBe(0);
    await panel.getByRole('button', { name: 'Usage' }).tap();
    await panel.getByText('qxqxq').first().waitFor();
    await checkView(page, 'the admin panel');
    await panel.getByRole('button', { name: 'Reset now' }).tap();
    await page.getByRole('button', { name: 'Touch to explore' }).waitFor({ timeout: 10_000 });
  }, 60_000);

  it('keeps the usage ledger offline: folio stats --json shows the session and its zero-result query', () => {
    const usage = stats(dataDir);
    expect(usage.sessions.count).toBeGreaterThanOrEqual(1);
    expect(usage.sessions.totalSeconds).toBeGreaterThan(0);
    expect(usage.zeroResultQueries).toContainEqual({ query: 'qxqxq', count: 1 });
    expect(usage.topQueries.map((q) => q.query)).toEqual(expect.arrayContaining(['pusan', '제주']));
    expect(usage.topPassages.length).toBeGreaterThanOrEqual(1);
    expect(usage.bookmarksMade).toBe(1);
  });
});
