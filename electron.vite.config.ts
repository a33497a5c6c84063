import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import type { Plugin } from 'vite';
import { cjkFontsPlugin, devCspPlugin } from './renderer/vite.config';

/**
 * main/electron/main.ts's reviewed Electronegativity exception (PRELOAD_JS_CHECK) applies to the line it
 * sits on, and bundling moves comments off their lines: the bundle gets it as a directive on its first
 * line instead, so a scan of out/ or of the packaged app.asar reports the same as a scan of the source.
 */
const keepElectronegativityException: Plugin = {
  name: 'folio:electronegativity-exception',
  generateBundle(_options, bundle) {
    const entry = bundle['index.js'];
    if (entry?.type === 'chunk') entry.code = `/* eng-disable PRELOAD_JS_CHECK */\n${entry.code}`;
  },
};

/**
 * main/electron is the Electron entry; the worker that owns the pack and search runs beside it.
 * The renderer is also built on its own for `folio serve` (see main/serve).
 */
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin(), keepElectronegativityException],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/electron/main.ts'),
          'core-worker': resolve(__dirname, 'main/electron/core-worker.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), devCspPlugin, cjkFontsPlugin],
    base: './',
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Same as renderer/vite.config.ts (folio serve): nothing inline, the CSP forbids it.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      // electron-vite leaves the renderer unminified by default: a third of the bytes to parse at start.
      minify: true,
      target: 'es2022',
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
