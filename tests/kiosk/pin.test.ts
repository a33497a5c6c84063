/** Admin PINs: a salted scrypt hash only, and wrong tries locked out for longer and longer. */
import { describe, expect, it } from 'vitest';
import { hashPin, isPinHash, verifyPin } from '../../main/kiosk/pin';
import { PinGate } from '../../main/kiosk/pin-gate';

describe('PIN hashes', () => {
  it('stores no digits, salts every hash and verifies only the right PIN', () => {
    const a = hashPin('2468');
    const b = hashPin('2468');
    expect(a).not.toContain('2468');
    expect(a).not.toBe(b);
    expect(isPinHash(a)).toBe(true);
    expect(verifyPin('2468', a)).toBe(true);
    expect(verifyPin('2469', a)).toBe(false);
    expect(verifyPin('2468', 'scrypt$16384$garbage')).toBe(false);
    expect(() => hashPin('12a4')).toThrow(/4 to 12 digits/);
  });
});

describe('PinGate', () => {
  it('locks the pad after three wrong PINs, doubling the wait, and lets the right PIN in after it', () => {
    let now = 0;
    const gate = new PinGate(hashPin('1357'), () => now);
    expect(gate.check('0000')).toEqual({ ok: false, reason: 'wrong', retryInSeconds: 0 });
    expect(gate.check('0000')).toEqual({ ok: false, reason: 'wrong', retryInSeconds: 0 });
    expect(gate.check('0000')).toEqual({ ok: false, reason: 'locked', retryInSeconds: 30 });
    // Even the right PIN waits while the pad is locked.
    now += 10_000;
    expect(gate.check('1357')).toEqual({ ok: false, reason: 'locked', retryInSeconds: 20 });
    now += 20_000;
    expect(gate.check('9999')).toEqual({ ok: false, reason: 'locked', retryInSeconds: 60 });
    now += 60_000;
    expect(gate.check('1357')).toEqual({ ok: true });
    expect(gate.check('0000')).toEqual({ ok: false, reason: 'wrong', retryInSeconds: 0 });
  });

  it('cannot be unlocked when no PIN is configured', () => {
    expect(new PinGate(null).check('0000')).toEqual({ ok: false, reason: 'no-pin', retryInSeconds: 0 });
  });
});
