/**
 * Builds the renderer (out/renderer) when it is missing or older than its sources, so `folio serve`
 * works straight from a checkout. Uses Vite from devDependencies; an installed Folio ships the build.
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { newestMtime, projectRoot } from '../paths';

export function rendererIsStale(outDir: string): boolean {
  const index = join(outDir, 'index.html');
  if (!existsSync(index)) return true;
  const root = projectRoot();
  const sources = Math.max(
    newestMtime(join(root, 'renderer')),
    statSync(join(root, 'main', 'api', 'contract.ts')).mtimeMs,
  );
  return statSync(index).mtimeMs < sources;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** A cross-process lock (mkdir is atomic), so concurrent servers never build over each other. */
async function withBuildLock(outDir: string, run: () => Promise<void>): Promise<void> {
  const lock = `${outDir}.build-lock`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock, { recursive: false });
      break;
    } catch {
      // Another process is building: wait for it, then take over a lock older than 3 minutes.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 180_000)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for another build of ${outDir}`);
      await sleep(100);
    }
  }
  try {
    await run();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function ensureRendererBuilt(outDir: string): Promise<void> {
  if (!rendererIsStale(outDir)) return;
  mkdirSync(join(outDir, '..'), { recursive: true });
  await withBuildLock(outDir, async () => {
    if (rendererIsStale(outDir)) await buildRenderer(outDir);
  });
}

async function buildRenderer(outDir: string): Promise<void> {
  const root = projectRoot();
  const config = join(root, 'renderer', 'vite.config.ts');
  if (!existsSync(config)) return;
  let vite: { build: (options: Record<string, unknown>) => Promise<unknown> };
  try {
    // A computed specifier keeps bundlers from inlining Vite into the CLI.
    const name = ['vi', 'te'].join('');
    vite = (await import(
      pathToFileURL(join(root, 'node_modules', name, 'dist', 'node', 'index.js')).href
    )) as typeof vite;
  } catch {
    return; // no Vite (an installed Folio): serve whatever build exists
  }
  process.stderr.write('folio: building the web app (out/renderer)…\n');
  await vite.build({ configFile: config, logLevel: 'warn', build: { outDir } });
}
