// Bundles the `folio` command (main/cli) into out/cli with esbuild, so it starts in milliseconds
// instead of compiling TypeScript on every run. Two bundles:
// - main.mjs, every command, loading each command's modules lazily (code splitting), so that
//   `folio info` never loads the HTML and Markdown parsers that `folio build` needs;
// - search.cjs, `folio search` alone in one file. Chunks shared between commands hold whatever any
//   of them needs (all of zod core, for the API contract), so a one-shot search from main.mjs
//   loaded 1 MB of code; search.cjs is about a third of that. It is CommonJS because Node 20
//   loads it, and better-sqlite3 through it, about 10 ms faster than the same code as an ES module
//   (measured alternately, 60 runs each).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const bundleDir = join(root, 'out', 'cli');
export const bundleEntry = join(bundleDir, 'main.mjs');
export const searchEntry = join(bundleDir, 'search.cjs');

export async function bundleCli() {
  const esbuild = await import('esbuild');
  rmSync(bundleDir, { recursive: true, force: true });
  mkdirSync(bundleDir, { recursive: true });
  const common = {
    outdir: bundleDir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    external: ['better-sqlite3', 'electron'],
    // CommonJS dependencies inside an ES module bundle need a real `require`.
    banner: {
      js: "import { createRequire as __folioCreateRequire } from 'node:module'; const require = __folioCreateRequire(import.meta.url);",
    },
    define: { __FOLIO_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
    logLevel: 'error',
    legalComments: 'none',
  };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: { main: join(root, 'main', 'cli', 'main-entry.ts') }, splitting: true }),
    esbuild.build({
      ...common,
      entryPoints: { search: join(root, 'main', 'cli', 'search-entry.ts') },
      splitting: false,
      format: 'cjs',
      outExtension: { '.js': '.cjs' },
      // CommonJS has no import.meta: the modules that locate files get the bundle's own URL.
      define: { ...common.define, 'import.meta.url': '__folioModuleUrl' },
      banner: { js: "const __folioModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli();
