#!/usr/bin/env node
// better-sqlite3 built for the installed Electron's ABI, in out/electron-native/<version>/ — never in
// node_modules, whose Node build the tests and the `folio` command use. `npm run dist` ships it as a
// resource of the installed app; CI builds it so the Electron launch tests can run (`node
// scripts/electron-native.mjs`). A prebuilt binary is tried first (prebuild-install, which names it
// by the ABI from node-abi), then a compile with node-gyp against Electron's headers; both need network.
// `npm start` (scripts/start.mjs) builds it the same way, through buildElectronNative().
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

export function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

/**
 * The installed Electron binary, or null. Never downloads: since Electron 45, require('electron')
 * starts a download when the binary is missing.
 */
export function installedElectronBinary() {
  const electronDir = join(root, 'node_modules', 'electron');
  try {
    const binary = join(electronDir, 'dist', readFileSync(join(electronDir, 'path.txt'), 'utf8'));
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export function electronNativeBinding(version = electronVersion()) {
  return join(root, 'out', 'electron-native', version, 'better_sqlite3.node');
}

function run(command, args, cwd) {
  return spawnSync(command, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;
}

/** Returns the binding's path, building it when missing; throws an Error with a one-line message. */
export function buildElectronNative({ arch = process.arch, log = (line) => process.stdout.write(`${line}\n`) } = {}) {
  const version = electronVersion();
  const binding = electronNativeBinding(version);
  if (existsSync(binding)) return binding;
  log(`building better-sqlite3 for Electron ${version} (${arch}) into ${dirname(binding)}…`);
  const work = join(root, 'out', 'electron-native', 'work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  for (const part of ['package.json', 'binding.gyp', 'src', 'deps', 'lib'])
    cpSync(join(source, part), join(work, part), { recursive: true });
  const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
  const built =
    run(bin('prebuild-install'), ['--runtime', 'electron', '--target', version, '--arch', arch, '--verbose'], work) ||
    run(
      'npx',
      [
        '--no-install',
        'node-gyp',
        'rebuild',
        '--release',
        `--target=${version}`,
        `--arch=${arch}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      work,
    );
  const output = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!built || !existsSync(output)) {
    throw new Error(
      `could not get better-sqlite3 for Electron ${version}: no prebuilt binary could be downloaded and the compile against Electron's headers failed (both need network)`,
    );
  }
  mkdirSync(dirname(binding), { recursive: true });
  cpSync(output, binding);
  rmSync(work, { recursive: true, force: true });
  return binding;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.stdout.write(`${buildElectronNative()}\n`);
  } catch (error) {
    process.stderr.write(`folio: ${error.message}\n`);
    process.exit(1);
  }
}
