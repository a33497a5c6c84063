// Bundles the `folio` command (main/cli) into out/cli with esbuild, so it starts in milliseconds
// instead of compiling TypeScript on every run. Commands load their modules lazily (code splitting),
// so `folio search` never loads the HTML and Markdown parsers that `folio build` needs.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const bundleDir = join(root, 'out', 'cli');
export const bundleEntry = join(bundleDir, 'main.mjs');

export async function bundleCli() {
  const esbuild = await import('esbuild');
  rmSync(bundleDir, { recursive: true, force: true });
  mkdirSync(bundleDir, { recursive: true });
  await esbuild.build({
    entryPoints: { main: join(root, 'main', 'cli', 'entry.ts') },
    outdir: bundleDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    external: ['better-sqlite3', 'electron'],
    // CommonJS dependencies inside an ES module bundle need a real `require`.
    banner: { js: "import { createRequire as __folioCreateRequire } from 'node:module'; const require = __folioCreateRequire(import.meta.url);" },
    define: { __FOLIO_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
    logLevel: 'error',
    legalComments: 'none',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli();
