/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser page, so this file also sees DOM types.
/**
 * The reader people expect (issue 14): undo for what removes, passage tools that never overlap, focus and
 * place kept, document titles, and errors in the reader's own words. `folio serve` on the embedded archive.
 */
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { embeddedPackPath } from '../../main/archive/embedded';
import { chromiumMissing, callApi, servedReader } from './harness';

const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}|${el.className}|${el.getAttribute('aria-label') ?? el.textContent}` : '';
  });

describe.skipIf(!!chromiumMissing)(
  `the reader people expect${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`,
  () => {
    const h = servedReader(() => embeddedPackPath());
    const open = (): Promise<Page> => h.openPage();

    it('undoes a bookmark removed in the reader, with its note and date, for at least 8 seconds', async () => {
      const page = await open();
      await page.clock.install();
      await page.goto(`${h.server.url}#/`);
      await page.locator('.toc-list a').first().click();
      const passage = page.locator('.reading .passage').nth(1);
      await passage.locator('.bookmark-toggle').click();
      await passage.locator('.note-toggle').click();
      await page.locator('.note-editor textarea').fill('Keep this note.');
      await page.getByRole('button', { name: 'Save note' }).click();
      await passage.locator('.passage-note').getByText('Keep this note.').waitFor();
      const before = await callApi<{ passageId: string; createdAt: string }[]>(page, 'bookmarks.list', {});

      await passage.locator('.bookmark-toggle').click();
      await expect.poll(() => passage.locator('.bookmark-toggle').getAttribute('aria-pressed')).toBe('false');
      const toast = page.getByRole('group', { name: 'Undo' });
      await toast.waitFor();
      // The toggle is still there: focus stays on it, the toast waits at least 8 s.
      expect(await focused(page)).toContain('bookmark-toggle');
      await page.clock.fastForward(8_000);
      expect(await toast.isVisible()).toBe(true);
      await toast.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => passage.locator('.bookmark-toggle').getAttribute('aria-pressed')).toBe('true');
      await passage.locator('.passage-note').getByText('Keep this note.').waitFor();
      expect(await callApi(page, 'bookmarks.list', {})).toMatchObject(
        before.map((b) => ({ passageId: b.passageId, createdAt: b.createdAt })),
      );
      await toast.waitFor({ state: 'detached' });
      expect(await focused(page)).toContain('bookmark-toggle');

      // Not taken up, the offer goes after its time.
      await passage.locator('.bookmark-toggle').click();
      await toast.waitFor();
      await page.clock.fastForward(11_000);
      await toast.waitFor({ state: 'detached' });
      expect(await callApi<unknown[]>(page, 'bookmarks.list', {})).toEqual([]);
    });

    it('undoes "Remove" and a cleared note under Bookmarks, focus on the toast and back', async () => {
      const page = await open();
      await page.goto(`${h.server.url}#/`);
      await page.locator('.toc-list a').nth(1).click();
      for (const i of [0, 1]) await page.locator('.reading .bookmark-toggle').nth(i).click();
      await expect.poll(() => page.locator('.reading .passage.bookmarked').count()).toBe(2);
      await page.getByRole('link', { name: 'Bookmarks', exact: true }).click();
      const items = page.locator('.bookmark');
      await expect.poll(() => items.count()).toBe(2);

      // A note written, then cleared: Undo brings it back.
      await items.first().getByRole('button', { name: 'Add note' }).click();
      await page.locator('.note-editor textarea').fill('First thoughts.');
      await page.getByRole('button', { name: 'Save note' }).click();
      await items.first().getByText('First thoughts.').waitFor();
      // Focus went back to the button that opened the editor.
      await expect.poll(() => focused(page)).toContain('Edit note');
      await items.first().getByRole('button', { name: 'Edit note' }).click();
      await page.locator('.note-editor textarea').fill('');
      await page.getByRole('button', { name: 'Save note' }).click();
      const toast = page.getByRole('group', { name: 'Undo' });
      await toast.getByText('Note cleared.').waitFor();
      await toast.getByRole('button', { name: 'Undo' }).click();
      await items.first().getByText('First thoughts.').waitFor();

      // Remove: the item (and the focused button) is gone, so focus goes to Undo; undone, both are back.
      await items.first().getByRole('button', { name: 'Remove' }).click();
      await expect.poll(() => items.count()).toBe(1);
      await toast.getByText('Bookmark removed.').waitFor();
      await expect.poll(() => focused(page)).toMatch(/^button\|primary\|Undo$/);
      await page.keyboard.press('Enter');
      await expect.poll(() => items.count()).toBe(2);
      await items.first().getByText('First thoughts.').waitFor();
      await expect.poll(() => focused(page)).not.toBe('body||');
    });

    it('returns focus to the note button after saving or cancelling in the reader', async () => {
      const page = await open();
      await page.goto(`${h.server.url}#/`);
      await page.locator('.toc-list a').first().click();
      const passage = page.locator('.reading .passage').first();
      await passage.locator('.bookmark-toggle').click();
      await passage.locator('.note-toggle').click();
      await page.keyboard.type('A note.');
      await page.keyboard.press('Escape');
      await page.locator('.note-editor').waitFor({ state: 'detached' });
      await expect.poll(() => focused(page)).toMatch(/note-toggle/);
      await page.keyboard.press('Enter');
      await page.keyboard.type('Saved from the keyboard.');
      await page.getByRole('button', { name: 'Save note' }).click();
      await passage.getByText('Saved from the keyboard.').waitFor();
      await expect.poll(() => focused(page)).toMatch(/note-toggle\|Edit note/);
    });

    it('restores the scroll position on Back and Forward, and names the document', async () => {
      const page = await open();
      await page.goto(`${h.server.url}#/`);
      const archive = await page.locator('#archive-title').textContent();
      expect(await page.title()).toBe(archive);
      await page.locator('.toc-list a').first().waitFor();
      const links = await page.locator('.toc-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      // The longest section, so that there is somewhere to scroll to.
      await page.goto(`${h.server.url}${links[1]}`);
      await page.locator('.reading .passage').first().waitFor();
      const section = (await page.locator('.toc-side a[aria-current=page]').textContent()) ?? '';
      await expect.poll(() => page.title()).toBe(`${section} — ${archive}`);
      await page.evaluate(() => window.scrollTo(0, 1500));
      await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(1500);
      // Followed without Playwright's scrolling the link into view first: the reader leaves from y = 1500.
      await page.locator('.pager a[rel=next]').evaluate((a: HTMLElement) => a.click());
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
      await page.evaluate(() => window.scrollTo(0, 400));
      await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(400);
      await page.goBack();
      await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(1500);
      await page.goForward();
      await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(400);
      // A reload of the same entry, too, even one before the last scroll's event came (a busy page runs few
      // frames): the page's own listener is kept from hearing it.
      await page.evaluate(() => {
        window.addEventListener('scroll', (event) => event.stopImmediatePropagation(), { capture: true });
        window.scrollTo(0, 700);
      });
      await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(700);
      await page.reload();
      await expect.poll(() => page.evaluate(() => Math.round(window.scrollY)), { timeout: 15_000 }).toBe(700);

      // A deep link names the passage first.
      const first = await callApi<{ passages: { id: string; text: string; kind: string }[] }>(page, 'archive.section', {
        sectionId: decodeURIComponent(links[1]?.split('/').pop() ?? ''),
      });
      const text = first.passages.find((p) => p.kind === 'text');
      await page.goto(`${h.server.url}#/passage/${encodeURIComponent(text?.id ?? '')}`);
      await expect
        .poll(() => page.title())
        .toMatch(new RegExp(` — ${section.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — `));
      expect(await page.title()).toContain((text?.text ?? '').slice(0, 20));
    });

    it('restores the contents page’s position after a reload and on Back, also when the contents come late', async () => {
      const page = await open();
      // Short enough for the contents to scroll.
      await page.setViewportSize({ width: 1280, height: 420 });
      await page.goto(`${h.server.url}#/`);
      await page.locator('.toc-list a').first().waitFor();
      const y = await page.evaluate(() =>
        Math.floor((document.documentElement.scrollHeight - window.innerHeight) * 0.8),
      );
      expect(y).toBeGreaterThan(300);
      const scrolledTo = (to: number) => expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(to);
      await page.evaluate((to) => window.scrollTo(0, to), y);
      await scrolledTo(y);
      // `navigate` with the contents held back until the app is up (the page too short for the position at
      // first), then the position the entry had. `meanwhile` runs while they are held.
      const withLateContents = async (
        navigate: () => Promise<unknown>,
        to: number,
        meanwhile?: () => Promise<void>,
      ): Promise<void> => {
        let release = (): void => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        await page.route('**/api/archive.sections', async (route) => {
          await held;
          await route.continue();
        });
        await navigate();
        await page.locator('#archive-title').waitFor();
        await page.waitForTimeout(300);
        await meanwhile?.();
        release();
        await scrolledTo(to);
        await page.unrouteAll();
      };
      // A modifier or a screen reader's own key pressed meanwhile moves nothing: the position is still restored.
      await withLateContents(
        () => page.reload(),
        y,
        async () => {
          for (const key of ['Shift', 'Control', 'Insert']) await page.keyboard.press(key);
        },
      );

      // The position the reader then scrolls to is the entry's from now on (it was no longer recorded).
      const y2 = Math.floor(y / 2);
      await page.evaluate((to) => window.scrollTo(0, to), y2);
      await scrolledTo(y2);
      await page.reload();
      await scrolledTo(y2);

      // Back from a section, the contents late again.
      await page
        .locator('.toc-list a')
        .first()
        .evaluate((a: HTMLElement) => a.click());
      await page.locator('.reading .passage').first().waitFor();
      await withLateContents(() => page.goBack(), y2);
    });

    it('leaves the keyboard in the search box the reader went to while a passage was loading', async () => {
      const page = await open();
      await page.goto(`${h.server.url}#/`);
      await page.locator('.toc-list a').first().waitFor();
      const section = await callApi<{ passages: { id: string; kind: string }[] }>(page, 'archive.section', {
        sectionId: decodeURIComponent(
          (await page.locator('.toc-list a').nth(1).getAttribute('href'))?.split('/').pop() ?? '',
        ),
      });
      const target = section.passages.filter((p) => p.kind === 'text').at(-1)!;
      // The section is held back until the reader has gone to type (a slow disk, a busy server).
      let release = (): void => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/archive.section', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${h.server.url}#/passage/${encodeURIComponent(target.id)}`);
      const box = page.getByRole('searchbox', { name: 'Search the archive' });
      await box.click();
      await page.keyboard.type('armis');
      release();
      await page.locator(`[id="p-${target.id}"]`).waitFor();
      // The passage is placed (scrolled into view), but the typing goes on where it was.
      await expect.poll(() => page.locator(`[id="p-${target.id}"]`).isVisible()).toBe(true);
      await page.keyboard.type('tice');
      expect(await box.inputValue()).toBe('armistice');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    });

    it('shows the reader’s not-found page for an unknown path, and says when the server is gone', async () => {
      const page = await open();
      await page.goto(`${h.server.url}#/no/such/page`);
      await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
      await page.getByRole('link', { name: 'Back to the contents' }).waitFor();

      // The server stops answering: the next section says so in the reader's words, not "Not found".
      await page.goto(`${h.server.url}#/`);
      await page.locator('.toc-list a').first().waitFor();
      await page.route('**/api/**', (route) => route.abort('connectionrefused'));
      const logged = h.pageErrors.length;
      await page.locator('.toc-list a').nth(2).click();
      await page.getByRole('heading', { level: 1, name: 'This page could not be opened' }).waitFor();
      await page.getByText('The Folio server cannot be reached.').waitFor();
      expect(h.pageErrors.splice(logged).every((e) => e.includes('net::ERR'))).toBe(true);
    });

    it('cites a passage as Chicago text, BibTeX and CSL-JSON, and copies its link', async () => {
      const page = await open();
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.origin });
      await page.goto(`${h.server.url}#/`);
      const info = await callApi<{ manifest: { id: string; title: string; version: string } }>(
        page,
        'archive.info',
        {},
      );
      await page.locator('.toc-list a').nth(1).click();
      const passage = page.locator('.reading .passage-text').first();
      const id = (await passage.getAttribute('data-passage-id')) ?? '';
      const section = (await page.locator('.toc-side a[aria-current=page]').textContent()) ?? '';
      await passage.getByRole('button', { name: /^Cite or link/ }).click();
      const panel = page.getByRole('group', { name: 'Cite this passage' });
      const url = `${h.server.url}#/passage/${encodeURIComponent(id)}`;
      expect(await panel.getByRole('link', { name: 'Link to this passage' }).getAttribute('href')).toBe(url);
      await panel.getByRole('button', { name: 'Copy link' }).click();
      await panel.getByText('Link copied.').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

      const chicago = (await panel.locator('pre').textContent()) ?? '';
      for (const part of [info.manifest.title, `version ${info.manifest.version}`, section, `Passage ${id}`, url])
        expect(chicago).toContain(part);
      await panel.getByRole('radio', { name: 'BibTeX' }).check();
      const bibtex = (await panel.locator('pre').textContent()) ?? '';
      expect(bibtex).toMatch(/^@misc\{/);
      expect(bibtex).toContain(`url = {${url}}`);
      await panel.getByRole('radio', { name: 'CSL-JSON' }).check();
      await panel.getByRole('button', { name: 'Copy citation' }).click();
      await panel.getByText('Citation copied.').waitFor();
      const csl = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as Record<string, unknown>[];
      expect(csl[0]).toMatchObject({
        'container-title': info.manifest.title,
        version: info.manifest.version,
        section,
        URL: url,
        note: `Passage ${id}`,
      });
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      await expect.poll(() => focused(page)).toMatch(/passage-link/);
    });

    it('exports whole passages to Markdown, each with its citation and deep link', async () => {
      const page = await open();
      await page.goto(`${h.server.url}#/`);
      const sections = await callApi<{ id: string }[]>(page, 'archive.sections', {});
      const view = await callApi<{ passages: { id: string; text: string; kind: string }[] }>(page, 'archive.section', {
        sectionId: sections[1]?.id ?? '',
      });
      // The longest text passage: the export used to cut it to an excerpt.
      const long = view.passages.filter((p) => p.kind === 'text').sort((a, b) => b.text.length - a.text.length)[0];
      expect(long && long.text.length > 200).toBe(true);
      await callApi(page, 'bookmarks.set', { passageId: long?.id });
      const file = await callApi<{ content: string }>(page, 'bookmarks.export', {
        format: 'markdown',
        link: h.server.url,
      });
      const words = (long?.text ?? '')
        .split(/\s+/)
        .slice(-6)
        .join(' ')
        .replace(/[\\`*_{}[\]()#+\-!<>|~]/g, '');
      expect(file.content.replace(/\\/g, '')).toContain(words);
      expect(file.content).toContain(`<${h.server.url}#/passage/${encodeURIComponent(long?.id ?? '')}>`);
      expect(file.content).toMatch(/Cite as: “.+\.” .+\. In \*.+\*, version .+\. Passage `/);
    });

    it('keeps the last kind chip checked, and shows a missing picture or film as one quiet line', async () => {
      const page = await open();
      await page.goto(`${h.server.url}#/`);
      await page.getByRole('searchbox', { name: 'Search the archive' }).fill('won');
      await page.locator('.results [role=option]').first().waitFor();
      await page.getByRole('checkbox', { name: 'Text', exact: true }).uncheck();
      await page.getByRole('checkbox', { name: 'Media', exact: true }).uncheck();
      const captions = page.getByRole('checkbox', { name: 'Captions', exact: true });
      expect(await captions.isChecked()).toBe(true);
      expect(await captions.isDisabled()).toBe(true);
      expect(await page.getByRole('checkbox', { name: 'Text', exact: true }).isChecked()).toBe(false);
      await page.getByRole('searchbox', { name: 'Search the archive' }).press('Escape');

      // Every placeholder of the embedded archive: one line high, and no play button where nothing plays.
      const sections = await callApi<{ id: string }[]>(page, 'archive.sections', {});
      let seen = 0;
      for (const s of sections) {
        await page.goto(`${h.server.url}#/section/${encodeURIComponent(s.id)}`);
        await page.locator('.toc-side a[aria-current=page]').waitFor();
        await page.waitForFunction(
          (id) => document.querySelector('.toc-side a[aria-current=page]')?.getAttribute('href')?.endsWith(id),
          encodeURIComponent(s.id),
        );
        const heights = await page
          .locator('.reading .placeholder')
          .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
        seen += heights.length;
        expect(Math.max(0, ...heights)).toBeLessThan(40);
        expect(await page.locator('.reading .placeholder').getByText('▶').count()).toBe(0);
      }
      expect(seen).toBeGreaterThan(20);
    });

    it('prints only the reading, with the archive, the section and a citation', async () => {
      const page = await open();
      await page.goto(`${h.server.url}#/`);
      await page.locator('.toc-list a').nth(1).click();
      await page.getByRole('button', { name: 'Print section' }).waitFor();
      await page.emulateMedia({ media: 'print' });
      const visible = (selector: string): Promise<boolean> => page.locator(selector).first().isVisible();
      for (const chrome of ['.masthead', 'input[type=search]', '.toc-side', '.passage-tools', '.colophon', '.pager'])
        expect(await visible(chrome), chrome).toBe(false);
      for (const reading of ['.print-header', '#section-title', '.reading .passage', '.print-cite'])
        expect(await visible(reading), reading).toBe(true);
      expect(await page.locator('.print-cite').textContent()).toMatch(/^Cite as: .+ version .+#\/section\//);
      // Chromium's PDF output of it: a real document of at least one page.
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(5_000);
    });

    for (const [width, height] of [
      [1440, 900],
      [1080, 1920],
      [390, 844],
    ] as const) {
      it(`never overlaps the tools of two passages, at ${width}×${height}`, async () => {
        const page = await open();
        await page.setViewportSize({ width, height });
        await page.goto(`${h.server.url}#/`);
        const sections = await callApi<{ id: string }[]>(page, 'archive.sections', {});
        // Every passage bookmarked: each shows all three tools (bookmark, link, note).
        const firstPassage = new Map<string, string>();
        for (const s of sections) {
          const view = await callApi<{ passages: { id: string }[] }>(page, 'archive.section', { sectionId: s.id });
          firstPassage.set(s.id, view.passages[0]?.id ?? '');
          for (const p of view.passages) await callApi(page, 'bookmarks.set', { passageId: p.id });
        }
        await page.reload();
        let checked = 0;
        const problems: string[] = [];
        for (const s of sections) {
          await page.goto(`${h.server.url}#/section/${encodeURIComponent(s.id)}`);
          await page.locator(`.reading [data-passage-id="${firstPassage.get(s.id)}"] .note-toggle`).waitFor();
          const found = await page.evaluate(() => {
            const out: string[] = [];
            const tools = Array.from(document.querySelectorAll<HTMLElement>('.reading .passage-tools > *'));
            const boxes = tools.map((el) => ({ el, r: el.getBoundingClientRect() }));
            for (const [i, a] of boxes.entries()) {
              for (const b of boxes.slice(i + 1)) {
                const apart =
                  a.r.right <= b.r.left || b.r.right <= a.r.left || a.r.bottom <= b.r.top || b.r.bottom <= a.r.top;
                if (!apart) out.push(`${a.el.getAttribute('aria-label')} / ${b.el.getAttribute('aria-label')} overlap`);
              }
              if (a.r.right > document.documentElement.clientWidth)
                out.push(`${a.el.getAttribute('aria-label')} off screen`);
            }
            // And each can be clicked: scrolled to, nothing lies on top of it.
            for (const el of tools) {
              el.scrollIntoView({ block: 'center' });
              const r = el.getBoundingClientRect();
              const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              if (!hit || !(hit === el || el.contains(hit))) out.push(`${el.getAttribute('aria-label')} is covered`);
            }
            return { problems: out, count: tools.length };
          });
          problems.push(...found.problems.map((p) => `${s.id}: ${p}`));
          checked += found.count;
        }
        expect(checked).toBeGreaterThan(60 * 3);
        expect(problems).toEqual([]);
      });
    }
  },
);
