/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser page, so this file also sees DOM types.
/**
 * The embedded archive read honestly (issue 14, points 9, 8, 3 and 2): counts a reader understands, where the
 * archive comes from on its own About page (not in every footer), section titles that fit what they hold,
 * related topics that lead nowhere shown as a plain list, runs of missing pictures folded into one line, a
 * printout checked in Chromium's PDF, and the place kept when the app is opened again. `folio serve`.
 */
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import type { ArchiveInfo, SectionView } from '../../main/api/contract';
import type { Section } from '../../main/model/archive';
import { embeddedPackPath } from '../../main/archive/embedded';
import { pdfText } from '../helpers/pdf-text';
import { chromiumMissing, callApi, servedReader } from './harness';

const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe.skipIf(!!chromiumMissing)(
  `the embedded archive, read honestly${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`,
  () => {
    const h = servedReader(() => embeddedPackPath());
    const open = (): Promise<Page> => h.openPage();
    const sectionNamed = (sections: Section[], title: string) => sections.find((s) => s.title === title)!;

    it('counts passages, sections, pictures and films on the home page, not kinds and language codes', async () => {
      const page = await open();
      await page.goto(`${h.server.url}#/`);
      const info = await callApi<ArchiveInfo>(page, 'archive.info', {});
      const holdings = page.locator('.hero .holdings');
      await holdings.waitFor();
      expect(info).toMatchObject({ passageCount: 68, kindCounts: { caption: 26, media: 8 } });
      expect(await holdings.textContent()).toBe(
        `68 passages in ${info.sectionCount} sections, 26 pictures, 8 films and recordings`,
      );
      expect((await callApi<Section[]>(page, 'archive.sections', {})).length).toBe(info.sectionCount);
      const home = (await page.locator('main').textContent()) ?? '';
      for (const gone of ['Headings', 'Languages', 'record/page.txt', 'seed file']) expect(home).not.toContain(gone);
      // The footer names the licence; the notes on the record are on About, which the home page leads to.
      expect(await page.locator('.colophon').textContent()).not.toContain('record/page.txt');
      await page
        .getByRole('region', { name: 'About this archive' })
        .getByRole('link', { name: 'About this archive' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'About this archive' }).waitFor();
    });

    it('says on its About page where the archive comes from and which section titles are the curator’s', async () => {
      const page = await open();
      await page.goto(`${h.server.url}#/`);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'About this archive' }).waitFor();
      expect(await page.evaluate(() => location.hash)).toBe('#/about');
      await expect.poll(() => page.title()).toMatch(/^About this archive — Korea 1945–1960/);
      const facts = page.locator('.about-facts');
      expect(squeeze((await facts.textContent()) ?? '')).toContain(
        '68 passages in 11 sections, 26 pictures, 8 films and recordings',
      );
      expect(await facts.getByText('English, Korean', { exact: true }).count()).toBe(1);
      expect(await facts.locator('dd[lang=en]').first().textContent()).toContain(
        'record/page.txt, seed file 000_3cad97d6913d1958.txt',
      );

      // Each section: its title, whose it is, the heading of the original it opens with, and its lines.
      const items = page.locator('.about-sections > li');
      await expect.poll(() => items.count()).toBe(11);
      const first = items.first();
      await first.locator('.about-detail').nth(1).waitFor();
      expect(squeeze(await first.innerText())).toBe(
        'After the Japanese surrender, 1945 Curator’s title Opens with the original’s heading “Korean War June 25, 1950 – July 27, 1953” From record/page.txt, lines 1–10',
      );
      const war = items.filter({ has: page.getByRole('link', { name: 'Korean War', exact: true }) });
      expect(squeeze(await war.innerText())).toBe('Korean War Heading of the original');
      const topics = items.last();
      await topics.locator('.about-detail').waitFor();
      expect(squeeze(await topics.innerText())).toBe(
        'Related topics on the original site Curator’s title From record/page.txt, lines 192–198',
      );
      // A title leads to its section.
      await first.getByRole('link').click();
      await expect.poll(() => page.locator('#section-title').textContent()).toBe('After the Japanese surrender, 1945');
      await page.getByRole('heading', { level: 2, name: 'Korean War June 25, 1950 – July 27, 1953' }).waitFor();
    });

    it('lists the related topics as plain text, with no link that leads nowhere', async () => {
      const page = await open();
      await page.goto(`${h.server.url}#/`);
      const sections = await callApi<Section[]>(page, 'archive.sections', {});
      const related = sectionNamed(sections, 'Related topics on the original site');
      expect(sections.map((s) => s.title)).not.toContain('Neighbouring pages');
      await page.goto(`${h.server.url}#/section/${encodeURIComponent(related.id)}`);
      await expect.poll(() => page.locator('#section-title').textContent()).toBe(related.title);
      const items = page.locator('.reading .passage-body li');
      await expect.poll(() => items.allTextContents()).toEqual(['Japanese colony', 'Post War', 'South Korea']);
      expect(await page.locator('.reading .passage-body a').count()).toBe(0);
    });

    it('folds a run of missing pictures into one line that unfolds, the captions always shown', async () => {
      const page = await open();
      await page.goto(`${h.server.url}#/`);
      const sections = await callApi<Section[]>(page, 'archive.sections', {});
      const chinese = sectionNamed(sections, 'Chinese intervention and stalemate');
      const view = await callApi<SectionView>(page, 'archive.section', { sectionId: chinese.id });
      expect(view.passages.slice(0, 5).every((p) => p.kind === 'caption' && p.media?.present === false)).toBe(true);
      await page.goto(`${h.server.url}#/section/${encodeURIComponent(chinese.id)}`);
      await expect.poll(() => page.locator('#section-title').textContent()).toBe(chinese.title);

      const runs = page.locator('.reading .placeholder-run');
      const five = page.getByRole('button', { name: '5 images not included in this archive' });
      await five.waitFor();
      // The five captions, and the three after the text, each under one line; every caption still reads.
      expect(await runs.allTextContents()).toEqual([
        '▢5 images not included in this archive▾',
        '▢3 images not included in this archive▾',
      ]);
      const figures = page.locator('.reading figure');
      expect(await figures.count()).toBe(8);
      expect(await figures.locator('figcaption').allTextContents()).toEqual(
        view.passages.filter((p) => p.kind === 'caption').map((p) => p.text),
      );
      expect(await figures.locator('.placeholder').count()).toBe(0);
      expect(await five.getAttribute('aria-expanded')).toBe('false');
      const height = await runs.first().evaluate((el) => el.getBoundingClientRect().height);
      expect(height).toBeLessThan(40);

      await five.click();
      await expect.poll(() => five.getAttribute('aria-expanded')).toBe('true');
      await expect.poll(() => figures.locator('.placeholder').count()).toBe(5);
      expect(await figures.first().getByRole('img', { name: 'Image not included in this archive' }).count()).toBe(1);
      await five.click();
      await expect.poll(() => figures.locator('.placeholder').count()).toBe(0);
      // A single missing picture keeps its own line.
      const first = sectionNamed(sections, "Pusan Perimeter and Inch'on");
      await page.goto(`${h.server.url}#/section/${encodeURIComponent(first.id)}`);
      await expect.poll(() => page.locator('#section-title').textContent()).toBe(first.title);
      await page.locator('.reading figure .placeholder').waitFor();
      expect(await page.locator('.reading .placeholder-run').count()).toBe(0);
    });

    it('prints a section without the app around it, with the archive, the section and a citation (PDF)', async () => {
      const page = await open();
      await page.goto(`${h.server.url}#/`);
      const info = await callApi<ArchiveInfo>(page, 'archive.info', {});
      const sections = await callApi<Section[]>(page, 'archive.sections', {});
      const section = sectionNamed(sections, 'Liberation and occupation, 1945–1948');
      await page.goto(`${h.server.url}#/section/${encodeURIComponent(section.id)}`);
      await page.getByRole('button', { name: 'Print section' }).waitFor();
      await page.locator('.reading .passage-text').first().waitFor();
      await page.emulateMedia({ media: 'print' });
      const text = await pdfText(await page.pdf({ format: 'A4' }));
      const flat = squeeze(text);
      expect(flat.startsWith(info.manifest.title)).toBe(true);
      expect(flat).toContain(section.title);
      expect(flat).toContain('At the Cairo Conference of 1943');
      // The citation closes the printout, with the section's address.
      const cite = flat.slice(flat.lastIndexOf('Cite as:'));
      expect(cite).toContain(`${section.title}. In ${info.manifest.title}, version ${info.manifest.version}.`);
      expect(cite.replace(/\s/g, '')).toContain(`${h.server.url}#/section/${encodeURIComponent(section.id)}`);
      // No chrome: masthead, search, contents, tools, pager, footer.
      for (const chrome of [
        'Skip to content',
        'Bookmarks',
        'Settings',
        'Print section',
        'Bookmark this passage',
        'Previous',
        'Sections',
        'Everything here is read from the archive file',
      ])
        expect(flat, chrome).not.toContain(chrome);
      // This section links nowhere inside the archive: no list of links.
      expect(flat).not.toContain('Links in this section');
    });

    it('opens again where the reader was, scrolled to the passage', async () => {
      const page = await open();
      await page.goto(`${h.server.url}#/`);
      const sections = await callApi<Section[]>(page, 'archive.sections', {});
      const war = sectionNamed(sections, 'Korean War');
      await page.goto(`${h.server.url}#/section/${encodeURIComponent(war.id)}`);
      await expect.poll(() => page.locator('#section-title').textContent()).toBe('Korean War');
      const passages = page.locator('.reading [data-passage-id]');
      await passages.nth(8).waitFor();
      await passages.nth(8).evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 100));
      const ids = await passages.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.passageId ?? ''));
      const saved = async (): Promise<string | null> =>
        (await callApi<{ readingPosition: string | null }>(page, 'settings.get', {})).readingPosition;
      await expect.poll(saved, { timeout: 30_000 }).toSatisfy((id: string | null) => ids.indexOf(id ?? '') >= 6);
      const position = (await saved())!;
      await page.close();

      // The app opened again, with no link: the same passage, on screen, below the top of the section.
      const again = await page.context().newPage();
      await again.goto(h.server.url);
      await expect.poll(() => again.evaluate(() => location.hash)).toBe(`#/passage/${encodeURIComponent(position)}`);
      const target = again.locator(`.reading [data-passage-id="${position}"]`);
      await target.waitFor();
      await expect
        .poll(() =>
          target.evaluate((el) => {
            const r = el.getBoundingClientRect();
            return window.scrollY > 300 && r.top >= 0 && r.top < window.innerHeight;
          }),
        )
        .toBe(true);
    });
  },
);
