/**
 * A passage's id from its kind and text: `p` + 12 hex digits of SHA-256, `-2`, `-3`… for the second
 * and later passages with that hash. The builder names passages with it and the reader derives it
 * again, so a pack stores each id once, in its passage index (passage-index.ts), not beside the text.
 */
import { hash } from 'node:crypto';
import type { PassageKind } from '../model/passage-kind';

/**
 * The 12 hex digits of a passage's kind and text. The one-shot `hash` (Node 20.12) makes no Hash
 * object: 1 µs a passage against 9–25 for createHash, which a page of 30 hits read by id paid each.
 */
export function passageIdBase(kind: PassageKind, text: string): string {
  return hash('sha256', `${kind}\u0000${text}`, 'hex').slice(0, 12);
}

/** The id of the `occurrence`th passage (1 for the first) whose kind and text hash to the same digits. */
export function passageId(kind: PassageKind, text: string, occurrence: number): string {
  const base = passageIdBase(kind, text);
  return occurrence === 1 ? `p${base}` : `p${base}-${occurrence}`;
}
