// Bundles the `folio` command (main/cli) into out/cli with esbuild, so it starts in milliseconds
// instead of compiling TypeScript on every run. Two bundles:
// - main.mjs, every command, loading each command's modules lazily (code splitting), so that
//   `folio info` never loads the HTML and Markdown parsers that `folio build` needs;
// - search.cjs, `folio search` alone in one file. Chunks shared between commands hold whatever any
//   of them needs (all of zod core, for the API contract), so a one-shot search from main.mjs
//   loaded 1 MB of code; search.cjs is about a quarter of that. It is CommonJS because Node 20
//   loads it, and better-sqlite3 through it, about 10 ms faster than the same code as an ES module
//   (measured alternately, 60 runs each). bin/folio.cjs runs it from V8's code cache, not through
//   require: the file is the module's function expression (see the banner below).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const bundleDir = join(root, 'out', 'cli');
export const bundleEntry = join(bundleDir, 'main.mjs');
export const searchEntry = join(bundleDir, 'search.cjs');
/**
 * The project's files each bundle was made from (no node_modules), and when: bin/folio.cjs rebundles
 * when one of them is newer, so a developer's edit takes effect on the next run. Checking only these
 * files (a new file is imported by an edited one) costs a stat each instead of a walk of main/.
 */
export const sourcesFile = join(bundleDir, 'sources.json');

/** The search bundle takes better-sqlite3 through scripts/cli-sqlite.mjs, which loads this binary. */
function sqliteBinding() {
  const pkg = createRequire(join(root, 'package.json')).resolve('better-sqlite3/package.json');
  return join(dirname(pkg), 'build', 'Release', 'better_sqlite3.node');
}

const sqliteShim = {
  name: 'folio-cli-sqlite',
  setup(build) {
    build.onResolve({ filter: /^better-sqlite3$/ }, (args) =>
      args.importer.endsWith('cli-sqlite.mjs') ? undefined : { path: join(root, 'scripts', 'cli-sqlite.mjs') },
    );
  },
};

/**
 * cheerio's entry imports undici for its `fromURL`, which Folio never calls (it makes no network
 * request): undici loaded node:http2 and node:tls at the start of every command, about 40 ms of a
 * build. It is bundled as an empty module.
 */
const noUndici = {
  name: 'folio-no-undici',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, () => ({ path: 'undici', namespace: 'folio-empty' }));
    build.onLoad({ filter: /.*/, namespace: 'folio-empty' }, () => ({
      contents: 'module.exports = {};',
      loader: 'js',
    }));
  },
};

function projectInputs(metafile) {
  return Object.keys(metafile.inputs)
    .filter((input) => !input.includes('node_modules/') && !input.startsWith('folio-empty:'))
    .sort();
}

export async function bundleCli() {
  const esbuild = await import('esbuild');
  const builtAt = Date.now();
  rmSync(bundleDir, { recursive: true, force: true });
  mkdirSync(bundleDir, { recursive: true });
  const common = {
    outdir: bundleDir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Node 20 has them; esbuild's table says otherwise and turns /\p{…}/u literals into `new RegExp`
    // calls, which V8 parses at once, Unicode tables included, when the bundle loads (0.3 ms of a
    // one-shot search), where a literal is parsed when first used.
    supported: { 'regexp-unicode-property-escapes': true },
    outExtension: { '.js': '.mjs' },
    external: ['better-sqlite3', 'electron'],
    // CommonJS dependencies inside an ES module bundle need a real `require`.
    banner: {
      js: "import { createRequire as __folioCreateRequire } from 'node:module'; const require = __folioCreateRequire(import.meta.url);",
    },
    define: { __FOLIO_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
    logLevel: 'error',
    legalComments: 'none',
    absWorkingDir: root,
    metafile: true,
  };
  const [main, search] = await Promise.all([
    // core-worker.mjs: the archive worker `folio serve` starts, compiled like the rest (from source,
    // through tsx, it cost the server about 100 MB of memory); site-page-worker.mjs: the threads
    // `folio build` reads a saved site's pages in (main/archive/source/site-page-pool.ts);
    // block-compress-worker.mjs: the thread it compresses text blocks in (main/archive/writer/block-compressor.ts);
    // vocabulary-worker.mjs: the one it encodes the search vocabulary in (main/search/indexer/vocabulary-blobs.ts).
    esbuild.build({
      ...common,
      entryPoints: {
        main: join(root, 'main', 'cli', 'main-entry.ts'),
        'core-worker': join(root, 'main', 'api', 'worker', 'entry.ts'),
        'site-page-worker': join(root, 'main', 'archive', 'source', 'site-page-worker.ts'),
        'block-compress-worker': join(root, 'main', 'archive', 'writer', 'block-compress-worker.ts'),
        'vocabulary-worker': join(root, 'main', 'search', 'indexer', 'vocabulary-worker.ts'),
      },
      splitting: true,
      plugins: [noUndici],
    }),
    esbuild.build({
      ...common,
      entryPoints: { search: join(root, 'main', 'cli', 'search-entry.ts') },
      splitting: false,
      format: 'cjs',
      external: ['electron', 'bindings'],
      plugins: [sqliteShim],
      outExtension: { '.js': '.cjs' },
      // Without comments and indentation (names kept): 250 KB of source for V8 to read as UTF-8 and
      // hold, against 350 KB, about half a millisecond and 300 fresh pages of every one-shot search.
      minifyWhitespace: true,
      // CommonJS has no import.meta: the modules that locate files get the bundle's own URL, made
      // when one first asks (pathToFileURL at the start of every search was a quarter of a ms).
      define: {
        ...common.define,
        'import.meta.url': '__folioModule.url',
        __FOLIO_SQLITE_BINDING__: JSON.stringify(relative(bundleDir, sqliteBinding())),
      },
      // The file is the function Node wraps a CommonJS module's text in (Module.wrap), so that
      // bin/folio.cjs compiles the text as read: wrapped there, it was a string of three parts that
      // V8 copied into one (half a megabyte of UTF-16) before looking up the code cache.
      banner: {
        js: "(function (exports, require, module, __filename, __dirname) { const __folioModule = { get url() { return require('node:url').pathToFileURL(__filename).href; } };",
      },
      footer: { js: '\n});' },
    }),
  ]);
  const sources = {
    builtAt,
    main: [...projectInputs(main.metafile), 'package.json', 'scripts/bundle-cli.mjs'],
    // better-sqlite3's JavaScript is bundled in: a new version of it needs a new bundle.
    search: [
      ...projectInputs(search.metafile),
      'package.json',
      'scripts/bundle-cli.mjs',
      'node_modules/better-sqlite3/package.json',
    ],
  };
  writeFileSync(sourcesFile, `${JSON.stringify(sources)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli();
