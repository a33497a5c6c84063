/** The renderer on its own (for `folio serve`): the same settings as electron.vite.config.ts's renderer. */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: __dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, '..', 'out', 'renderer'),
    emptyOutDir: true,
    // No inline scripts or styles anywhere: the CSP forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
    rollupOptions: { input: resolve(__dirname, 'index.html') },
  },
});
