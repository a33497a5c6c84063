/** Kiosk mode and the usage ledger as the API hands them out (plain JSON, shared with the renderer). */
import type { Passage } from './archive';
import type { UiLanguage } from './ui-language';

/** What the renderer needs to run as a kiosk; `enabled: false` is the ordinary reader. */
export interface KioskConfig {
  enabled: boolean;
  /** Seconds without touch, key or scroll before "Are you still there?". */
  idleSeconds: number;
  /** Seconds the "Are you still there?" countdown runs before the reset. */
  countdownSeconds: number;
  /** The on-screen keyboard (off for kiosks with a physical keyboard). */
  osk: boolean;
  /** Whether the admin panel can close the app (Electron only; a browser kiosk is closed by its own set-up). */
  canExit: boolean;
  /** Whether an admin PIN is configured (without one the admin panel cannot be unlocked). */
  hasPin: boolean;
  /** Whether usage is being counted (the ledger). */
  stats: boolean;
  /** What every visitor starts with. */
  defaults: { theme: 'light' | 'dark'; fontSize: number; language: UiLanguage | null };
  /** The attract screen's passages. */
  featured: Passage[];
}

/** One day's figures, or a whole period's. */
export interface UsageSummary {
  since: string | null;
  days: UsageDay[];
  sessions: { count: number; totalSeconds: number; medianSeconds: number };
  searches: number;
  zeroResultQueries: { query: string; count: number }[];
  topQueries: { query: string; count: number }[];
  topPassages: { passageId: string; count: number }[];
  passagesOpened: number;
  bookmarksMade: number;
}

export interface UsageDay {
  day: string;
  sessions: number;
  sessionSeconds: number;
  searches: number;
  zeroResultSearches: number;
  passagesOpened: number;
  bookmarksMade: number;
}
