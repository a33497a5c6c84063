/**
 * Wrong PINs are rate-limited: after 3 wrong tries in a row the pad is locked for 30 s, doubling with
 * every further wrong try (up to 15 minutes), so four digits cannot be walked through by hand.
 */
import { verifyPin } from './pin';

const FREE_TRIES = 3;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

export type PinVerdict = { ok: true } | { ok: false; reason: 'wrong' | 'locked' | 'no-pin'; retryInSeconds: number };

export class PinGate {
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private readonly pinHash: string | null,
    private readonly now: () => number = Date.now,
  ) {}

  get hasPin(): boolean {
    return this.pinHash !== null;
  }

  check(pin: string): PinVerdict {
    if (!this.pinHash) return { ok: false, reason: 'no-pin', retryInSeconds: 0 };
    const wait = this.lockedUntil - this.now();
    if (wait > 0) return { ok: false, reason: 'locked', retryInSeconds: Math.ceil(wait / 1000) };
    if (verifyPin(pin, this.pinHash)) {
      this.failures = 0;
      return { ok: true };
    }
    this.failures += 1;
    if (this.failures >= FREE_TRIES) {
      const lock = Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (this.failures - FREE_TRIES));
      this.lockedUntil = this.now() + lock;
      return { ok: false, reason: 'locked', retryInSeconds: Math.ceil(lock / 1000) };
    }
    return { ok: false, reason: 'wrong', retryInSeconds: 0 };
  }
}
