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

/**
 * The CJK fonts (imported by renderer/src/main.tsx) as the reader needs them: Fontsource's CSS names a WOFF
 * beside each WOFF2, and Latin, Cyrillic and Vietnamese faces the system fonts before it already cover.
 * Every browser Folio runs in reads WOFF2, so only the numbered CJK slices' WOFF2 files are kept: each
 * slice has its unicode-range, and the browser fetches only the slices of the characters on the page.
 * Their licence (SIL OFL 1.1) goes into the build beside them, as FONTS-LICENSE.txt.
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
      .map((face) => face.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/, ''))
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
