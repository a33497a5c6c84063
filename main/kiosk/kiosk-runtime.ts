/**
 * The kiosk's side in the core worker: its settings, the visitor sessions under way (when each began,
 * nothing else), the PIN gate and the usage ledger. One per running app or server.
 */
import { rmSync } from 'node:fs';
import type { PackReader } from '../archive/pack-reader-types';
import type { BookmarkStore } from '../bookmarks/store';
import type { KioskConfig } from '../model/kiosk';
import type { UsageLedger } from '../stats/ledger';
import { featuredPassages } from './featured';
import { PinGate } from './pin-gate';
import type { KioskSetup } from './kiosk-settings';

/** A session left open longer than this (a browser closed mid-visit) is counted as ended at this length. */
const MAX_SESSION_MS = 6 * 3600_000;

export class KioskRuntime {
  readonly gate: PinGate;
  private readonly sessions = new Map<string, number>();
  private featured: { pack: PackReader; config: KioskConfig['featured'] } | null = null;

  constructor(
    readonly setup: KioskSetup,
    readonly ledger: UsageLedger | null,
    /** Where visitors' bookmarks and settings live in kiosk mode: a temporary folder, removed on close. */
    readonly storeDir: string | null = null,
    private readonly now: () => number = Date.now,
  ) {
    this.gate = new PinGate(setup.pinHash, now);
  }

  config(pack: PackReader): KioskConfig {
    if (this.featured?.pack !== pack)
      this.featured = { pack, config: this.setup.enabled ? featuredPassages(pack) : [] };
    return {
      enabled: this.setup.enabled,
      idleSeconds: this.setup.idleSeconds,
      countdownSeconds: this.setup.countdownSeconds,
      osk: this.setup.osk,
      canExit: this.setup.canExit,
      hasPin: this.gate.hasPin,
      stats: this.ledger !== null,
      defaults: this.setup.defaults,
      featured: this.featured.config,
    };
  }

  /** A visitor began: nothing of a previous visitor on this profile survives, and the kiosk's defaults apply. */
  start(profileId: string, store: BookmarkStore, archiveId: string): void {
    this.forget(profileId, store, archiveId);
    this.sessions.set(profileId, this.now());
    store.setSettings(profileId, archiveId, { ...this.setup.defaults, readingPosition: null, language: null });
  }

  /** A visitor's session ended (idle reset or "Reset now"): counted, then wiped. */
  end(profileId: string, store: BookmarkStore, archiveId: string): boolean {
    const began = this.sessions.get(profileId);
    this.sessions.delete(profileId);
    if (began !== undefined) this.ledger?.sessionEnded(Math.min(this.now() - began, MAX_SESSION_MS) / 1000);
    this.forget(profileId, store, archiveId);
    return began !== undefined;
  }

  private forget(profileId: string, store: BookmarkStore, archiveId: string): void {
    for (const b of store.list(profileId, archiveId)) store.remove(profileId, archiveId, b.passageId);
    store.setSettings(profileId, archiveId, { ...this.setup.defaults, readingPosition: null, language: null });
  }

  close(): void {
    const now = this.now();
    for (const began of this.sessions.values()) this.ledger?.sessionEnded(Math.min(now - began, MAX_SESSION_MS) / 1000);
    this.sessions.clear();
    this.ledger?.close();
    if (this.storeDir) rmSync(this.storeDir, { recursive: true, force: true });
  }
}
