/**
 * What the Electron suites need from this machine: the installed binary and better-sqlite3 built for its
 * ABI, or the one-line reason they are missing. Never downloads: since Electron 45, require('electron')
 * starts a download when the binary is missing, so the binary is found as electron's index.js finds it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright';
import { expect } from 'vitest';

const electronDir = join(process.cwd(), 'node_modules', 'electron');

function installedBinary(): string | null {
  try {
    const path = join(electronDir, 'dist', readFileSync(join(electronDir, 'path.txt'), 'utf8'));
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export const electronVersion = (
  JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string }
).version;
export const electronBinary = installedBinary();
export const electronNativeBinding = join(
  process.cwd(),
  'out',
  'electron-native',
  electronVersion,
  'better_sqlite3.node',
);
export const electronSkipReason = !electronBinary
  ? `Electron ${electronVersion} binary not installed (run "node node_modules/electron/install.js" with network access)`
  : !existsSync(electronNativeBinding)
    ? `better-sqlite3 for Electron ${electronVersion} not built (run "npm run build:electron-native" to build ${electronNativeBinding})`
    : null;

/**
 * Builds the app with electron-vite, then starts it from this checkout with `args` after the app's
 * folder, on better-sqlite3 built for Electron's ABI and a fresh config folder (a new user's).
 */
export async function launchBuiltApp(args: readonly string[], configPrefix: string): Promise<ElectronApplication> {
  const root = process.cwd();
  const built = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    { cwd: root, stdio: 'inherit' },
  );
  expect(built.status).toBe(0);
  return electron.launch({
    executablePath: electronBinary!,
    args: [root, '--no-sandbox', ...args],
    cwd: root,
    env: {
      ...process.env,
      FOLIO_SQLITE_BINDING: electronNativeBinding,
      XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), configPrefix)),
    },
    timeout: 120_000,
  });
}
