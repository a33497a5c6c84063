/**
 * Builds the reader for `folio serve` (out/renderer) when it is missing, older than its sources, or
 * not known to be a production build, so `folio serve` works straight from a checkout and never sends
 * React's development bundle. Vite runs in a child process with NODE_ENV=production: Vite takes
 * NODE_ENV from its environment, and a parent that set it (vitest sets "test") once made the served
 * bundle a development one. The build is then precompressed (`.br` and `.gz` beside each file) and
 * stamped (`.folio-build.json`), the stamp written last. An installed Folio without Vite serves the
 * build it ships.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { STATIC_TYPES } from '../api/web-policy';
import { newestMtime, projectRoot } from '../paths';
import { withDirectoryLock } from './build-lock';
import { compressedForms, isCompressible } from './static-assets';

export const BUILD_STAMP = '.folio-build.json';

export interface BuildStamp {
  mode: 'production';
  builtAt: string;
}

/** The stamp of a finished production build in `outDir`, or null. */
export function readBuildStamp(outDir: string): BuildStamp | null {
  try {
    const stamp = JSON.parse(readFileSync(join(outDir, BUILD_STAMP), 'utf8')) as Partial<BuildStamp>;
    return stamp.mode === 'production' && typeof stamp.builtAt === 'string' ? (stamp as BuildStamp) : null;
  } catch {
    return null;
  }
}

/** True when `outDir` holds no stamped production build, or one older than the renderer's sources. */
export function rendererIsStale(outDir: string): boolean {
  if (!existsSync(join(outDir, 'index.html')) || !readBuildStamp(outDir)) return true;
  let stamped: number;
  try {
    stamped = statSync(join(outDir, BUILD_STAMP)).mtimeMs;
  } catch {
    return true; // gone since it was read: another process has begun building (it holds the lock)
  }
  const root = projectRoot();
  const sources = Math.max(
    newestMtime(join(root, 'renderer')),
    newestMtime(join(root, 'main', 'model')),
    statSync(join(root, 'main', 'api', 'contract.ts')).mtimeMs,
  );
  return stamped < sources;
}

export async function ensureRendererBuilt(outDir: string): Promise<void> {
  if (!rendererIsStale(outDir)) return;
  mkdirSync(join(outDir, '..'), { recursive: true });
  await withDirectoryLock(
    `${outDir}.build-lock`,
    async () => {
      if (rendererIsStale(outDir)) await buildRenderer(outDir);
    },
    { onWait: () => process.stderr.write('folio: waiting for another folio to finish building the web app…\n') },
  );
}

async function buildRenderer(outDir: string): Promise<void> {
  const root = projectRoot();
  const config = join(root, 'renderer', 'vite.config.ts');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(config) || !existsSync(vite)) return;
  process.stderr.write('folio: building the web app (out/renderer)…\n');
  rmSync(join(outDir, BUILD_STAMP), { force: true });
  await runVite(process.execPath, [
    vite,
    'build',
    '--config',
    config,
    '--outDir',
    outDir,
    '--emptyOutDir',
    '--mode',
    'production',
    '--logLevel',
    'warn',
  ]);
  precompress(outDir);
  const stamp: BuildStamp = { mode: 'production', builtAt: new Date().toISOString() };
  writeFileSync(join(outDir, BUILD_STAMP), `${JSON.stringify(stamp)}\n`);
}

function runVite(node: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, {
      cwd: projectRoot(),
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(new Error(`building the web app failed (vite exit ${code}): ${output.trim().split('\n').pop() ?? ''}`));
    });
  });
}

/** Writes `<file>.br` and `<file>.gz` beside every compressible file that they make smaller. */
function precompress(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      precompress(full);
      continue;
    }
    const type = STATIC_TYPES[extname(entry.name).toLowerCase()] ?? 'application/octet-stream';
    if (!entry.isFile() || entry.name.startsWith('.') || !isCompressible(type)) continue;
    const forms = compressedForms(readFileSync(full));
    for (const [encoding, body] of forms) writeFileSync(`${full}.${encoding === 'br' ? 'br' : 'gz'}`, body);
  }
}
