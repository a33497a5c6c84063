// electron-builder's configuration (found by name). `npm run dist` (scripts/dist.mjs) builds what it
// packs, then runs it: AppImage and deb on Linux, NSIS on Windows, dmg on macOS, into dist/.
import { readFileSync } from 'node:fs';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { Arch } from 'electron-builder';

const electronVersion = JSON.parse(
  readFileSync(new URL('./node_modules/electron/package.json', import.meta.url), 'utf8'),
).version;

/**
 * Electron's fuses, flipped in the packaged binary by the afterPack hook, before electron-builder signs
 * it (https://www.electronjs.org/docs/latest/tutorial/fuses).
 */
export const FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE=1 cannot turn the installed binary into a plain Node.js.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS (--require, --import) cannot inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and its kin cannot open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Only resources/app.asar is loaded, never a loose app folder put beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // app.asar must match the hash electron-builder embeds (Info.plist on macOS, a resource on Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Cookies on disk are encrypted with the OS keychain's key (Folio sets none; none can be read in clear).
  [FuseV1Options.EnableCookieEncryption]: true,
  // The window loads app://folio, never file://: file:// pages get no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** @type {import('electron-builder').Configuration} */
export default {
  appId: 'org.folio.reader',
  productName: 'Folio',
  directories: { output: 'dist' },
  // The binary npm installed and checked against Electron's checksums: electron-builder downloads none.
  electronDist: 'node_modules/electron/dist',
  electronVersion,
  asar: true,
  // node_modules keeps the Node build of better-sqlite3 that the tests and the CLI use (a rebuild
  // would replace it in place); the Electron build ships as a resource (extraResources).
  npmRebuild: false,
  files: [
    'package.json',
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    '!**/*.map',
    // Not needed by the installed app: better-sqlite3's sources and Node build, the TypeScript runner,
    // and React, which the renderer bundle already holds (out/main never imports it).
    '!node_modules/better-sqlite3/{build,deps,src}/**',
    '!node_modules/{tsx,esbuild,@esbuild}/**',
    '!node_modules/{react,react-dom,scheduler}/**',
  ],
  // The app reads these from process.resourcesPath (main/electron/environment.ts): the embedded
  // archive's pack, built once here instead of in the install folder, and better-sqlite3 for Electron.
  extraResources: [
    { from: 'out/archive/korean-war.folio', to: 'archive/korean-war.folio' },
    { from: `out/electron-native/${electronVersion}/better_sqlite3.node`, to: 'native/better_sqlite3.node' },
  ],
  afterPack: (context) =>
    context.packager.addElectronFuses(context, {
      ...FUSES,
      // Flipping fuses breaks the ad-hoc signature every arm64 macOS binary needs to start.
      resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === Arch.arm64,
    }),
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Education',
    synopsis: 'Offline archive viewer',
    maintainer: 'Folio <folio@localhost>',
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.education' },
  publish: null,
};
