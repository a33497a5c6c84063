/**
 * Admin PINs are kept only as a salted scrypt hash (node:crypto), never as digits: the kiosk config file
 * holds `scrypt$<N>$<salt>$<hash>` (base64url), and a PIN given on the command line is hashed at start.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const N = 16384;
const KEY_BYTES = 32;
export const PIN_PATTERN = /^\d{4,12}$/;

export function hashPin(pin: string): string {
  if (!PIN_PATTERN.test(pin)) throw new RangeError('A kiosk PIN is 4 to 12 digits.');
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, KEY_BYTES, { N });
  return `scrypt$${N}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export function isPinHash(text: string): boolean {
  return /^scrypt\$\d{4,7}\$[A-Za-z0-9_-]{16,}\$[A-Za-z0-9_-]{32,}$/.test(text);
}

export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, n, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !salt || !hash || !PIN_PATTERN.test(pin)) return false;
  const expected = Buffer.from(hash, 'base64url');
  const cost = Number(n);
  if (!Number.isInteger(cost) || cost < 1024 || cost > 1_048_576) return false;
  const actual = scryptSync(pin, Buffer.from(salt, 'base64url'), expected.length, { N: cost, maxmem: 256 * cost * 8 });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
