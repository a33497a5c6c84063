/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser page, so this file also sees DOM types.
/**
 * CJK text is drawn from the fonts the reader ships (Noto Sans KR, unicode-range slices), not left to the
 * machine: this one has no CJK font at all, so without them Hangul shows as boxes. The real `folio serve`
 * and Debian's Chromium; the archive's Korean passage (제주 4·3) read in the English interface.
 */
import type { CDPSession, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedPackPath } from '../../main/archive/embedded';
import { chromiumMissing, foreignRequests, startHarness, type Harness } from './harness';

const FAMILY = 'Noto Sans KR';

/** The shipped faces the page has loaded, with the characters each covers. */
function loadedFaces(page: Page): Promise<{ weight: string; unicodeRange: string }[]> {
  return page.evaluate(async (family) => {
    await document.fonts.ready;
    const faces: { weight: string; unicodeRange: string }[] = [];
    document.fonts.forEach((face) => {
      if (face.family.replace(/["']/g, '') === family && face.status === 'loaded')
        faces.push({ weight: face.weight, unicodeRange: face.unicodeRange });
    });
    return faces;
  }, FAMILY);
}

/** Whether `text` is inside a CSS unicode-range ("U+ac00-d7a3,U+3131"). */
function covers(unicodeRange: string, text: string): boolean {
  const ranges = unicodeRange.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as const;
  });
  return [...text].every((ch) => ranges.some(([from, to]) => ch.codePointAt(0)! >= from && ch.codePointAt(0)! <= to));
}

/**
 * The pixels of `text` drawn on a canvas in the shipped family, and in a family that exists nowhere (the
 * machine's own fallback: boxes here). Drawn after the face for `text` has loaded.
 */
function drawn(page: Page, text: string): Promise<{ shipped: number[]; fallback: number[]; ink: number }> {
  return page.evaluate(
    async ({ family, text }) => {
      await document.fonts.load(`48px "${family}"`, text);
      const draw = (font: string): number[] => {
        const canvas = document.createElement('canvas');
        canvas.width = 64 * text.length;
        canvas.height = 64;
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = '#000';
        ctx.font = `48px ${font}`;
        ctx.textBaseline = 'top';
        ctx.fillText(text, 4, 4);
        // The alpha channel alone: where ink fell.
        return Array.from(ctx.getImageData(0, 0, canvas.width, canvas.height).data.filter((_, i) => i % 4 === 3));
      };
      const shipped = draw(`"${family}"`);
      return { shipped, fallback: draw('"Folio No Such Font"'), ink: shipped.filter((a) => a > 0).length };
    },
    { family: FAMILY, text },
  );
}

/**
 * Every visible element with Hangul of its own (in its child text nodes) whose glyphs did not all come
 * from the shipped font: what Chromium drew each one with (CSS.getPlatformFontsForNode), one line each.
 */
async function hangulNotFromShippedFont(
  page: Page,
  cdp: CDPSession,
  view: string,
): Promise<{ marked: number; problems: string[] }> {
  const marked = await page.evaluate(async () => {
    await document.fonts.ready;
    let n = 0;
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      el.removeAttribute('data-hangul');
      const own = Array.from(el.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('');
      const hangul = own.match(/[\u3131-\u318e\uac00-\ud7a3]/g)?.length ?? 0;
      if (hangul && (el as HTMLElement).offsetParent !== null) {
        el.setAttribute('data-hangul', `${hangul}`);
        n++;
      }
    }
    return n;
  });
  const problems: string[] = [];
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-hangul]' });
  for (const nodeId of nodeIds) {
    const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
    const hangul = Number(attributes[attributes.indexOf('data-hangul') + 1]);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const shipped = fonts
      .filter((f) => f.isCustomFont && f.familyName.startsWith(FAMILY))
      .reduce((sum, f) => sum + f.glyphCount, 0);
    if (shipped < hangul) {
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      problems.push(`${view}: ${hangul - shipped} of ${hangul} Hangul not from ${FAMILY}: ${outerHTML.slice(0, 120)}`);
    }
  }
  return { marked, problems };
}

