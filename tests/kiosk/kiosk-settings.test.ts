/** Kiosk configuration: defaults, the data folder's kiosk.json, and the command line, which wins. */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskFlagsFromArgv } from '../../main/kiosk/kiosk-argv';
import { resolveKioskSetup, writeKioskPin, KIOSK_CONFIG_FILE } from '../../main/kiosk/kiosk-settings';
import { verifyPin } from '../../main/kiosk/pin';
import { SetupError } from '../../main/model/errors';
import { tempDir } from '../helpers/temp';

const dir = tempDir('folio-kiosk-settings-');
const serve = { statsByDefault: true, canExit: false };
const desktop = { statsByDefault: false, canExit: true };

function dataDir(name: string, file?: unknown): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  if (file !== undefined) writeFileSync(join(d, KIOSK_CONFIG_FILE), JSON.stringify(file));
  return d;
}

describe('resolveKioskSetup', () => {
  it('has the documented defaults: 90 s idle, a 15 s countdown, the keyboard on, stats on for serve only', () => {
    const d = dataDir('defaults');
    expect(resolveKioskSetup(d, { kiosk: true }, serve)).toMatchObject({
      enabled: true,
      idleSeconds: 90,
      countdownSeconds: 15,
      osk: true,
      pinHash: null,
      stats: true,
      canExit: false,
      defaults: { theme: 'light', fontSize: 22, language: null },
    });
    expect(resolveKioskSetup(d, { kiosk: true }, desktop).stats).toBe(false);
  });

  it('reads kiosk.json, and the command line wins over it', () => {
    const d = dataDir('file', {
      idle: 45,
      countdown: 20,
      osk: true,
      stats: false,
      theme: 'dark',
      fontSize: 24,
      language: 'ko',
    });
    const fromFile = resolveKioskSetup(d, { kiosk: true }, serve);
    expect(fromFile).toMatchObject({
      idleSeconds: 45,
      countdownSeconds: 20,
      stats: false,
      defaults: { theme: 'dark', fontSize: 24, language: 'ko' },
    });
    expect(() => resolveKioskSetup(dataDir('bad-language', { language: 'fr' }), { kiosk: true }, serve)).toThrow(
      /kiosk\.json: language: /,
    );
    const pinFile = writeKioskPin(d, '2468');
    expect(readFileSync(pinFile, 'utf8')).not.toContain('2468');
    const cli = resolveKioskSetup(d, { kiosk: true, idle: 10, pin: '1357', osk: false, stats: true }, serve);
    expect(cli).toMatchObject({ idleSeconds: 10, osk: false, stats: true, countdownSeconds: 20 });
    expect(verifyPin('1357', cli.pinHash ?? '')).toBe(true);
    expect(verifyPin('2468', resolveKioskSetup(d, { kiosk: true }, serve).pinHash ?? '')).toBe(true);
  });

  it('names the file and the field of a bad kiosk.json in one line', () => {
    const bad = dataDir('bad', { idle: 'soon' });
    expect(() => resolveKioskSetup(bad, { kiosk: true }, serve)).toThrow(SetupError);
    expect(() => resolveKioskSetup(bad, { kiosk: true }, serve)).toThrow(/kiosk\.json: idle: [^\n]+$/);
    const plain = dataDir('plain-pin', { pinHash: '1234' });
    expect(() => resolveKioskSetup(plain, { kiosk: true }, serve)).toThrow(/pinHash: not a hash/);
    const broken = join(dataDir('broken'), KIOSK_CONFIG_FILE);
    writeFileSync(broken, '{');
    expect(() => resolveKioskSetup(join(dir, 'broken'), { kiosk: true }, serve)).toThrow(/not valid JSON/);
  });
});

describe('the desktop app flags', () => {
  it('reads --kiosk, --idle, --kiosk-pin, --no-osk and --stats from argv', () => {
    expect(
      kioskFlagsFromArgv(['electron', '.', '--kiosk', '--idle', '30', '--kiosk-pin=2468', '--no-osk', '--stats']),
    ).toEqual({
      kiosk: true,
      idle: 30,
      pin: '2468',
      osk: false,
      stats: true,
    });
    expect(kioskFlagsFromArgv(['electron', '.'])).toEqual({ kiosk: false });
    expect(() => kioskFlagsFromArgv(['--idle', '1'])).toThrow(/--idle must be 3 to 86400 seconds/);
    expect(() => kioskFlagsFromArgv(['--kiosk-pin', 'abcd'])).toThrow(/--kiosk-pin must be 4 to 12 digits/);
  });
});
