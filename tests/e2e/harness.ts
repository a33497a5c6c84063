/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser page, so this file also sees DOM types.
/** Starts `folio serve` and Debian's Chromium for the end-to-end tests, and records every request. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startServer, type RunningServer } from '../../main/serve/server';

export const CHROMIUM = process.env.FOLIO_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const chromiumMissing = existsSync(CHROMIUM)
  ? null
  : `Chromium not found at ${CHROMIUM} (apt-get install chromium)`;
// The default reporter does not list skipped suites by name: say why in one line.
if (chromiumMissing) console.info(`Browser tests skipped: ${chromiumMissing}; set FOLIO_CHROMIUM to another Chromium`);

export interface Harness {
  server: RunningServer;
  browser: Browser;
  origin: string;
  dataDir: string;
  /** Every URL any page asked for, with the page's errors. */
  requests: string[];
  pageErrors: string[];
  startMs: number;
  /** ms from startServer() to listening, and to Chromium launched. */
  serverReadyMs: number;
  browserReadyMs: number;
  /** A fresh profile; `locale` is the browser's language (navigator.languages), English unless given. */
  newContext(options?: { locale?: string }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startHarness(archivePath: string): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'folio-e2e-'));
  const t0 = performance.now();
  const server = await startServer({ archivePath, dataDir, port: 0 });
  const serverReadyMs = Math.round(performance.now() - t0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
  const browserReadyMs = Math.round(performance.now() - t0);
  const origin = new URL(server.url).origin;
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    origin,
    dataDir,
    requests,
    pageErrors,
    startMs: t0,
    serverReadyMs,
    browserReadyMs,
    async newContext(options = {}) {
      const context = await browser.newContext({
        acceptDownloads: true,
        locale: options.locale ?? 'en-US',
        viewport: { width: 1280, height: 860 },
        serviceWorkers: 'block',
      });
      context.on('request', (request) => requests.push(request.url()));
      context.on('page', (page) => watchPage(page, pageErrors));
      contexts.push(context);
      return context;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

/** A Harness for one describe block, with the checks every end-to-end test owes its reader. */
export interface ServedReader extends Harness {
  /** A page in a fresh profile; its context is closed after the test, as every context opened here. */
  openPage(options?: { locale?: string }): Promise<Page>;
}

/**
 * Starts the reader on `archivePath()` before the block's tests and stops it after them. After each
 * test it closes the contexts the test opened, and fails the test if a page asked anything of another
 * origin (Folio is offline) or threw or logged an error; then it forgets both, so one test's failure
 * is not every later test's.
 */
export function servedReader(archivePath: () => string | Promise<string>): ServedReader {
  let started: Harness | undefined;
  const contexts: BrowserContext[] = [];
  const harness = (): Harness => {
    if (!started) throw new Error('servedReader: the reader has not started (used outside a test?)');
    return started;
  };
  beforeAll(async () => {
    started = await startHarness(await archivePath());
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    const h = harness();
    try {
      expect(foreignRequests(h.requests, h.origin)).toEqual([]);
      expect(h.pageErrors).toEqual([]);
    } finally {
      h.requests.length = 0;
      h.pageErrors.length = 0;
    }
  });
  afterAll(async () => {
    await started?.close();
  });
  const newContext = async (options?: { locale?: string }): Promise<BrowserContext> => {
    const context = await harness().newContext(options);
    contexts.push(context);
    return context;
  };
  return {
    get server() {
      return harness().server;
    },
    get browser() {
      return harness().browser;
    },
    get origin() {
      return harness().origin;
    },
    get dataDir() {
      return harness().dataDir;
    },
    get requests() {
      return harness().requests;
    },
    get pageErrors() {
      return harness().pageErrors;
    },
    get startMs() {
      return harness().startMs;
    },
    get serverReadyMs() {
      return harness().serverReadyMs;
    },
    get browserReadyMs() {
      return harness().browserReadyMs;
    },
    newContext,
    openPage: async (options) => (await newContext(options)).newPage(),
    close: () => harness().close(),
  };
}

function watchPage(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
}

/** URLs that are not the server's own origin (or in-page data/blob URLs). */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith(`blob:${origin}/`)) return false;
    try {
      const u = new URL(url);
      return u.origin !== origin || !['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
    } catch {
      return true;
    }
  });
}

/** Calls the API as the page does (same origin, same profile cookie). */
export function callApi<T>(page: Page, method: string, request: object): Promise<T> {
  return page.evaluate(
    async ([m, body]) => {
      const response = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const result = (await response.json()) as { ok: boolean; value: unknown };
      if (!result.ok) throw new Error(JSON.stringify(result));
      return result.value;
    },
    [method, request] as const,
  ) as Promise<T>;
}

const AXE = readFileSync(join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; returns serious and critical violations. */
export async function axeSerious(page: Page): Promise<string[]> {
  // Injected through the DevTools protocol path (evaluate), so the page's CSP does not apply; once
  // per document (evaluating axe's 560 KB took longer than most of its runs).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')})`,
    );
}

/**
 * axe finds nothing serious or critical in the page as it stands, in the light and the dark scheme: as
 * each scheme settles, since colours that fade (a target passage's background) are mixed halfway through.
 */
export async function expectAxeCleanInBothSchemes(page: Page): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Those that end (a spinner's never does).
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime))
          .map((a) => a.finished.catch(() => undefined)),
      ),
    );
    expect(await axeSerious(page), scheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
