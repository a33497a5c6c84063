/**
 * What the Electron suites need from this machine: the installed binary and better-sqlite3 built for its
 * ABI, or the one-line reason they are missing. Never downloads: since Electron 45, require('electron')
 * starts a download when the binary is missing, so the binary is found as electron's index.js finds it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
