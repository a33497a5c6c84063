#!/usr/bin/env node
// The `folio` command. Runs the bundled CLI (out/cli), rebundling it first when it is missing or older
// than the sources it was made from (a developer's edit takes effect on the next run).
// CommonJS, not an ES module: Node starts a CommonJS entry about 4 ms sooner, which a one-shot
// `folio search` notices.
'use strict';
const {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

// `folio serve`: its HTTP thread's young generation kept at its first size (main/serve/young-generation.ts)
// from here, before loading the command grows it; the server sets it again once its worker is up.
if (process.argv[2] === 'serve') require('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
const root = join(__dirname, '..');
const out = join(root, 'out', 'cli');
// `folio search` has a bundle of its own that loads only what a search needs (scripts/bundle-cli.mjs).
const searching = process.argv[2] === 'search';
const mainBundle = join(out, 'main.mjs');
const bundle = searching ? join(out, 'search.cjs') : mainBundle;

/** True when `bundle` is missing, or a file it was made from changed since (in a checkout only). */
function stale(target, forSearch) {
  if (!existsSync(target)) return true;
  if (!existsSync(join(root, 'main'))) return false;
  let sources;
  try {
    sources = JSON.parse(readFileSync(join(out, 'sources.json'), 'utf8'));
  } catch {
    return true;
  }
  // Joined by hand: path.join normalises each of the hundred paths, about 1 ms of a one-shot search
  // (the names come from esbuild's metafile, relative and with '/', which every platform takes).
  const prefix = `${root}/`;
  for (const file of forSearch ? sources.search : sources.main) {
    const stat = statSync(prefix + file, { throwIfNoEntry: false });
    if (!stat || stat.mtimeMs > sources.builtAt) return true;
  }
  return false;
}

/**
 * Runs the search bundle with V8's code cache, and returns whether it answers the arguments (see
 * `handled` in main/cli/search-entry.ts): the bytecode of the bundle's functions is kept next to
 * it (written once, and again when V8 rejects it: a new Node), so later runs skip
 * parsing and compiling, about 10 ms of a search. The cache names the bundle's size and time, and V8
 * checks the source's length and its own version.
 *
 * The run that writes the cache compiles every function first (V8's --no-lazy, for that compile
 * only), so the cache holds the whole search whatever that run did. Written after a first run that
 * only failed or printed help, it held the functions of that run alone, and every search after it
 * compiled the rest again: 7-10 ms each.
 */
function runSearchBundle() {
  // V8's tiering is left at its defaults: a hot loop is compiled (OSR) on a background thread
  // while it runs, so a machine with a core to spare compiles it at no cost to the search. Compiled
  // at once instead (--no-concurrent-osr), each compile stopped the search's own thread: measured
  // alternately on the bench's cold set, that thread spent 3 to 16 ms more per search (Python and
  // large packs), even though the process as a whole spent less CPU.

  // V8 refuses a cache made under other flags (`node --cpu-prof`, NODE_OPTIONS' heap sizes): a run
  // with flags keeps a cache of its own, named by them in its stamp, rather than replacing the one
  // plain runs use, which the next plain run refused in turn and replaced again.
  const nodeOptions = process.env.NODE_OPTIONS ?? '';
  const flagged = process.execArgv.length > 0 || nodeOptions.trim() !== '';
  const cacheFile = flagged ? `${bundle}.flagged.v8cache` : `${bundle}.v8cache`;
  const fd = openSync(bundle, 'r');
  const stat = fstatSync(fd);
  const source = readFileSync(fd, 'utf8');
  closeSync(fd);
  const flags = flagged ? ` ${JSON.stringify([process.execArgv, nodeOptions])}` : '';
  const stamp = Buffer.from(`${stat.size}:${stat.mtimeMs}${flags}\n`, 'utf8');
  let cachedData;
  try {
    const cached = readFileSync(cacheFile);
    if (cached.subarray(0, stamp.length).equals(stamp)) cachedData = cached.subarray(stamp.length);
  } catch {
    // No cache yet: this run writes it.
  }
  // The bundle is a CommonJS module already wrapped in its function (scripts/bundle-cli.mjs). It
  // makes no dynamic import: compiled here, it would have no loader to call.
  let script = cachedData && new vm.Script(source, { filename: bundle, cachedData });
  if (!script || script.cachedDataRejected) {
    const v8 = require('node:v8');
    // Without V8's compilation cache too: after a rejected cache, it holds the lazy compile of the
    // same source just made, and the new cache was that, the top level alone (95 KB for 450).
    v8.setFlagsFromString('--no-lazy');
    v8.setFlagsFromString('--no-compilation-cache');
    try {
      script = new vm.Script(source, { filename: bundle });
    } finally {
      v8.setFlagsFromString('--lazy');
      v8.setFlagsFromString('--compilation-cache');
    }
    const data = script.createCachedData();
    process.once('exit', () => {
      try {
        const temporary = `${cacheFile}.${process.pid}`;
        writeFileSync(temporary, Buffer.concat([stamp, data]));
        renameSync(temporary, cacheFile);
      } catch {
        // A read-only install runs without the cache.
      }
    });
  }
  const module = new Module(bundle);
  module.filename = bundle;
  const localRequire = Module.createRequire(bundle);
  script.runInThisContext().call(module.exports, module.exports, localRequire, module, bundle, out);
  return module.exports.handled !== false;
}

function rebundle() {
  return import(pathToFileURL(join(root, 'scripts', 'bundle-cli.mjs')).href).then(({ bundleCli }) => bundleCli());
}

function runMain() {
  return import(pathToFileURL(mainBundle).href);
}

function run() {
  if (!searching) return runMain();
  if (runSearchBundle()) return;
  // Help, the version or an unusual option: the full command reads them.
  return stale(mainBundle, false) ? rebundle().then(runMain) : runMain();
}

function failed(error) {
  process.stderr.write(`folio: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  process.exit(2);
}

if (stale(bundle, searching)) rebundle().then(run).catch(failed);
else Promise.resolve().then(run).catch(failed);