describe.skipIf(!!chromiumMissing)(
  `CJK fonts shipped with the reader${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`,
  () => {
    let h: Harness;
    let page: Page;

    beforeAll(async () => {
      h = await startHarness(embeddedPackPath());
      page = await (await h.newContext({ locale: 'en-US' })).newPage();
    });
    afterAll(async () => {
      await h?.close();
    });

    it('loads the Noto Sans KR slices for a Korean passage, from the server, and only those', async () => {
      await page.goto(`${h.server.url}#/`);
      await page.locator('#archive-title').waitFor();
      await page.getByRole('searchbox', { name: 'Search the archive' }).fill('제주');
      const result = page.locator('.results [role=option]').filter({ hasText: '제주' }).first();
      await result.waitFor();
      await result.click();
      const passage = page.locator('.passage.target');
      await passage.waitFor();
      expect(await passage.textContent()).toContain('제주 4·3 민중항쟁');

      // The page asked for the faces of its Hangul by itself: nothing here loads them on purpose.
      await expect.poll(async () => (await loadedFaces(page)).some((f) => covers(f.unicodeRange, '제주'))).toBe(true);
      expect(await page.evaluate((family) => document.fonts.check(`16px "${family}"`, '제주'), FAMILY)).toBe(true);

      // Served by folio serve as WOFF2, never fetched from anywhere else; only the slices in use, of 120 a weight.
      const fonts = h.requests.filter((url) => /\.woff2$/.test(url));
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((url) => url.startsWith(`${h.origin}/assets/`))).toBe(true);
      expect(fonts.length).toBeLessThan(60);
      expect(h.requests.some((url) => /\.woff$/.test(url))).toBe(false);
      expect(foreignRequests(h.requests, h.origin)).toEqual([]);
      expect(h.pageErrors).toEqual([]);
    });

    it('draws every Hangul character of the Korean interface from the shipped font, in every font stack', async () => {
      const ko = await (await h.newContext({ locale: 'ko-KR' })).newPage();
      const cdp = await ko.context().newCDPSession(ko);
      const problems: string[] = [];
      for (const [view, ready] of [
        ['#/', '#archive-title'],
        ['#/library', '.archive-table tbody tr'],
        ['#/settings', '#settings-title'],
      ] as const) {
        await ko.goto(`${h.server.url}${view}`);
        await ko.locator(ready).first().waitFor();
        const drawn = await hangulNotFromShippedFont(ko, cdp, view);
        expect(drawn.marked, view).toBeGreaterThan(3);
        problems.push(...drawn.problems);
      }
      expect(problems).toEqual([]);
      expect(h.pageErrors).toEqual([]);
    });

    it('draws Hangul inside code, preformatted text and link addresses from the shipped font too', async () => {
      const ko = await (await h.newContext({ locale: 'ko-KR' })).newPage();
      const cdp = await ko.context().newCDPSession(ko);
      await ko.goto(`${h.server.url}#/`);
      await ko.locator('#archive-title').waitFor();
      // A passage's structure as the reader renders it (PassageContent.tsx's classes), with Korean in its code:
      // a comment in a program listing, an inline command, a key, a link's address.
      await ko.evaluate(() => {
        const body = document.createElement('div');
        body.className = 'passage-body';
        body.innerHTML =
          '<pre class="preformatted"># 제주 설정 파일</pre><p><code>설정 보기</code> <kbd>한글</kbd> ' +
          '<span class="link-url">https://예시.한국/문서</span></p>';
        document.querySelector('main')!.prepend(body);
      });
      const { marked, problems } = await hangulNotFromShippedFont(ko, cdp, 'code');
      expect(marked).toBeGreaterThanOrEqual(4);
      expect(problems).toEqual([]);
      expect(h.pageErrors).toEqual([]);
    });

    // Hangul, Kana and Han: each is a real glyph from the shipped font, not the box the machine draws.
    for (const [script, text] of [
      ['Hangul', '제주'],
      ['Kana', 'カナ'],
      ['Han', '漢字'],
    ] as const) {
      it(`draws ${script} (${text}) from the shipped font, not as boxes`, async () => {
        const { shipped, fallback, ink } = await drawn(page, text);
        expect(ink).toBeGreaterThan(100);
        const differing = shipped.filter((alpha, i) => Math.abs(alpha - fallback[i]!) > 64).length;
        expect(differing).toBeGreaterThan(ink / 4);
      });
    }
  },
);
