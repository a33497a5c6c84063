/**
 * How a kiosk is configured: the kiosk config file in the data folder (`kiosk.json`), then the command
 * line, which wins where both say something, so a one-off `--idle 30` needs no edit of the file.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { SetupError } from '../model/errors';
import { UI_LANGUAGES, type UiLanguage } from '../model/ui-language';
import { hashPin, isPinHash } from './pin';

export const KIOSK_CONFIG_FILE = 'kiosk.json';
export const DEFAULT_IDLE_SECONDS = 90;
export const DEFAULT_COUNTDOWN_SECONDS = 15;

const fileSchema = z
  .object({
    idle: z.number().int().min(3).max(86_400).optional(),
    countdown: z.number().int().min(3).max(600).optional(),
    osk: z.boolean().optional(),
    pinHash: z.string().refine(isPinHash, 'not a hash written by "folio kiosk-pin"').optional(),
    stats: z.boolean().optional(),
    theme: z.enum(['light', 'dark']).optional(),
    fontSize: z.number().int().min(20).max(32).optional(),
    /** The interface language every visitor starts with (else the browser's or system's). */
    language: z.enum(UI_LANGUAGES).optional(),
  })
  .strict();
export type KioskFile = z.infer<typeof fileSchema>;

/** Everything the core needs to run a kiosk, resolved. */
export interface KioskSetup {
  enabled: boolean;
  idleSeconds: number;
  countdownSeconds: number;
  osk: boolean;
  pinHash: string | null;
  stats: boolean;
  canExit: boolean;
  defaults: { theme: 'light' | 'dark'; fontSize: number; language: UiLanguage | null };
  /**
   * Kiosk mode: the temporary folder for visitors' bookmarks and settings, made by the process that starts
   * the core (which removes it when it stops, since a terminated worker cannot).
   */
  storeDir?: string | null;
}

/** What the command line said; undefined means "not given". */
export interface KioskFlags {
  kiosk: boolean;
  idle?: number;
  pin?: string;
  osk?: boolean;
  stats?: boolean;
}

export function readKioskFile(dataDir: string): KioskFile {
  const file = join(dataDir, KIOSK_CONFIG_FILE);
  if (!existsSync(file)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SetupError(`${file}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SetupError(`${file}: ${issue?.path.join('.') || 'config'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Stores a PIN's hash in the data folder's kiosk config, keeping its other settings. */
export function writeKioskPin(dataDir: string, pin: string): string {
  const current = readKioskFile(dataDir);
  const file = join(dataDir, KIOSK_CONFIG_FILE);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...current, pinHash: hashPin(pin) }, null, 2)}\n`, { mode: 0o600 });
  return file;
}

/**
 * The command line wins over the file. `statsByDefault`: on for `folio serve`, off in the desktop app.
 * `canExit`: only the desktop app can close itself.
 */
export function resolveKioskSetup(
  dataDir: string,
  flags: KioskFlags,
  transport: { statsByDefault: boolean; canExit: boolean },
): KioskSetup {
  const file = readKioskFile(dataDir);
  return {
    enabled: flags.kiosk,
    idleSeconds: flags.idle ?? file.idle ?? DEFAULT_IDLE_SECONDS,
    countdownSeconds: file.countdown ?? DEFAULT_COUNTDOWN_SECONDS,
    osk: flags.osk ?? file.osk ?? true,
    pinHash: flags.pin !== undefined ? hashPin(flags.pin) : (file.pinHash ?? null),
    stats: flags.stats ?? file.stats ?? transport.statsByDefault,
    canExit: transport.canExit,
    defaults: { theme: file.theme ?? 'light', fontSize: file.fontSize ?? 22, language: file.language ?? null },
  };
}
