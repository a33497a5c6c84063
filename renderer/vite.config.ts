/** The renderer on its own (for `folio serve`): the same settings as electron.vite.config.ts's renderer. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { load } from 'cheerio';
import { defineConfig, type Plugin } from 'vite';

/**
 * Development only: Vite's dev server injects an inline React Refresh preamble and talks over a
 * WebSocket, which the production CSP (rightly) forbids. Builds keep the strict meta CSP untouched.
 */
export const devCspPlugin = {
  name: 'folio-dev-csp',
  apply: 'serve' as const,
  transformIndexHtml(html: string): string {
    const $ = load(html);
    $('meta[http-equiv="Content-Security-Policy"]').attr(
      'content',
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data: app:; media-src 'self' app:; connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
    );
    return $.html();
  },
};

/** What the system's Latin fonts draw: everything before Hangul Jamo, and general punctuation (quotes, dashes). */
const LATIN_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x10ff],
  [0x2000, 0x206f],
];

/** A face's unicode-range less LATIN_RANGES ("U+20-22,U+ac00-d7a3" → "U+ac00-d7a3"). */
export function withoutLatin(unicodeRange: string): string {
  let ranges = unicodeRange.split(',').map((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-') as [string, string?];
    return [parseInt(from, 16), parseInt(to, 16)] as const;
  });
  for (const [cutFrom, cutTo] of LATIN_RANGES)
    ranges = ranges.flatMap(([from, to]) =>
      [[from, Math.min(to, cutFrom - 1)] as const, [Math.max(from, cutTo + 1), to] as const].filter(([a, b]) => a <= b),
    );
  return ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(',');
}

/**
 * The CJK fonts (imported by renderer/src/main.tsx) as the reader needs them. Fontsource's CSS names a WOFF
 * beside each WOFF2, and Latin, Cyrillic and Vietnamese faces; every browser Folio runs in reads WOFF2, and
 * the system fonts draw Latin, so only the numbered CJK slices' WOFF2 files are kept. Each slice has its
 * unicode-range, so the browser fetches only the slices of the characters on the page; the ranges lose their
 * Latin code points (the most used slices carry ASCII too), so the font can stand first in the font stacks
 * and still draw only CJK. Their licence (SIL OFL 1.1) goes into the build beside them, as FONTS-LICENSE.txt.
 */
const CJK_FONT_CSS = /[\\/]@fontsource[\\/]noto-sans-kr[\\/]\d+\.css$/;
export const cjkFontsPlugin: Plugin = {
  name: 'folio-cjk-fonts',
  enforce: 'pre',
  load(id) {
    if (!CJK_FONT_CSS.test(id)) return null;
    const faces = readFileSync(id, 'utf8').match(/@font-face\s*\{[^}]*\}/g) ?? [];
    return faces
      .filter((face) => /url\([^)]*-\d+-\d+-normal\.woff2\)/.test(face))
      .map((face) =>
        face
          .replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/, '')
          .replace(/unicode-range:\s*([^;]+);/, (_, range: string) => `unicode-range: ${withoutLatin(range)};`),
      )
      .filter((face) => !/unicode-range:\s*;/.test(face))
      .join('\n');
  },
  generateBundle() {
    const source = readFileSync(resolve(__dirname, 'src', 'styles', 'FONTS-LICENSE.txt'), 'utf8');
    this.emitFile({ type: 'asset', fileName: 'FONTS-LICENSE.txt', source });
  },
};

export default defineConfig({
  root: __dirname,
  base: './',
  plugins: [react(), devCspPlugin, cjkFontsPlugin],
  build: {
    outDir: resolve(__dirname, '..', 'out', 'renderer'),
    emptyOutDir: true,
    // No inline scripts or styles anywhere: the CSP forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    minify: true,
    target: 'es2022',
    rollupOptions: { input: resolve(__dirname, 'index.html') },
  },
});
