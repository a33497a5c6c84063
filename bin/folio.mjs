#!/usr/bin/env node
// The `folio` command. Runs the bundled CLI (out/cli), rebundling it first when it is missing or older
// than the TypeScript sources (a developer's edit takes effect on the next run).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundles = [join(root, 'out', 'cli', 'main.mjs'), join(root, 'out', 'cli', 'search.cjs')];
// `folio search` has a bundle of its own that loads only what a search needs (scripts/bundle-cli.mjs).
const searching = process.argv[2] === 'search';

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const sources = join(root, 'main');
if (
  bundles.some((b) => !existsSync(b)) ||
  (existsSync(sources) && Math.min(...bundles.map((b) => statSync(b).mtimeMs)) < newestSource(sources))
) {
  const { bundleCli } = await import(pathToFileURL(join(root, 'scripts', 'bundle-cli.mjs')).href);
  await bundleCli();
}
// search.cjs is CommonJS: required, not imported, so that the ES module loader does not scan it.
if (searching) createRequire(import.meta.url)(bundles[1]);
else await import(pathToFileURL(bundles[0]).href);
