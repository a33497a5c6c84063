/**
 * Opens what a kiosk (or the ledger alone) needs in the core worker: the usage ledger in the data folder
 * when counting is on, and in kiosk mode a temporary folder for visitors' bookmarks and settings, so
 * nothing a visitor does is ever written to the data folder, even if the kiosk loses power mid-visit.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageLedger } from '../stats/ledger';
import { KioskRuntime } from './kiosk-runtime';
import type { KioskSetup } from './kiosk-settings';

export function openKioskRuntime(setup: KioskSetup, dataDir: string): KioskRuntime | null {
  if (!setup.enabled && !setup.stats) return null;
  const ledger = setup.stats ? UsageLedger.open(dataDir) : null;
  const storeDir = setup.enabled ? (setup.storeDir ?? makeVisitorStoreDir()) : null;
  if (storeDir) mkdirSync(storeDir, { recursive: true });
  return new KioskRuntime(setup, ledger, storeDir);
}

/** A fresh temporary folder for visitors' bookmarks and settings. */
export function makeVisitorStoreDir(): string {
  return mkdtempSync(join(tmpdir(), 'folio-kiosk-'));
}

export function removeVisitorStoreDir(dir: string | null | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
