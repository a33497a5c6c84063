#!/usr/bin/env node
// `npm run dist`: the desktop installers for this platform, with electron-builder (electron-builder.js):
// AppImage and deb on Linux, NSIS on Windows, dmg on macOS, into dist/.
//
// 1. Electron's binary must be installed (electron-builder packs node_modules/electron/dist, the
//    binary npm checked against Electron's checksums): without it, one line and exit 1.
// 2. Builds what the installer ships: the embedded archive's pack, main/preload/renderer (electron-vite)
//    and better-sqlite3 for Electron's ABI (scripts/electron-native.mjs).
// 3. Runs electron-builder, which sets the fuses in the packaged binary (afterPack) and never publishes.
// Arguments are passed to electron-builder (e.g. `npm run dist -- --linux deb`).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildElectronNative, electronVersion, installedElectronBinary, root } from './electron-native.mjs';

function fail(message) {
  process.stderr.write(`folio dist: ${message}\n`);
  process.exit(1);
}

if (!installedElectronBinary()) {
  fail(
    `Electron ${electronVersion()}'s binary is not installed (it could not be downloaded); run "node node_modules/electron/install.js" with network access, then "npm run dist" again.`,
  );
}

function step(label, command, args) {
  process.stdout.write(`folio dist: ${label}…\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) fail(`${label} failed (see above).`);
}

step('building the embedded archive (npm run build:pack)', 'npm', ['run', '--silent', 'build:pack']);
step('building the app (npm run build:app)', 'npm', ['run', '--silent', 'build:app']);
try {
  buildElectronNative();
} catch (error) {
  fail(`${error.message}.`);
}
step('packaging (electron-builder)', process.execPath, [
  join(root, 'node_modules', 'electron-builder', 'cli.js'),
  '--publish',
  'never',
  ...process.argv.slice(2),
]);
process.stdout.write(`folio dist: the installers are in ${join(root, 'dist')}\n`);
