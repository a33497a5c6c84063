/**
 * Builds the renderer (out/renderer) when it is missing or older than its sources, so `folio serve`
 * works straight from a checkout. Uses Vite from devDependencies; an installed Folio ships the build.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../paths';

function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return t;
}

export function rendererIsStale(outDir: string): boolean {
  const index = join(outDir, 'index.html');
  if (!existsSync(index)) return true;
  const root = projectRoot();
  const sources = Math.max(newest(join(root, 'renderer')), statSync(join(root, 'main', 'api', 'contract.ts')).mtimeMs);
  return statSync(index).mtimeMs < sources;
}

export async function ensureRendererBuilt(outDir: string): Promise<void> {
  if (!rendererIsStale(outDir)) return;
  const root = projectRoot();
  const config = join(root, 'renderer', 'vite.config.ts');
  if (!existsSync(config)) return;
  let vite: { build: (options: Record<string, unknown>) => Promise<unknown> };
  try {
    // A computed specifier keeps bundlers from inlining Vite into the CLI.
    const name = ['vi', 'te'].join('');
    vite = (await import(pathToFileURL(join(root, 'node_modules', name, 'dist', 'node', 'index.js')).href)) as typeof vite;
  } catch {
    return; // no Vite (an installed Folio): serve whatever build exists
  }
  process.stderr.write('folio: building the web app (out/renderer)…\n');
  await vite.build({ configFile: config, logLevel: 'warn', build: { outDir } });
}
