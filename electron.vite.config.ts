import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { devCspPlugin } from './renderer/vite.config';

/**
 * main/electron is the Electron entry; the worker that owns the pack and search runs beside it.
 * The renderer is also built on its own for `folio serve` (see main/serve).
 */
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
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
    plugins: [react(), devCspPlugin],
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
