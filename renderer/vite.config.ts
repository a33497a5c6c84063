/** The renderer on its own (for `folio serve`): the same settings as electron.vite.config.ts's renderer. */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { load } from 'cheerio';
import { defineConfig } from 'vite';

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
export default defineConfig({
  root: __dirname,
  base: './',
  plugins: [react(), devCspPlugin],
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
