#!/usr/bin/env node
// `npm start [-- --archive <file.folio> …] [-- --library <folder>]`: build Folio and launch it in Electron.
//
// 1. Checks Electron's binary first, so a machine without it fails within a second with what to do.
// 2. Builds main, preload and renderer with electron-vite (out/).
// 3. Makes a better-sqlite3 build for Electron's ABI in out/electron-native/<version>/ — never in
//    node_modules, whose Node build the tests use — and hands its path to the app (FOLIO_SQLITE_BINDING).
// 4. Launches Electron on out/main/index.js, passing the arguments through.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectronNative, installedElectronBinary } from './electron-native.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function die(message, code = 1) {
  process.stderr.write(`folio start: ${message}\n`);
  process.exit(code);
}

// 1. Electron's binary.
const electronPkg = join(root, 'node_modules', 'electron', 'package.json');
if (!existsSync(electronPkg)) die('the electron package is not installed; run "npm install" first.');
const electronVersion = JSON.parse(readFileSync(electronPkg, 'utf8')).version;
// Not require('electron'): since Electron 45 that starts a download when the binary is missing.
const electronBinary = installedElectronBinary();
if (!electronBinary) {
  die(
    `Electron ${electronVersion}'s binary is not installed (node_modules/electron/dist is missing; it could not be downloaded).\n` +
      '  To fix: with network access, run "node node_modules/electron/install.js" (or set ELECTRON_MIRROR),\n' +
      '  then run "npm start" again.\n' +
      '  Without Electron you can still read the archive in a browser: "npx folio serve", then open the URL it prints.',
  );
}

// Every --archive must name a readable file, every --library a folder (checked here so the message is
// immediate and clear); both may be repeated, and are handed on as absolute paths.
for (const [option, what, isRight] of [
  ['--archive', 'archive', (path) => statSync(path).isFile()],
  ['--library', 'folder of archives', (path) => statSync(path).isDirectory()],
]) {
  for (let i = args.indexOf(option); i >= 0; i = args.indexOf(option, i + 2)) {
    const path = args[i + 1];
    if (!path)
      die(
        `${option} needs a ${what}: npm start -- ${option} path/to/${option === '--archive' ? 'archive.folio' : 'folder'}`,
        2,
      );
    if (!existsSync(path) || !isRight(path)) die(`no such ${what}: ${path}`, 2);
    args[i + 1] = resolve(path);
  }
}

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

// 2. Build.
process.stdout.write('folio start: building (electron-vite)…\n');
if (!run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])) {
  die('the build failed (see above).');
}

// 3. better-sqlite3 for Electron's ABI, in its own folder (scripts/electron-native.mjs).
let nativeBinding;
try {
  nativeBinding = buildElectronNative({ log: (line) => process.stdout.write(`folio start: ${line}\n`) });
} catch (error) {
  die(
    `${error.message}.\n` +
      '  Bookmarks need it. Retry with network access, or read the archive in a browser with "npx folio serve".',
  );
}

// 4. Launch.
const env = { ...process.env, FOLIO_SQLITE_BINDING: nativeBinding };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electronBinary, [root, ...args], { cwd: root, stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
