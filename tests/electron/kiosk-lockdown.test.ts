/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser page, so this file also sees DOM types.
/**
 * The desktop app's kiosk lockdown (`--kiosk`), through Playwright's _electron where Electron's binary is
 * installed: full screen, always on top, no menu, the blocked shortcuts, a crashed renderer reloaded to
 * the attract screen, and the admin exit behind the PIN. Elsewhere it is skipped with a one-line reason.
 */
import type { ElectronApplication, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronSkipReason, launchBuiltApp } from './installed-electron';

if (electronSkipReason) console.info(`Electron kiosk lockdown test skipped: ${electronSkipReason}`);

describe.skipIf(!!electronSkipReason)('Electron kiosk lockdown (npm start -- --kiosk)', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    app = await launchBuiltApp(['--kiosk', '--idle', '30', '--kiosk-pin', '2468'], 'folio-electron-kiosk-');
    page = await app.firstWindow();
    await page.getByRole('button', { name: 'Touch to explore' }).waitFor({ timeout: 120_000 });
  }, 300_000);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
  });

  it('is one full-screen window, always on top, with no menu and no DevTools', async () => {
    const state = await app.evaluate(({ BrowserWindow, Menu }) => {
      const win = BrowserWindow.getAllWindows()[0];
      return {
        windows: BrowserWindow.getAllWindows().length,
        kiosk: win?.isKiosk(),
        fullScreen: win?.isFullScreen(),
        onTop: win?.isAlwaysOnTop(),
        menu: Menu.getApplicationMenu() === null && !win?.isMenuBarVisible(),
        devTools: win?.webContents.isDevToolsOpened(),
      };
    });
    expect(state).toEqual({ windows: 1, kiosk: true, fullScreen: true, onTop: true, menu: true, devTools: false });
  });

  it('ignores the shortcuts that would close, reload, leave full screen or open DevTools', async () => {
    await page.getByRole('button', { name: 'Touch to explore' }).click();
    const search = page.getByRole('searchbox', { name: 'Search the archive' });
    await search.fill('pusan');
    for (const key of ['Control+w', 'Control+r', 'F5', 'F11', 'Control+Shift+I', 'Control+o', 'Alt+F4'])
      await page.keyboard.press(key);
    // Still the same page (a reload would have emptied the field), still full screen, still one window.
    expect(await search.inputValue()).toBe('pusan');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isFullScreen())).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  it('reloads a crashed renderer to the attract screen', async () => {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer());
    page = await app.firstWindow();
    await page.getByRole('button', { name: 'Touch to explore' }).waitFor({ timeout: 60_000 });
  });

  it('closes only through the admin exit, behind the PIN', async () => {
    for (let i = 0; i < 5; i++) await page.mouse.click(8, 8);
    const panel = page.getByRole('dialog', { name: 'Kiosk administration' });
    for (const d of '2468') await panel.getByRole('button', { name: d, exact: true }).click();
    await panel.getByRole('button', { name: 'Unlock' }).click();
    const closed = app.waitForEvent('close');
    await panel.getByRole('button', { name: 'Exit kiosk' }).click();
    await closed;
  });
});
