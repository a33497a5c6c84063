/**
 * The desktop packaging, checked without Electron's binary: electron-builder's configuration (targets,
 * resources, fuses) as electron-builder itself validates it, the fuses as @electron/fuses writes them
 * into a binary's fuse wire, and `npm run dist` where the binary is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire, type FuseV1Config } from '@electron/fuses';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import type { AfterPackContext, Configuration } from 'electron-builder';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPackagedEnvironment } from '../../main/electron/environment';

const root = process.cwd();
const { default: config, FUSES } = (await import(pathToFileURL(join(root, 'electron-builder.js')).href)) as {
  default: Configuration;
  FUSES: FuseV1Config;
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }
).version;

const work = mkdtempSync(join(tmpdir(), 'folio-packaging-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('desktop packaging (electron-builder.js)', () => {
  it('is a configuration electron-builder accepts', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds AppImage and deb on Linux, NSIS on Windows, dmg on macOS, and never publishes', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.publish).toBeNull();
  });

  it('packs the Electron that npm installed, in an asar, without rebuilding node_modules in place', () => {
    expect(config.electronDist).toBe('node_modules/electron/dist');
    expect(config.electronVersion).toBe(electronVersion);
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
  });

  it('ships the prebuilt embedded pack and Electron-ABI better-sqlite3 where the installed app reads them', () => {
    const resources = config.extraResources as { from: string; to: string }[];
    // The pack `npm run build:pack` writes, instead of one built in the install folder at first start.
    const packOutput = /-o (\S+)/.exec(pkg.scripts['build:pack'] ?? '')?.[1];
    expect(resources).toContainEqual({ from: packOutput, to: 'archive/korean-war.folio' });
    expect(resources).toContainEqual({
      from: `out/electron-native/${electronVersion}/better_sqlite3.node`,
      to: 'native/better_sqlite3.node',
    });
    const env: NodeJS.ProcessEnv = {};
    applyPackagedEnvironment(env, '/r');
    expect(env.FOLIO_EMBEDDED_PACK).toBe(join('/r', 'archive', 'korean-war.folio'));
    expect(env.FOLIO_SQLITE_BINDING).toBe(join('/r', 'native', 'better_sqlite3.node'));
  });

  it('main.ts applies the installed environment before it reads a variable or starts the worker', () => {
    const main = readFileSync(join(root, 'main', 'electron', 'main.ts'), 'utf8');
    const applied = main.indexOf('if (app.isPackaged) applyPackagedEnvironment(process.env, process.resourcesPath);');
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThan(main.indexOf('process.env.ELECTRON_RENDERER_URL'));
    expect(applied).toBeLessThan(main.indexOf('new CoreHost('));
  });

  it('sets the fuses: no RunAsNode, NODE_OPTIONS or --inspect; asar only, its integrity checked; cookies encrypted', () => {
    expect(FUSES).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('flips them in the packaged binary after packing, with the ad-hoc signature renewed on arm64 macOS', async () => {
    // A binary holding Electron's fuse wire (sentinel, version 1, 9 fuses, all as Electron ships them).
    const binary = join(work, 'folio');
    const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
    writeFileSync(
      binary,
      Buffer.concat([Buffer.from('ELF…'), Buffer.from(sentinel), Buffer.from([1, 9]), Buffer.from('101111001')]),
    );
    const calls: { platform: string; fuses: FuseV1Config }[] = [];
    const context = (electronPlatformName: string, arch: number): AfterPackContext =>
      ({
        electronPlatformName,
        arch,
        packager: {
          addElectronFuses: async (ctx: AfterPackContext, fuses: FuseV1Config) => {
            calls.push({ platform: ctx.electronPlatformName, fuses });
            return flipFuses(binary, fuses);
          },
        },
      }) as unknown as AfterPackContext;
    const afterPack = config.afterPack as (context: AfterPackContext) => Promise<unknown>;
    await afterPack(context('linux', 1));
    await afterPack(context('darwin', 3));
    expect(calls.map((c) => [c.platform, c.fuses.resetAdHocDarwinSignature])).toEqual([
      ['linux', false],
      ['darwin', true],
    ]);
    const wire = await getCurrentFuseWire(binary);
    // FuseState is the ASCII digit stored in the wire: '0' off, '1' on.
    const state = (option: FuseV1Options): string => String.fromCharCode(Number(wire[option]));
    expect(state(FuseV1Options.RunAsNode)).toBe('0');
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe('1');
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0');
  });

  it(`runs on a supported Electron (${electronVersion})`, () => {
    expect(pkg.devDependencies.electron).toBe(electronVersion);
    expect(Number(electronVersion.split('.')[0])).toBeGreaterThanOrEqual(45);
  });

  const binaryInstalled = existsSync(join(root, 'node_modules', 'electron', 'path.txt'));
  it.skipIf(binaryInstalled)("`npm run dist` without Electron's binary stops at once, with one line", () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'dist.mjs')], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(
        `^folio dist: Electron ${electronVersion.replace(/\./g, '\\.')}'s binary is not installed [^\\n]+\\n$`,
      ),
    );
  });
});
