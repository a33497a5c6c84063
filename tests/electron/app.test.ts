/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser page, so this file also sees DOM types.
/**
 * The real Electron app through Playwright's _electron, where Electron's binary is installed.
 * Elsewhere (no binary could be downloaded) the suite is skipped with a one-line reason.
 */
import type { ElectronApplication, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronSkipReason, launchBuiltApp } from './installed-electron';
import type { FolioBridge } from '../../main/api/contract';

/** What the preload exposes, seen from a page.evaluate callback. */
type FolioWindow = { folio: FolioBridge };

if (electronSkipReason) console.info(`Electron launch test skipped: ${electronSkipReason}`);

describe.skipIf(!!electronSkipReason)(
  `Electron app${electronSkipReason ? ` (skipped: ${electronSkipReason})` : ''}`,
  () => {
    let app: ElectronApplication;
    let page: Page;

    beforeAll(async () => {
      app = await launchBuiltApp([], 'folio-electron-');
      page = await app.firstWindow();
      await page.getByRole('searchbox', { name: 'Search the archive' }).waitFor({ timeout: 120_000 });
    });

    afterAll(async () => {
      await app?.close();
    });

    it('loads the renderer from app://, not file://', () => {
      expect(page.url()).toMatch(/^app:\/\/folio\//);
    });

    it('exposes only window.folio; no Node in the renderer', async () => {
      const shape = await page.evaluate(() => ({
        folio: Object.keys((window as unknown as { folio: object }).folio).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        ipc: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
      }));
      expect(shape).toEqual({
        folio: ['invoke', 'mediaUrl'],
        require: 'undefined',
        process: 'undefined',
        ipc: 'undefined',
      });
    });

    it('searches over IPC and rejects bad payloads with their code', async () => {
      const found = await page.evaluate(async () => {
        const result = await (window as unknown as FolioWindow).folio.invoke('search.query', { query: 'Pusan' });
        return result.ok ? result.value.total : -1;
      });
      expect(found).toBeGreaterThan(0);
      const error = await page.evaluate(async () => {
        const result = await (window as unknown as FolioWindow).folio.invoke('archive.section', {
          sectionId: 5,
        } as never);
        return result.ok ? null : result.error;
      });
      expect(error?.code).toBe('bad-request');
      expect(error?.message).toMatch(/Invalid request for archive.section/);
    });

    it('blocks remote requests, new windows and navigation', async () => {
      const remote = await page.evaluate(async () => {
        try {
          await fetch('https://example.com/');
          return 'loaded';
        } catch {
          return 'blocked';
        }
      });
      expect(remote).toBe('blocked');
      expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
      const before = page.url();
      await page.evaluate(() => {
        location.href = 'https://example.com/';
      });
      expect(page.url().startsWith('app://folio/')).toBe(true);
      expect(before.startsWith('app://folio/')).toBe(true);
      expect(app.windows()).toHaveLength(1);
    });
  },
);
