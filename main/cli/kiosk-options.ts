/** The kiosk options of `folio serve` (see main/kiosk/kiosk-settings.ts for how they meet the config file). */
import { InvalidArgumentError, type Command } from 'commander';
import type { KioskFlags } from '../kiosk/kiosk-settings';
import { PIN_PATTERN } from '../kiosk/pin';

export function idleSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 3 || n > 86_400)
    throw new InvalidArgumentError('must be a whole number of seconds from 3 to 86400');
  return n;
}

export function kioskPin(value: string): string {
  if (!PIN_PATTERN.test(value)) throw new InvalidArgumentError('must be 4 to 12 digits');
  return value;
}

export function addKioskOptions(command: Command): Command {
  return command
    .option('--kiosk', 'museum kiosk mode: attract screen, idle reset, no trace of a visitor, touch first')
    .option(
      '--idle <seconds>',
      'kiosk: seconds without a touch before "Are you still there?" (default 90)',
      idleSeconds,
    )
    .option('--kiosk-pin <digits>', "kiosk: the admin PIN (wins over the data folder's kiosk.json)", kioskPin)
    .option('--no-osk', 'kiosk: no on-screen keyboard (the kiosk has a physical one)')
    .option('--no-stats', 'do not count usage in the data folder (usage.sqlite)');
}

export interface KioskCliOptions {
  kiosk?: boolean;
  idle?: number;
  kioskPin?: string;
  osk?: boolean;
  stats?: boolean;
}

/** Commander's negatable options default to true; only an explicit `--no-…` may override the config file. */
export function kioskFlags(options: KioskCliOptions): KioskFlags {
  const flags: KioskFlags = { kiosk: options.kiosk === true };
  if (options.idle !== undefined) flags.idle = options.idle;
  if (options.kioskPin !== undefined) flags.pin = options.kioskPin;
  if (options.osk === false) flags.osk = false;
  if (options.stats === false) flags.stats = false;
  return flags;
}
