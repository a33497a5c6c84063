/**
 * The desktop app's kiosk flags, from Electron's argv: `--kiosk`, `--idle <s>`, `--kiosk-pin <digits>`,
 * `--no-osk`, and `--stats` (the ledger is off in the desktop app unless asked for). Bad values are a
 * one-line SetupError, never a silent default.
 */
import { SetupError } from '../model/errors';
import type { KioskFlags } from './kiosk-settings';
import { PIN_PATTERN } from './pin';

function valueOf(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === name) return argv[i + 1] ?? '';
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

export function kioskFlagsFromArgv(argv: readonly string[]): KioskFlags {
  const flags: KioskFlags = { kiosk: argv.includes('--kiosk') };
  const idle = valueOf(argv, '--idle');
  if (idle !== undefined) {
    const n = Number(idle);
    if (!Number.isInteger(n) || n < 3 || n > 86_400) throw new SetupError('--idle must be 3 to 86400 seconds');
    flags.idle = n;
  }
  const pin = valueOf(argv, '--kiosk-pin');
  if (pin !== undefined) {
    if (!PIN_PATTERN.test(pin)) throw new SetupError('--kiosk-pin must be 4 to 12 digits');
    flags.pin = pin;
  }
  if (argv.includes('--no-osk')) flags.osk = false;
  if (argv.includes('--stats')) flags.stats = true;
  if (argv.includes('--no-stats')) flags.stats = false;
  return flags;
}
